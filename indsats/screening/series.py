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
from .references import rates_and_references
from .rules import BOERNEHUS, NOTIFICATION, MunicipalityInput, rate

#: How long a series stays in the cache. Its key changes whenever what it is computed from
#: changes, and with the settings (which include today's date), so this only bounds the
#: cache's size.
CACHE_SECONDS = 24 * 60 * 60


def time_series(municipality: Municipality, parameters: Parameters) -> list[dict]:
    """Per year with any figures: the municipality's rates and the reference rates.

    Computing one municipality's series reads every municipality's figures for every year
    (the references need them), the heaviest part of its page; computing all 98 costs
    little more. So all are computed together and kept in the cache, each under a key made
    of cheap markers of all they are computed from (``markers``: the figures, the
    comparison groups, the municipalities) and the settings. Any change to one of them
    makes new keys.
    """
    prefix = _cache_prefix(parameters)
    series = cache.get(f"{prefix}:{municipality.code}")
    if series is None:
        every = computed_time_series(parameters)
        cache.set_many({f"{prefix}:{code}": rows for code, rows in every.items()}, CACHE_SECONDS)
        series = every.get(municipality.code, [])
    return series


def _cache_prefix(parameters: Parameters) -> str:
    inputs = {
        "figures": figures_marker(),
        "comparison_groups": records_marker(ComparisonGroup),
        "municipalities": municipalities_marker(),
        "parameters": parameters.to_dict(),
    }
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()
    return f"screening:series:{digest}"


def computed_time_series(parameters: Parameters) -> dict[str, list[dict]]:
    """Every municipality's ``time_series`` by code, computed from the database.

    The references use today's comparison groups and the given averaging method. Each
    year costs O(municipalities) (#11): the references of a region, of the country and of
    each comparison group are summed once and each municipality taken out of its own.
    """
    years = years_with_figures()
    municipalities = list(Municipality.objects.select_related("region"))
    every: dict[str, list[dict]] = {municipality.code: [] for municipality in municipalities}
    if not years:
        return every
    figures = load_figures(years, parameters)
    groups = {
        group.municipality_id: tuple(member.code for member in group.members.all())
        for group in ComparisonGroup.objects.prefetch_related("members")
    }
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
        computed = rates_and_references(inputs, parameters.averaging, parameters.references)
        for code, (rates, references) in computed.items():
            every[code].append(
                _year_row(year, figures.get((code, year), Figures()), rates, references)
            )
    return every


def _year_row(year: int, own: Figures, rates, references) -> dict:
    return {
        "year": year,
        "children": own.children,
        "notifications": own.notifications,
        "boernehus_cases": own.boernehus_cases,
        "vulnerable_pct": None if own.vulnerable_share is None else own.vulnerable_share * 100,
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
