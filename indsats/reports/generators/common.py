"""What every report needs: the offers in the filter, and the filter on a queryset."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from indsats.catalogue.models import Offer

from ..types import Column, ReportParams


def offers(params: ReportParams) -> list[Offer]:
    queryset = Offer.objects.order_by("order", "code")
    if params.offer:
        queryset = queryset.filter(code=params.offer)
    return list(queryset)


def offer_column() -> Column:
    return Column("offer", "Tilbud", "Offer", "text")


def offer_label(offer: Offer) -> str:
    return f"{offer.code} {offer.in_language('name')}"


def moments(params: ReportParams) -> tuple[datetime, datetime]:
    """The period as [start, end) in aware datetimes, for DateTimeFields: the whole of
    its last day is included."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(params.period_start, time.min, tzinfo=zone)
    end = datetime.combine(params.period_end + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def in_period(params: ReportParams, field: str) -> Q:
    start, end = moments(params)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def in_dates(params: ReportParams, field: str) -> Q:
    return Q(**{f"{field}__gte": params.period_start, f"{field}__lte": params.period_end})


def filtered(queryset, params: ReportParams, offer_field="offer", organisation="organisation"):
    """Narrow to the chosen offer and to organisations in the chosen region."""
    if params.offer:
        queryset = queryset.filter(**{f"{offer_field}__code": params.offer})
    if params.region:
        queryset = queryset.filter(**{f"{organisation}__municipality__region__code": params.region})
    return queryset


def sum_rows(rows: list[dict], keys: list[str], label_key: str, label: str) -> dict:
    """A totals row: each of ``keys`` summed over the rows (None counts as nothing)."""
    totals = {key: sum(row[key] for row in rows if row[key] is not None) for key in keys}
    return {label_key: label, **totals}


PERCENT_PLACES = Decimal("0.0001")  # a share as a fraction to four decimals: 12,34 %


def share(part, whole) -> Decimal | None:
    """``part`` of ``whole`` as a fraction (0.25 is 25 %); None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(PERCENT_PLACES)
