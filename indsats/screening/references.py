"""Rates per 1,000 children and the reference rates F5–F7 compare them with (C7, C13).

Pure: no ORM. Three references per measure:

- **region** and **country** include the municipality itself (as regional and national
  averages do), so every member of a region shares one region reference and everyone
  shares the country reference: each is computed once a year.
- the **comparison group** never includes the municipality (it compares with *other*
  municipalities), even when the published group lists it. Each municipality has its own
  group; several may publish the same one.

Averaging is *pooled* (sum of counts over sum of bases) or the unweighted *mean* of the
members' rates; members without both figures are left out.

Linear time (#11). A group's pooled sums are added up once per distinct published group,
and a municipality listed in its own group has its figures subtracted from them. The
results are the very Decimals the plain computation gives (``tests/reference_core.py``;
a property test compares the two), string form included, because:

- Counts are whole numbers and bases are whole numbers or children × a share with a few
  decimals, so the plain sums are exact, and exact sums can be subtracted without changing
  a digit. Where some sum could have been rounded (more digits than the context holds),
  that measure's groups are summed plainly.
- A Decimal sum shows the smallest exponent of its terms (``sum()`` starts from 0, so 0
  or less): the sum of the others shows what the plain sum shows only when the terms
  share one exponent. Where they do not (never, for figures from the database), that
  measure's groups are summed plainly too.
- The mean adds up the members' rates, which are rounded quotients: the result depends
  on the order, and subtracting would change the last digits. A group's mean is summed
  over its members in the group's order, as before: O(group size).

Per year: O(municipalities + the sum of the groups' sizes), where it was O(n²).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, getcontext
from typing import TYPE_CHECKING

from .parameters import MEAN

if TYPE_CHECKING:
    from .rules import MunicipalityInput

PER = Decimal(1000)
NOTIFICATION = "notification"  # notifications about violence and sexual abuse
BOERNEHUS = "boernehus"  # children's-house cases started
BOERNEHUS_VULNERABLE = "boernehus_vulnerable"  # the same per vulnerable child
MEASURES = (NOTIFICATION, BOERNEHUS, BOERNEHUS_VULNERABLE)

Pair = tuple[Decimal | None, Decimal | None]  # a count and the base it is counted against
Rates = dict[str, Decimal | None]  # measure -> rate
References = dict[str, dict[str, "Reference"]]  # measure -> reference name -> reference


def rate(count: Decimal | None, base: Decimal | None) -> Decimal | None:
    """Per 1,000 of the base; None when either is missing or the base is not positive."""
    if count is None or base is None or base <= 0:
        return None
    return count * PER / base


@dataclass(frozen=True)
class Reference:
    """A reference rate, and how many of the group's members had the figures for it."""

    rate: Decimal | None
    members_used: int
    members: int


NO_GROUP = Reference(None, 0, 0)  # the municipality has no comparison group


def reference_rate(pairs: Sequence[Pair], averaging: str) -> Reference:
    """Pooled (sum of counts over sum of bases) or the unweighted mean of members' rates.

    Members without both figures are left out; with none left the rate is missing.
    """
    usable = [(count, base) for count, base in pairs if rate(count, base) is not None]
    if not usable:
        return Reference(None, 0, len(pairs))
    if averaging == MEAN:
        value = sum((rate(c, b) for c, b in usable), Decimal(0)) / len(usable)
    else:
        value = rate(sum(c for c, _ in usable), sum(b for _, b in usable))
    return Reference(value, len(usable), len(pairs))


@dataclass(frozen=True)
class _Member:
    """One municipality's figures, read once: per measure its (count, base) and rate."""

    item: MunicipalityInput
    pairs: dict[str, Pair]
    rates: Rates

    @classmethod
    def of(cls, item: MunicipalityInput) -> _Member:
        pairs = {measure: item.count_and_base(measure) for measure in MEASURES}
        return cls(item, pairs, {measure: rate(*pairs[measure]) for measure in MEASURES})

    def usable(self, measure: str) -> Pair | None:
        """The (count, base) pair where the rate is known: the members a reference uses."""
        return None if self.rates[measure] is None else self.pairs[measure]


def _everyone(inputs: Sequence[MunicipalityInput]) -> dict[str, _Member]:
    """The members by code, in the inputs' order. Raises ValueError for a repeated code."""
    everyone = {item.code: _Member.of(item) for item in inputs}
    if len(everyone) != len(inputs):
        repeated = sorted(code for code, n in Counter(i.code for i in inputs).items() if n > 1)
        raise ValueError(f"Each municipality may appear once; repeated: {', '.join(repeated)}")
    return everyone


def _subtracts_exactly(pairs: Iterable[Pair]) -> bool:
    """Whether pooled sums of these (usable) pairs may be subtracted from: every sum and
    difference of them is exact in the context, and the counts share one exponent and the
    bases share one exponent (so every sum shows the exponent a plain sum would)."""
    count_exponents, base_exponents, largest = set(), set(), -(10**9)
    terms = 0
    for count, base in pairs:
        if not (count.is_finite() and base.is_finite()):
            return False
        count_exponents.add(count.as_tuple().exponent)
        base_exponents.add(base.as_tuple().exponent)
        largest = max(largest, count.adjusted(), base.adjusted())
        terms += 1
    if len(count_exponents) > 1 or len(base_exponents) > 1:
        return False
    if not terms:
        return True
    smallest = min(0, *count_exponents, *base_exponents)
    # A sum of n terms below 10^(largest + 1) is below 10^(largest + 1 + digits of n), and
    # so is the difference of two such sums.
    digits = largest - smallest + 1 + len(str(2 * terms))
    return digits <= getcontext().prec


@dataclass(frozen=True)
class _PooledSums:
    """The sums of one published group's usable counts and bases, for one measure."""

    count: Decimal
    base: Decimal
    used: int

    @classmethod
    def of(cls, pairs: Iterable[Pair | None]) -> _PooledSums:
        usable = [pair for pair in pairs if pair is not None]
        # Plain sum() from 0, as reference_rate adds up: exact, with the same exponent.
        return cls(sum(c for c, _ in usable), sum(b for _, b in usable), len(usable))

    def reference_without(self, own: Pair | None, members: int) -> Reference:
        """The pooled reference of the members other than ``own`` (None: not listed, or
        without figures); ``members`` counts the group without the municipality."""
        count, base, used = self.count, self.base, self.used
        if own is not None:
            count, base, used = count - own[0], base - own[1], used - 1
        if used == 0:
            return Reference(None, 0, members)
        return Reference(rate(count, base), used, members)


def _shared_references(members: Sequence[_Member], averaging: str) -> dict[str, Reference]:
    """Per measure, the reference of ``members`` (a region, or the country)."""
    return {
        measure: reference_rate([member.pairs[measure] for member in members], averaging)
        for measure in MEASURES
    }


def _group_codes(item: MunicipalityInput, known: Mapping[str, object]) -> list[str] | None:
    """The comparison group's members in its order, once each, without the municipality."""
    if item.comparison_group is None:
        return None
    codes = dict.fromkeys(code for code in item.comparison_group if code != item.code)
    return [code for code in codes if code in known]


def _plain_group_reference(
    codes: list[str], everyone: Mapping[str, _Member], measure: str, averaging: str
) -> Reference:
    """As ``reference_rate`` over the members' pairs in the group's order; a mean reuses
    the rates already divided (the same Decimals, added in the same order)."""
    if averaging != MEAN:
        return reference_rate([everyone[code].pairs[measure] for code in codes], averaging)
    known = [
        value for value in (everyone[code].rates[measure] for code in codes) if value is not None
    ]
    if not known:
        return Reference(None, 0, len(codes))
    return Reference(sum(known, Decimal(0)) / len(known), len(known), len(codes))


class _Groups:
    """The comparison-group references of one year's municipalities, for one measure."""

    def __init__(self, everyone: Mapping[str, _Member], measure: str, averaging: str):
        self.everyone, self.measure, self.averaging = everyone, measure, averaging
        self.subtract = averaging != MEAN and _subtracts_exactly(
            pair for member in everyone.values() if (pair := member.usable(measure)) is not None
        )
        self.sums: dict[frozenset[str], _PooledSums] = {}

    def reference(self, member: _Member, codes: list[str], published: frozenset) -> Reference:
        """``codes``: the group without the municipality (``_group_codes``); ``published``:
        the group's known codes as published, the municipality's own if listed."""
        if not self.subtract:
            return _plain_group_reference(codes, self.everyone, self.measure, self.averaging)
        sums = self.sums.get(published)
        if sums is None:
            sums = _PooledSums.of(self.everyone[code].usable(self.measure) for code in published)
            self.sums[published] = sums
        own = member.usable(self.measure) if member.item.code in published else None
        return sums.reference_without(own, len(codes))


def rates_and_references(
    inputs: Sequence[MunicipalityInput], averaging: str, references: Iterable[str]
) -> dict[str, tuple[Rates, References]]:
    """Per municipality code: its rates per measure, and its reference rates per measure.

    Raises ValueError when a code appears twice.
    """
    everyone = _everyone(inputs)
    references = tuple(references)
    country = _shared_references(list(everyone.values()), averaging)
    by_region: dict[str, list[_Member]] = {}
    for member in everyone.values():
        by_region.setdefault(member.item.region_code, []).append(member)
    regions = {code: _shared_references(members, averaging) for code, members in by_region.items()}
    groups = {measure: _Groups(everyone, measure, averaging) for measure in MEASURES}
    result = {}
    for member in everyone.values():
        region = regions[member.item.region_code]
        codes = _group_codes(member.item, everyone)
        # The group as published: the municipality is in it if the group lists it.
        published = frozenset(
            code for code in member.item.comparison_group or () if code in everyone
        )
        refs: References = {measure: {} for measure in MEASURES}
        for measure in MEASURES:
            for name in references:
                if name == "country":
                    refs[measure][name] = country[measure]
                elif name == "region":
                    refs[measure][name] = region[measure]
                elif codes is None:
                    refs[measure][name] = NO_GROUP
                else:
                    refs[measure][name] = groups[measure].reference(member, codes, published)
        result[member.item.code] = (member.rates, refs)
    return result
