"""From the database to the core's inputs: figures per municipality and year, the records
staff keep, and the data versions (sources) they came from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from indsats.organisations.models import Municipality

from .models import (
    ComparisonGroup,
    DataSource,
    Measure,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    RequestStatus,
    StatisticValue,
)
from .parameters import Parameters, reason_codes_for
from .rules import MunicipalityInput, Plan


@dataclass
class Figures:
    """One municipality's figures for one year; None is missing."""

    children: int | None = None
    notifications: int | None = None  # violence and sexual abuse (UND3, by the settings)
    notifications_total: int | None = None  # all notifications (UND1)
    boernehus_cases: int | None = None
    vulnerable_share: Decimal | None = None  # 0–1
    source_ids: set[int] = field(default_factory=set)


def _int(value) -> int | None:
    return None if value is None else int(value)


def load_figures(years: Iterable[int], parameters: Parameters) -> dict[tuple[str, int], Figures]:
    """Figures per (municipality code, year) for the given years."""
    years = sorted(set(years))
    periods = {str(y) for y in years} | {f"{y}K{parameters.child_count_quarter}" for y in years}
    figures: dict[tuple[str, int], Figures] = defaultdict(Figures)
    reasons: dict[tuple[str, int], dict[str, tuple]] = defaultdict(dict)
    rows = StatisticValue.objects.filter(year__in=years, period__in=periods).values_list(
        "measure", "municipality__code", "year", "reason", "value", "source_id"
    )
    for measure, code, year, reason, value, source_id in rows:
        item = figures[(code, year)]
        if measure == Measure.NOTIFICATIONS_BY_REASON:
            reasons[(code, year)][reason] = (value, source_id)
            continue
        item.source_ids.add(source_id)
        if measure == Measure.CHILDREN:
            item.children = _int(value)
        elif measure == Measure.NOTIFICATIONS:
            item.notifications_total = _int(value)
        elif measure == Measure.BOERNEHUS:
            item.boernehus_cases = _int(value)
        elif measure == Measure.VULNERABLE_PCT:
            item.vulnerable_share = None if value is None else Decimal(value) / 100
    periods_by_reason = parameters.reason_periods
    for (code, year), by_reason in reasons.items():
        item = figures[(code, year)]
        codes = reason_codes_for(periods_by_reason, year)
        if codes is None:
            continue
        used = [by_reason.get(reason) for reason in sorted(codes)]
        item.source_ids |= {entry[1] for entry in used if entry is not None}
        # Every counted reason must be there with a figure; else the count is missing.
        if all(entry is not None and entry[0] is not None for entry in used):
            item.notifications = sum(int(entry[0]) for entry in used)
    return figures


def gather(parameters: Parameters) -> tuple[list[MunicipalityInput], dict]:
    """The inputs for a screening of ``parameters.year``, and the data versions used."""
    figures = load_figures([parameters.year], parameters)
    plans = {
        plan.municipality_id: plan for plan in PreparednessPlan.objects.select_related("source")
    }
    press: dict[int, list] = defaultdict(list)
    for municipality_id, day in PressCriticism.objects.values_list(
        "municipality_id", "published_on"
    ):
        press[municipality_id].append(day)
    requests: dict[int, list] = defaultdict(list)
    for municipality_id, reference in MinisterialRequest.objects.filter(
        status=RequestStatus.OPEN
    ).values_list("municipality_id", "reference"):
        requests[municipality_id].append(reference)
    groups = {
        group.municipality_id: group
        for group in ComparisonGroup.objects.prefetch_related("members").select_related("source")
    }
    source_ids: set[int] = set()
    inputs = []
    for municipality in Municipality.objects.select_related("region").order_by("code"):
        item = figures.get((municipality.code, parameters.year), Figures())
        source_ids |= item.source_ids
        plan = plans.get(municipality.pk)
        group = groups.get(municipality.pk)
        for record in (plan, group):
            if record is not None and record.source_id:
                source_ids.add(record.source_id)
        inputs.append(
            MunicipalityInput(
                code=municipality.code,
                name=municipality.name,
                region_code=municipality.region.code,
                region_name=municipality.region.name,
                children=item.children,
                notifications=item.notifications,
                boernehus_cases=item.boernehus_cases,
                vulnerable_share=item.vulnerable_share,
                plan=None
                if plan is None
                else Plan(plan.approved_on, plan.revised_on, plan.is_published),
                press_dates=tuple(sorted(press.get(municipality.pk, ()))),
                open_ministerial_requests=tuple(sorted(requests.get(municipality.pk, ()))),
                comparison_group=None
                if group is None
                else tuple(sorted(member.code for member in group.members.all())),
            )
        )
    sources = DataSource.objects.filter(pk__in=source_ids).order_by("kind", "pk")
    versions = {
        "sources": [source.as_version() for source in sources],
        "records": {
            "plans": len(plans),
            "press": PressCriticism.objects.count(),
            "open_ministerial_requests": sum(len(refs) for refs in requests.values()),
            "comparison_groups": len(groups),
        },
    }
    return inputs, versions


def imported_reason_codes(year: int) -> set[str]:
    """The UND3 reason codes with figures for ``year``, to tell whether they match the
    codes the settings count (#9)."""
    rows = StatisticValue.objects.filter(year=year, measure=Measure.NOTIFICATIONS_BY_REASON)
    return set(rows.order_by().values_list("reason", flat=True).distinct())


def uses_synthetic_data(versions: dict) -> bool:
    return any(source["synthetic"] for source in versions.get("sources", []))


def years_with_figures() -> list[int]:
    # order_by() first: the model's default ordering would otherwise join the DISTINCT.
    return list(StatisticValue.objects.order_by("year").values_list("year", flat=True).distinct())
