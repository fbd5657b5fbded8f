"""Screening candidates over the years, and what was decided (C8, O5).

Per screening year: the runs, the candidates in the year's latest run, and the decisions
taken on the municipalities for that year (a decision belongs to its run's year, or to the
year it was taken when it has no run). Offers do not apply to the screening. Three
queries: the runs' dates, the latest runs' results, the decisions.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.screening.models import Decision, ScreeningDecision, ScreeningRun

from ..types import Chart, Column, Report, ReportParams, Table
from .common import sum_rows

DECISION_KEYS = {Decision.CONTACT: "contact", Decision.WATCH: "watch", Decision.NO_ACTION: "none"}


def generate(params: ReportParams) -> Report:
    years = range(params.period_start.year, params.period_end.year + 1)
    runs = list(
        ScreeningRun.objects.filter(year__in=years)
        .order_by("year", "created_at", "pk")
        .values_list("pk", "year")
    )
    run_count, latest_id = {}, {}
    for pk, year in runs:
        run_count[year] = run_count.get(year, 0) + 1
        latest_id[year] = pk  # ordered by time: the last one wins
    latest = {
        run.year: run
        for run in ScreeningRun.objects.filter(pk__in=latest_id.values()).only(
            "year", "as_of", "results"
        )
    }
    decisions = ScreeningDecision.objects.filter(
        decided_at__year__gte=years.start - 1, decided_at__year__lte=years.stop
    ).order_by("decided_at", "pk")
    if params.region:
        decisions = decisions.filter(municipality__region__code=params.region)
    decided: dict[tuple[int, str], tuple[str, object]] = {}  # (year, code) -> latest
    counts: dict[int, dict[str, int]] = {}
    for code, choice, decided_at, run_year in decisions.values_list(
        "municipality__code", "decision", "decided_at", "run__year"
    ):
        year = run_year or timezone.localtime(decided_at).year
        if year not in years:
            continue
        decided[(year, code)] = (choice, decided_at)
        by_choice = counts.setdefault(year, dict.fromkeys(DECISION_KEYS.values(), 0))
        by_choice[DECISION_KEYS[choice]] += 1
    year_rows, candidate_rows = [], []
    labels = dict(Decision.choices)
    for year in years:
        run = latest.get(year)
        results = [
            row
            for row in (run.results if run else [])
            if not params.region or row["region_code"] == params.region
        ]
        candidates = [row for row in results if row["candidate"]]
        by_choice = counts.get(year, dict.fromkeys(DECISION_KEYS.values(), 0))
        year_rows.append(
            {
                "year": str(year),
                "runs": run_count.get(year, 0),
                "as_of": run.as_of if run else None,
                "screened": len(results),
                "candidates": len(candidates),
                **by_choice,
                "undecided": sum(1 for row in candidates if (year, row["code"]) not in decided),
            }
        )
        for row in candidates:
            choice, decided_at = decided.get((year, row["code"]), (None, None))
            candidate_rows.append(
                {
                    "year": str(year),
                    "municipality": row["name"],
                    "region": row["region_name"],
                    "factors": row["count"],
                    "decision": str(labels[choice]) if choice else "",
                    "decided_on": timezone.localdate(decided_at) if decided_at else None,
                }
            )
    year_column = Column("year", "År", "Year", "text")
    totals = sum_rows(
        year_rows,
        ["runs", "screened", "candidates", "contact", "watch", "none", "undecided"],
        "year",
        _("I alt"),
    )
    totals["as_of"] = None
    return Report(
        title=_("Screening: kandidater og beslutninger"),
        notes=[_("Screeningen gælder kommunerne, ikke tilbuddene; tilbudsfilteret bruges ikke.")],
        tables=[
            Table(
                key="years",
                title=_("Kandidater og beslutninger pr. år"),
                sheet_name=_("Pr. år"),
                columns=[
                    year_column,
                    Column("runs", "Kørsler", "Runs", "int"),
                    Column("as_of", "Seneste kørsel opgjort pr.", "Latest run as of", "date"),
                    Column("screened", "Kommuner screenet", "Municipalities screened", "int"),
                    Column("candidates", "Kandidater", "Candidates", "int"),
                    Column("contact", "Tag kontakt", "Contact", "int"),
                    Column("watch", "Hold øje", "Watch", "int"),
                    Column("none", "Ingen handling", "No action", "int"),
                    Column("undecided", "Kandidater uden beslutning", "Undecided", "int"),
                ],
                rows=year_rows,
                totals=totals,
                note=_(
                    "Kandidaterne er dem i årets seneste kørsel. En beslutning hører til sin "
                    "kørsels år, eller til det år, den blev truffet, hvis den ikke har en kørsel."
                ),
                chart=Chart("year", ("candidates", "contact", "watch", "none"), "bar"),
            ),
            Table(
                key="candidates",
                title=_("Kandidater og seneste beslutning"),
                sheet_name=_("Kandidater"),
                columns=[
                    year_column,
                    Column("municipality", "Kommune", "Municipality", "text"),
                    Column("region", "Region", "Region", "text"),
                    Column("factors", "Faktorer opfyldt", "Factors met", "int"),
                    Column("decision", "Beslutning", "Decision", "text"),
                    Column("decided_on", "Besluttet", "Decided", "date"),
                ],
                rows=candidate_rows,
            ),
        ],
    )
