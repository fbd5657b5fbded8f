"""Plain-JSON forms of the core's inputs and results, so a run can be saved and reproduced.

Pure: no ORM. Decimals are kept as strings (exact), dates as ISO strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from .parameters import FACTORS, Parameters
from .rules import Comparison, MunicipalityInput, MunicipalityResult, Plan, Reference


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _d(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def input_to_dict(item: MunicipalityInput) -> dict:
    plan = item.plan
    return {
        "code": item.code,
        "name": item.name,
        "region_code": item.region_code,
        "region_name": item.region_name,
        "children": item.children,
        "notifications": item.notifications,
        "boernehus_cases": item.boernehus_cases,
        "vulnerable_share": _s(item.vulnerable_share),
        "plan": None
        if plan is None
        else {
            "approved_on": plan.approved_on and plan.approved_on.isoformat(),
            "revised_on": plan.revised_on and plan.revised_on.isoformat(),
            "is_published": plan.is_published,
        },
        "press_dates": [day.isoformat() for day in item.press_dates],
        "open_ministerial_requests": list(item.open_ministerial_requests),
        "comparison_group": None if item.comparison_group is None else list(item.comparison_group),
    }


def input_from_dict(data: Mapping) -> MunicipalityInput:
    plan = data["plan"]
    return MunicipalityInput(
        code=data["code"],
        name=data["name"],
        region_code=data["region_code"],
        region_name=data["region_name"],
        children=data["children"],
        notifications=data["notifications"],
        boernehus_cases=data["boernehus_cases"],
        vulnerable_share=_d(data["vulnerable_share"]),
        plan=None
        if plan is None
        else Plan(_day(plan["approved_on"]), _day(plan["revised_on"]), plan["is_published"]),
        press_dates=tuple(date.fromisoformat(day) for day in data["press_dates"]),
        open_ministerial_requests=tuple(data["open_ministerial_requests"]),
        comparison_group=None
        if data["comparison_group"] is None
        else tuple(data["comparison_group"]),
    )


def _fact(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Comparison):
        return comparison_to_dict(value)
    if isinstance(value, tuple | list):
        return [_fact(item) for item in value]
    return value


def comparison_to_dict(comparison: Comparison) -> dict:
    return {
        "measure": comparison.measure,
        "reference": comparison.reference,
        "rate": _s(comparison.rate),
        "reference_rate": _s(comparison.reference_rate),
        "limit": _s(comparison.limit),
        "met": comparison.met,
    }


def _reference(reference: Reference) -> dict:
    return {
        "rate": _s(reference.rate),
        "members_used": reference.members_used,
        "members": reference.members,
    }


def result_to_dict(result: MunicipalityResult, parameters: Parameters) -> dict:
    return {
        "code": result.code,
        "name": result.name,
        "region_code": result.region_code,
        "region_name": result.region_name,
        "rank": result.rank,
        "rates": {measure: _s(value) for measure, value in result.rates.items()},
        "references": {
            measure: {name: _reference(ref) for name, ref in refs.items()}
            for measure, refs in result.references.items()
        },
        "factors": {
            code: {
                "met": result.factors[code].met,
                "triggered_by": list(result.factors[code].triggered_by),
                "comparisons": [comparison_to_dict(c) for c in result.factors[code].comparisons],
                "facts": {k: _fact(v) for k, v in result.factors[code].facts.items()},
            }
            for code in FACTORS
        },
        "met": list(result.met),
        "missing": list(result.missing),
        "count": result.count,
        "weighted_count": str(result.weighted_count),
        "candidate": result.is_candidate(parameters),
    }
