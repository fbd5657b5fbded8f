"""A municipality's rates year by year, with the reference rates, for its charts."""

from __future__ import annotations

from decimal import Decimal

from indsats.organisations.models import Municipality

from .inputs import Figures, load_figures, years_with_figures
from .models import ComparisonGroup
from .parameters import Parameters
from .references import rates_and_references_of
from .rules import BOERNEHUS, NOTIFICATION, MunicipalityInput, rate


def time_series(municipality: Municipality, parameters: Parameters) -> list[dict]:
    """Per year with any figures: the municipality's rates and the reference rates.

    The references use today's comparison groups and the given averaging method. Each
    year costs O(municipalities): the others' figures feed the references, but they are
    not screened (#11).
    """
    years = years_with_figures()
    if not years:
        return []
    figures = load_figures(years, parameters)
    municipalities = list(Municipality.objects.select_related("region"))
    groups = {
        group.municipality_id: tuple(member.code for member in group.members.all())
        for group in ComparisonGroup.objects.prefetch_related("members")
    }
    series = []
    for year in years:
        inputs = []
        for other in municipalities:
            item = figures.get((other.code, year), Figures())
            inputs.append(
                MunicipalityInput(
                    code=other.code,
                    name=other.name,
                    region_code=other.region.code,
                    region_name=other.region.name,
                    children=item.children,
                    notifications=item.notifications,
                    boernehus_cases=item.boernehus_cases,
                    vulnerable_share=item.vulnerable_share,
                    comparison_group=groups.get(other.pk),
                )
            )
        rates, references = rates_and_references_of(
            municipality.code, inputs, parameters.averaging, parameters.references
        )
        own = figures.get((municipality.code, year), Figures())
        series.append(
            {
                "year": year,
                "children": own.children,
                "notifications": own.notifications,
                "boernehus_cases": own.boernehus_cases,
                "vulnerable_pct": None
                if own.vulnerable_share is None
                else own.vulnerable_share * 100,
                "rates": rates,
                "references": {
                    measure: {name: ref.rate for name, ref in references[measure].items()}
                    for measure in (NOTIFICATION, BOERNEHUS)
                },
                "notifications_total_rate": rate(
                    None if own.notifications_total is None else Decimal(own.notifications_total),
                    None if own.children is None else Decimal(own.children),
                ),
            }
        )
    return series


def _number(value) -> float | None:
    return None if value is None else round(float(value), 2)


def chart_data(series: list[dict], measure: str, labels: dict[str, str], own_label: str) -> dict:
    """What charts.js draws: the years, and a line for the municipality and each reference."""
    datasets = [{"label": own_label, "data": [_number(row["rates"][measure]) for row in series]}]
    names = list(series[0]["references"][measure]) if series else []
    for name in names:
        datasets.append(
            {
                "label": labels[name],
                "data": [_number(row["references"][measure][name]) for row in series],
            }
        )
    return {"labels": [str(row["year"]) for row in series], "datasets": datasets}
