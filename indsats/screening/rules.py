"""The screening of the 98 municipalities (O5, F1–F7): a pure core.

No ORM and no request: ``screen(inputs, parameters)`` takes plain values and returns the
ranked results with every figure behind every flag. ``references.py`` computes the rates
and reference rates (in linear time); ``inputs.py`` builds the inputs from the database;
``services.py`` saves a run.

Three-valued answers: a factor is True (met), False (not met) or None (missing data).
Missing data never raises or lowers a flag: where the answer depends on a missing figure,
the factor is missing. F5–F7 compare with several references and are met when *any*
reference triggers them, so they combine with Kleene's "or" (met if one reference is met;
missing if none is met and one is missing), and F7's two conditions with Kleene's "and".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .parameters import FACTORS, Parameters, add_years, subtract_months
from .references import (
    BOERNEHUS,
    BOERNEHUS_VULNERABLE,
    NOTIFICATION,
    Reference,
    rates_and_references,
)
from .references import MEASURES as MEASURES  # re-exported: the core's vocabulary
from .references import rate as rate
from .references import reference_rate as reference_rate


@dataclass(frozen=True)
class Plan:
    """The preparedness plan (beredskab) as recorded: None dates mean no such decision."""

    approved_on: date | None
    revised_on: date | None
    is_published: bool

    @property
    def last_decided_on(self) -> date | None:
        dates = [day for day in (self.approved_on, self.revised_on) if day is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class MunicipalityInput:
    code: str
    name: str
    region_code: str
    region_name: str
    children: int | None = None  # aged 0–17
    notifications: int | None = None  # about violence and sexual abuse, in the year
    boernehus_cases: int | None = None  # started in the year
    vulnerable_share: Decimal | None = None  # vulnerable children as a share (0–1) of 0–17
    plan: Plan | None = None  # None: nothing recorded (missing)
    press_dates: tuple[date, ...] = ()
    open_ministerial_requests: tuple[str, ...] = ()  # their references
    comparison_group: tuple[str, ...] | None = None  # codes; None: no group recorded

    def count_and_base(self, measure: str) -> tuple[Decimal | None, Decimal | None]:
        """The count and the number of children it is counted against, for a measure."""
        children = None if self.children is None else Decimal(self.children)
        if measure == NOTIFICATION:
            return _dec(self.notifications), children
        if measure == BOERNEHUS:
            return _dec(self.boernehus_cases), children
        if children is None or self.vulnerable_share is None:
            return _dec(self.boernehus_cases), None
        return _dec(self.boernehus_cases), children * self.vulnerable_share


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def any3(values: Iterable[bool | None]) -> bool | None:
    """Kleene's "or": True if one is True, else None if one is None, else False."""
    values = list(values)
    if any(value is True for value in values):
        return True
    if any(value is None for value in values) or not values:
        return None
    return False


def all3(values: Iterable[bool | None]) -> bool | None:
    """Kleene's "and": False if one is False, else None if one is None, else True."""
    values = list(values)
    if any(value is False for value in values):
        return False
    if any(value is None for value in values):
        return None
    return True


def above(value: Decimal | None, limit: Decimal | None) -> bool | None:
    return None if value is None or limit is None else value > limit


def below(value: Decimal | None, limit: Decimal | None) -> bool | None:
    return None if value is None or limit is None else value < limit


@dataclass(frozen=True)
class Comparison:
    """One measure against one reference: ``rate`` above or below ``limit`` = (1 ± t) × ref."""

    measure: str
    reference: str
    rate: Decimal | None
    reference_rate: Decimal | None
    limit: Decimal | None
    met: bool | None


@dataclass(frozen=True)
class FactorResult:
    code: str
    met: bool | None  # None: missing data
    triggered_by: tuple[str, ...] = ()  # F5–F7: the references that triggered it
    comparisons: tuple[Comparison, ...] = ()
    facts: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MunicipalityResult:
    code: str
    name: str
    region_code: str
    region_name: str
    rates: Mapping[str, Decimal | None]
    references: Mapping[str, Mapping[str, Reference]]  # measure -> reference -> rate
    factors: Mapping[str, FactorResult]
    weighted_count: Decimal
    rank: int = 0

    @property
    def met(self) -> tuple[str, ...]:
        return tuple(code for code in FACTORS if self.factors[code].met is True)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(code for code in FACTORS if self.factors[code].met is None)

    @property
    def count(self) -> int:
        return len(self.met)

    def is_candidate(self, parameters: Parameters) -> bool:
        """At least ``candidate_min_factors`` factors met, or an open ministerial request."""
        return self.count >= parameters.candidate_min_factors or self.factors["F4"].met is True


# The factors. Each takes the municipality's input and the parameters.


def plan_factors(item: MunicipalityInput, parameters: Parameters) -> tuple[FactorResult, ...]:
    """F1 no approved and published plan; F2 plan not revised within four years.

    F2 is met the day after the plan turns ``plan_max_age_years`` old; within the warning
    window before that it is *due soon*, shown separately and not counted. With no
    approved plan F2 is not met: F1 covers that case.
    """
    plan = item.plan
    if plan is None:
        return FactorResult("F1", None), FactorResult("F2", None)
    f1 = FactorResult(
        "F1",
        plan.approved_on is None or not plan.is_published,
        facts={"approved_on": plan.approved_on, "is_published": plan.is_published},
    )
    last = plan.last_decided_on
    if last is None:
        return f1, FactorResult("F2", False, facts={"no_plan": True})
    due = add_years(last, parameters.plan_max_age_years)
    overdue = parameters.as_of > due
    due_soon = not overdue and (due - parameters.as_of) <= timedelta(
        days=parameters.warning_window_days
    )
    f2 = FactorResult(
        "F2", overdue, facts={"last_decided_on": last, "due_on": due, "due_soon": due_soon}
    )
    return f1, f2


def press_factor(item: MunicipalityInput, parameters: Parameters) -> FactorResult:
    """F3: press criticism dated within the look-back window up to the screening date."""
    since = subtract_months(parameters.as_of, parameters.look_back_months)
    within = tuple(sorted(d for d in item.press_dates if since <= d <= parameters.as_of))
    return FactorResult("F3", bool(within), facts={"since": since, "dates": within})


def ministerial_factor(item: MunicipalityInput) -> FactorResult:
    """F4: an open ministerial request to offer the municipality sparring or consultancy."""
    refs = tuple(item.open_ministerial_requests)
    return FactorResult("F4", bool(refs), facts={"open_requests": refs})


def _comparisons(
    measure: str,
    own: Decimal | None,
    references: Mapping[str, Reference],
    direction: str,
    parameters: Parameters,
) -> tuple[Comparison, ...]:
    factor = Decimal(1) + parameters.threshold if direction == "above" else 1 - parameters.threshold
    compare = above if direction == "above" else below
    result = []
    for name in parameters.references:
        ref = references[name].rate
        limit = None if ref is None else factor * ref
        result.append(Comparison(measure, name, own, ref, limit, compare(own, limit)))
    return tuple(result)


def rate_factors(
    rates: Mapping[str, Decimal | None],
    references: Mapping[str, Mapping[str, Reference]],
    parameters: Parameters,
) -> tuple[FactorResult, ...]:
    """F5 notifications high, F6 børnehus cases low, F7 børnehus high and notifications low.

    Each against every reference in ``parameters.references``; the references that met
    the condition are named in ``triggered_by``.
    """
    f5_cmp = _comparisons(
        NOTIFICATION, rates[NOTIFICATION], references[NOTIFICATION], "above", parameters
    )
    f6_cmp = _comparisons(BOERNEHUS, rates[BOERNEHUS], references[BOERNEHUS], "below", parameters)
    vulnerable = _comparisons(
        BOERNEHUS_VULNERABLE,
        rates[BOERNEHUS_VULNERABLE],
        references[BOERNEHUS_VULNERABLE],
        "below",
        parameters,
    )
    f7_high = _comparisons(BOERNEHUS, rates[BOERNEHUS], references[BOERNEHUS], "above", parameters)
    f7_low = _comparisons(
        NOTIFICATION, rates[NOTIFICATION], references[NOTIFICATION], "below", parameters
    )
    f7_per_ref = [all3((high.met, low.met)) for high, low in zip(f7_high, f7_low, strict=True)]
    return (
        FactorResult(
            "F5",
            any3(c.met for c in f5_cmp),
            tuple(c.reference for c in f5_cmp if c.met),
            f5_cmp,
        ),
        FactorResult(
            "F6",
            any3(c.met for c in f6_cmp),
            tuple(c.reference for c in f6_cmp if c.met),
            f6_cmp,
            # Held against the share of vulnerable children where known; shown, not counted.
            facts={"per_vulnerable_child": vulnerable},
        ),
        FactorResult(
            "F7",
            any3(f7_per_ref),
            tuple(
                high.reference for high, met in zip(f7_high, f7_per_ref, strict=True) if met is True
            ),
            tuple(c for pair in zip(f7_high, f7_low, strict=True) for c in pair),
        ),
    )


# Putting it together.


def screen(inputs: Sequence[MunicipalityInput], parameters: Parameters) -> list[MunicipalityResult]:
    """Every municipality's factors with their figures, ranked by weighted count.

    Ties share a rank (1, 2, 2, 4); within a rank the order is by name. Raises ValueError
    when a municipality appears twice.
    """
    figures = rates_and_references(inputs, parameters.averaging, parameters.references)
    scored = []
    for item in inputs:
        rates, refs = figures[item.code]
        factors = (
            *plan_factors(item, parameters),
            press_factor(item, parameters),
            ministerial_factor(item),
            *rate_factors(rates, refs, parameters),
        )
        by_code = {factor.code: factor for factor in factors}
        met = [code for code in FACTORS if by_code[code].met is True]
        weighted = sum((parameters.weights[code] for code in met), Decimal(0))
        # Ranked before the results are made, so that each is made once, with its rank.
        key = (-weighted, -len(met), item.name, item.code)
        scored.append((key, item, rates, refs, by_code, weighted))
    scored.sort(key=lambda entry: entry[0])
    ranked = []
    rank, previous = 0, None
    for position, (key, item, rates, refs, by_code, weighted) in enumerate(scored, start=1):
        if key[:2] != previous:
            rank, previous = position, key[:2]
        ranked.append(
            MunicipalityResult(
                code=item.code,
                name=item.name,
                region_code=item.region_code,
                region_name=item.region_name,
                rates=rates,
                references=refs,
                factors=by_code,
                weighted_count=weighted,
                rank=rank,
            )
        )
    return ranked
