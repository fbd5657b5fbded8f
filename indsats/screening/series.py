"""A municipality's rates year by year, with the reference rates, for its charts."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from django.core.cache import cache

from indsats.organisations.models import Municipality

from .inputs import Figures, load_figures, years_with_figures
from .markers import figures_marker, municipalities_marker, records_marker
from .models import ComparisonGroup
from .parameters import Parameters
from .references import rates_and_references_of
from .rules import BOERNEHUS, NOTIFICATION, MunicipalityInput, rate

#: How long a series stays in the cache. Its key changes whenever what it is computed from
#: changes, and with the settings (which include today's date), so this only bounds the
#: cache's size.
CACHE_SECONDS = 24 * 60 * 60


def time_series(municipality: Municipality, parameters: Parameters) -> list[dict]:
    """Per year with any figures: the municipality's rates and the reference rates.

    Computing it reads every municipality's figures for every year (the references need
    them), the heaviest part of the municipality's page; so it is kept in the cache under
    a key made of cheap markers of all it reads (``markers``: the figures, the comparison
    groups, the municipalities) and the settings. Any change to one of them is a new key.
    """
    key = _cache_key(municipality, parameters)
    series = cache.get(key)
    if series is None:
        series = computed_time_series(municipality, parameters)
        cache.set(key, series, CACHE_SECONDS)
    return series


def _cache_key(municipality: Municipality, parameters: Parameters) -> str:
    inputs = {
        "figures": figures_marker(),
        "comparison_groups": records_marker(ComparisonGroup),
        "municipalities": municipalities_marker(),
        "parameters": parameters.to_dict(),
    }
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()
    return f"screening:series:{municipality.code}:{digest}"


def computed_time_series(municipality: Municipality, parameters: Parameters) -> list[dict]:
    """``time_series`` computed from the database, not the cache.

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
