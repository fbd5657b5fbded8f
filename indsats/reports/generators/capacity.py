"""Capacity planned against used, per offer and period and per consultant (C8).

The figures are ``allocation.capacity.capacity_use``, the same the allocation pages show,
for each period (year or quarter) with capacity set that overlaps the chosen dates. That
function runs a handful of grouped queries per offer and period, never one per programme
or consultant. Capacity is the Board's own: the region filter does not apply.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from indsats.allocation.capacity import capacity_use, consultant_hours
from indsats.allocation.models import ConsultantCapacity, OfferCapacity
from indsats.allocation.periods import Period, parse_period

from ..types import Chart, Column, Report, ReportParams, Table
from .common import offer_column, offer_label, offers, share, sum_rows


def _periods(params: ReportParams, keys) -> list[Period]:
    periods = {parse_period(key) for key in keys}
    overlapping = [
        period
        for period in periods
        if period.start <= params.period_end and period.end >= params.period_start
    ]
    return sorted(overlapping, key=lambda period: (period.start, period.end))


def generate(params: ReportParams) -> Report:
    chosen = offers(params)
    planned = set(OfferCapacity.objects.filter(offer__in=chosen).values_list("offer_id", "period"))
    offer_periods = _periods(params, {key for _offer, key in planned})
    consultant_periods = _periods(
        params, ConsultantCapacity.objects.values_list("period", flat=True).distinct()
    )
    offer_rows = []
    for period in offer_periods:
        for offer in chosen:
            if (offer.pk, period.key) not in planned:
                continue
            use = capacity_use(offer, period)  # its consultants are not read here
            offer_rows.append(
                {
                    "offer": offer_label(offer),
                    "period": period.label,
                    "places": use.places,
                    "started": use.started,
                    "free_places": use.free_places,
                    "place_use": share(use.started, use.places),
                    "hours": use.total_hours,
                    "committed_hours": use.committed_hours,
                    "logged_hours": use.logged_hours,
                }
            )
    consultant_rows = []
    for period in consultant_periods if chosen else ():
        for consultant in consultant_hours(period):
            consultant_rows.append(
                {
                    "consultant": consultant.name,
                    "period": period.label,
                    "available": consultant.available,
                    "logged": consultant.logged,
                    "planned": consultant.planned,
                    "free": consultant.free,
                    "hour_use": share(consultant.logged, consultant.available),
                }
            )
    period_column = Column("period", "Periode", "Period", "text")
    offers_table = Table(
        key="offer_capacity",
        title=_("Kapacitet pr. tilbud og periode"),
        sheet_name=_("Kapacitet pr. tilbud"),
        columns=[
            offer_column(),
            period_column,
            Column("places", "Pladser planlagt", "Places planned", "int"),
            Column("started", "Forløb startet", "Programmes started", "int"),
            Column("free_places", "Ledige pladser", "Free places", "int"),
            Column("place_use", "Pladser brugt", "Places used", "percent"),
            Column("hours", "Konsulenttimer planlagt", "Consultant hours planned", "decimal"),
            Column("committed_hours", "Timer bundet", "Hours committed", "decimal"),
            Column("logged_hours", "Timer registreret", "Hours logged", "decimal"),
        ],
        rows=offer_rows,
        totals={
            **sum_rows(
                offer_rows,
                ["places", "started", "free_places", "committed_hours", "logged_hours"],
                "offer",
                _("I alt"),
            ),
            "period": "",
            "place_use": share(
                sum(row["started"] for row in offer_rows),
                sum(row["places"] for row in offer_rows),
            ),
            "hours": None,  # not every offer plans hours, so a sum would mislead
        },
        note=_(
            "Perioder med kapacitet, der overlapper de valgte datoer. Timer bundet er "
            "timeloftet for de startede forløb, eller flere, hvis der er registreret flere."
        ),
        chart=Chart("offer", ("places", "started")),
    )
    consultants_table = Table(
        key="consultant_capacity",
        title=_("Konsulenttimer pr. konsulent og periode"),
        sheet_name=_("Konsulenttimer"),
        columns=[
            Column("consultant", "Konsulent", "Consultant", "text"),
            period_column,
            Column("available", "Timer til rådighed", "Hours available", "decimal"),
            Column("logged", "Timer registreret", "Hours logged", "decimal"),
            Column("planned", "Timer planlagt", "Hours planned", "decimal"),
            Column("free", "Timer ledige", "Hours free", "decimal"),
            Column("hour_use", "Timer brugt", "Hours used", "percent"),
        ],
        rows=consultant_rows,
        totals=sum_rows(
            consultant_rows,
            ["available", "logged", "planned", "free"],
            "consultant",
            _("I alt"),
        )
        | {"period": "", "hour_use": None},
        note=_(
            "Timer planlagt er resten af timeloftet på de forløb, konsulenten er på, delt "
            "mellem forløbets konsulenter."
        ),
        chart=Chart("consultant", ("available", "logged", "planned")),
    )
    return Report(
        title=_("Kapacitet: planlagt og brugt"),
        tables=[offers_table, consultants_table],
        notes=[_("Kapaciteten gælder hele landet; regionsfilteret bruges ikke her.")],
    )
