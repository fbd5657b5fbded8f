"""The reports by key, and one way to run them: the pages, the files and the REST API all
call ``run_report`` (C8, C9).

    from indsats.reports.registry import REPORTS, ReportParams, run_report
    report = run_report("waiting_times", ReportParams(date(2027, 1, 1), date(2027, 12, 31)))
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .generators import capacity, outcomes, reach, screening, volumes, waiting
from .types import Column, Report, ReportParams, ReportSpec, Table

__all__ = ["REPORTS", "Column", "Report", "ReportParams", "ReportSpec", "Table", "run_report"]

REPORTS: dict[str, ReportSpec] = {
    spec.key: spec
    for spec in (
        ReportSpec(
            "volumes",
            _("Henvendelser, ansøgninger og afgørelser"),
            _("Antal henvendelser, ansøgninger, afgørelser og forløb pr. tilbud."),
            volumes.generate,
        ),
        ReportSpec(
            "waiting_times",
            _("Ventetider"),
            _("Dage fra ansøgning til afgørelse og start: median og 90. percentil."),
            waiting.generate,
        ),
        ReportSpec(
            "capacity",
            _("Kapacitet"),
            _("Pladser og konsulenttimer planlagt og brugt pr. tilbud, periode og konsulent."),
            capacity.generate,
        ),
        ReportSpec(
            "outcomes",
            _("Resultater"),
            _("Endelige politikker, mål nået, fokusgrupper og timer mod timeloftet."),
            outcomes.generate,
        ),
        ReportSpec(
            "reach",
            _("Kommuner nået"),
            _("Kommuner nået af forløb eller opsøgende arbejde, og dem der ikke er, pr. region."),
            reach.generate,
        ),
        ReportSpec(
            "screening",
            _("Screening"),
            _("Kandidater i screeningen år for år, og hvad der blev besluttet."),
            screening.generate,
        ),
    )
}


def run_report(key: str, params: ReportParams) -> Report:
    """Generate the report ``key``; KeyError for a key not in REPORTS."""
    return REPORTS[key].generate(params)
