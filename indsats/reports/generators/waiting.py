"""Waiting times per offer: received → decision → start, median and 90th percentile (C8).

For the applications submitted in the period. *Received* is when the application was
submitted, *decision* the first decision on it (a later, reopened decision does not make
the wait shorter), *start* when its programme was created. Days are calendar days between
the dates. Percentiles by nearest rank (``stats``): each is one of the measured waits.
One query: the applications with their first decision and programme start annotated.
"""

from __future__ import annotations

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.applications.models import Application

from .. import stats
from ..types import Chart, Column, Report, ReportParams, Table
from .common import filtered, in_period, offer_column, offer_label, offers

SPANS = [
    ("decision", "modtaget → afgørelse", "received → decision"),
    ("start", "afgørelse → start", "decision → start"),
    ("total", "modtaget → start", "received → start"),
]


def _days(earlier, later) -> int | None:
    if earlier is None or later is None:
        return None
    return (timezone.localdate(later) - timezone.localdate(earlier)).days


def waits(params: ReportParams) -> list[tuple[str, dict[str, int | None]]]:
    """(offer code, {span: days}) for each application submitted in the period."""
    applications = (
        filtered(Application.objects.filter(in_period(params, "submitted_at")), params)
        .exclude(submitted_at=None)
        .annotate(first_decision=Min("decisions__decided_at"))
        .values_list("offer__code", "submitted_at", "first_decision", "programme__created_at")
    )
    return [
        (
            code,
            {
                "decision": _days(received, decided),
                "start": _days(decided, started),
                "total": _days(received, started),
            },
        )
        for code, received, decided, started in applications
    ]


def _figures(measured: list[dict[str, int | None]]) -> dict:
    row = {"applications": len(measured)}
    for span, _da, _en in SPANS:
        days = [m[span] for m in measured if m[span] is not None]
        row[f"{span}_count"] = len(days)
        row[f"{span}_median"] = stats.median(days)
        row[f"{span}_p90"] = stats.percentile_90(days)
    return row


def columns() -> list[Column]:
    result = [offer_column(), Column("applications", "Ansøgninger", "Applications", "int")]
    for span, da, en in SPANS:
        result += [
            Column(f"{span}_count", f"Antal målt, {da}", f"Number measured, {en}", "int"),
            Column(f"{span}_median", f"Median dage, {da}", f"Median days, {en}", "int"),
            Column(
                f"{span}_p90", f"90. percentil dage, {da}", f"90th percentile days, {en}", "int"
            ),
        ]
    return result


def generate(params: ReportParams) -> Report:
    measured = waits(params)
    by_offer: dict[str, list[dict[str, int | None]]] = {}
    for code, m in measured:
        by_offer.setdefault(code, []).append(m)
    rows = [
        {"offer": offer_label(offer), **_figures(by_offer.get(offer.code, []))}
        for offer in offers(params)
    ]
    table = Table(
        key="waiting_times",
        title=_("Ventetider i dage pr. tilbud"),
        sheet_name=_("Ventetider"),
        columns=columns(),
        rows=rows,
        # Percentiles do not add up: the totals row is every application measured together.
        totals={"offer": _("Alle tilbud"), **_figures([m for _code, m in measured])},
        note=_(
            "For ansøgninger indsendt i perioden: dage fra indsendelse til første afgørelse, "
            "fra afgørelse til forløbets start, og i alt. Median og 90. percentil efter "
            "nærmeste rang: værdien på plads ⌈p/100 × n⌉ blandt de n sorterede ventetider; "
            "ved et lige antal er medianen den mindste af de to midterste."
        ),
        chart=Chart("offer", ("decision_median", "decision_p90", "total_median", "total_p90")),
    )
    return Report(title=_("Ventetider"), tables=[table])
