"""The screening core as it was before #11 (C7, C13; F5–F7): the plain reference.

Kept unchanged so that the property test (test_core_matches_reference.py) can compare the
linear-time core in ``rules.py`` with it on random data, and so that bench/screening.py can
time the two side by side. Every municipality's region, country and comparison-group
references are recomputed from the members' figures: O(n²) a year, but obviously right.
Not used by the application.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from indsats.screening.parameters import FACTORS, MEAN, Parameters
from indsats.screening.rules import (
    MEASURES,
    MunicipalityInput,
    MunicipalityResult,
    Reference,
    ministerial_factor,
    plan_factors,
    press_factor,
    rate,
    rate_factors,
)


def reference_rate(
    pairs: Sequence[tuple[Decimal | None, Decimal | None]], averaging: str
) -> Reference:
    """Pooled (sum of counts over sum of bases) or the unweighted mean of members' rates."""
    usable = [(count, base) for count, base in pairs if rate(count, base) is not None]
    if not usable:
        return Reference(None, 0, len(pairs))
    if averaging == MEAN:
        value = sum((rate(c, b) for c, b in usable), Decimal(0)) / len(usable)
    else:
        value = rate(sum(c for c, _ in usable), sum(b for _, b in usable))
    return Reference(value, len(usable), len(pairs))


def members_of(
    item: MunicipalityInput, name: str, everyone: Mapping[str, MunicipalityInput]
) -> list[MunicipalityInput] | None:
    """Region and country include the municipality; the comparison group never does."""
    if name == "country":
        return list(everyone.values())
    if name == "region":
        return [other for other in everyone.values() if other.region_code == item.region_code]
    if item.comparison_group is None:
        return None
    codes = dict.fromkeys(code for code in item.comparison_group if code != item.code)
    return [everyone[code] for code in codes if code in everyone]


def rates_and_references(
    inputs: Sequence[MunicipalityInput], averaging: str, references: Iterable[str]
) -> dict[str, tuple[dict, dict]]:
    """Per municipality code: its rates per measure, and its reference rates per measure."""
    everyone = {item.code: item for item in inputs}
    references = tuple(references)
    result = {}
    for item in inputs:
        rates = {measure: rate(*item.count_and_base(measure)) for measure in MEASURES}
        refs: dict[str, dict[str, Reference]] = {measure: {} for measure in MEASURES}
        for name in references:
            members = members_of(item, name, everyone)
            for measure in MEASURES:
                if members is None:
                    refs[measure][name] = Reference(None, 0, 0)
                else:
                    pairs = [member.count_and_base(measure) for member in members]
                    refs[measure][name] = reference_rate(pairs, averaging)
        result[item.code] = (rates, refs)
    return result


def screen(inputs: Sequence[MunicipalityInput], parameters: Parameters) -> list[MunicipalityResult]:
    """Every municipality's factors with their figures, ranked by weighted count."""
    figures = rates_and_references(inputs, parameters.averaging, parameters.references)
    results = []
    for item in inputs:
        rates, refs = figures[item.code]
        factors = (
            *plan_factors(item, parameters),
            press_factor(item, parameters),
            ministerial_factor(item),
            *rate_factors(rates, refs, parameters),
        )
        by_code = {factor.code: factor for factor in factors}
        weighted = sum(
            (parameters.weights[code] for code in FACTORS if by_code[code].met is True),
            Decimal(0),
        )
        results.append(
            MunicipalityResult(
                code=item.code,
                name=item.name,
                region_code=item.region_code,
                region_name=item.region_name,
                rates=rates,
                references=refs,
                factors=by_code,
                weighted_count=weighted,
            )
        )
    results.sort(key=lambda r: (-r.weighted_count, -r.count, r.name, r.code))
    ranked = []
    for position, result in enumerate(results, start=1):
        previous = ranked[-1] if ranked else None
        tied = previous is not None and (previous.weighted_count, previous.count) == (
            result.weighted_count,
            result.count,
        )
        ranked.append(replace(result, rank=previous.rank if tied else position))
    return ranked
