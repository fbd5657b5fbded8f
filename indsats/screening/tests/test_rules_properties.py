"""Properties of the screening's core that hold for any figures (C7; F5–F7). No database."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from indsats.screening.parameters import Parameters, add_years
from indsats.screening.rules import (
    MunicipalityInput,
    Plan,
    rate,
    reference_rate,
    screen,
)

AS_OF = date(2025, 6, 30)

counts = st.one_of(st.none(), st.integers(min_value=0, max_value=5000))
children = st.one_of(st.none(), st.integers(min_value=1, max_value=200_000))


@st.composite
def municipalities(draw, min_size=2, max_size=8):
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    codes = [f"{100 + index}" for index in range(size)]
    items = []
    for code in codes:
        group = draw(st.one_of(st.none(), st.lists(st.sampled_from(codes), max_size=4)))
        items.append(
            MunicipalityInput(
                code=code,
                name=f"Kommune {code}",
                region_code=draw(st.sampled_from(["R1", "R2"])),
                region_name="Region",
                children=draw(children),
                notifications=draw(counts),
                boernehus_cases=draw(counts),
                comparison_group=None if group is None else tuple(group),
            )
        )
    return items


parameters = st.builds(
    lambda threshold, averaging: Parameters(
        year=2024, as_of=AS_OF, threshold=threshold, averaging=averaging
    ),
    st.decimals(min_value=0, max_value=Decimal("0.9"), places=2),
    st.sampled_from(["pooled", "mean"]),
)


@given(municipalities(), parameters)
@settings(max_examples=150, deadline=None)
def test_it_never_flags_a_municipality_on_figures_it_does_not_have(inputs, params):
    for item, result in zip(inputs, _in_input_order(inputs, params), strict=True):
        if item.children is None or item.notifications is None:
            assert result.factors["F5"].met is None
        if item.children is None or item.boernehus_cases is None:
            assert result.factors["F6"].met is None
        if item.children is None:
            assert result.factors["F7"].met is None


@given(municipalities(), parameters)
@settings(max_examples=150, deadline=None)
def test_it_names_exactly_the_references_whose_comparison_was_met(inputs, params):
    for result in screen(inputs, params):
        for code in ("F5", "F6"):
            factor = result.factors[code]
            met = tuple(c.reference for c in factor.comparisons if c.met is True)
            assert factor.triggered_by == met
            assert (factor.met is True) == bool(met)


@given(municipalities(), st.sampled_from(["pooled", "mean"]))
@settings(max_examples=100, deadline=None)
def test_it_flags_no_more_f5_or_f6_with_a_higher_threshold(inputs, averaging):
    low = Parameters(year=2024, as_of=AS_OF, threshold=Decimal("0.1"), averaging=averaging)
    high = low.with_changes(threshold=Decimal("0.5"))
    for code in ("F5", "F6"):
        flagged_low = {r.code for r in screen(inputs, low) if r.factors[code].met is True}
        flagged_high = {r.code for r in screen(inputs, high) if r.factors[code].met is True}
        assert flagged_high <= flagged_low


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10**6))
def test_it_gives_a_group_of_one_the_members_own_rate_either_way(count, base):
    pair = (Decimal(count), Decimal(base))
    own = rate(*pair)
    assert reference_rate([pair], "pooled").rate == own
    assert reference_rate([pair], "mean").rate == own


@given(
    st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=10),
    st.integers(min_value=1, max_value=10**6),
)
def test_it_pools_and_averages_alike_when_members_are_the_same_size(counts_, base):
    pairs = [(Decimal(count), Decimal(base)) for count in counts_]
    pooled = reference_rate(pairs, "pooled").rate
    mean = reference_rate(pairs, "mean").rate
    assert abs(pooled - mean) < Decimal("1e-20")


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=10_000), st.integers(1, 10**6)),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from(["pooled", "mean"]),
)
def test_it_keeps_a_reference_between_its_members_lowest_and_highest_rate(members, averaging):
    pairs = [(Decimal(count), Decimal(base)) for count, base in members]
    rates = [rate(*pair) for pair in pairs]
    value = reference_rate(pairs, averaging).rate
    assert min(rates) - Decimal("1e-20") <= value <= max(rates) + Decimal("1e-20")


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=-3, max_value=3),
)
def test_it_flags_f2_exactly_when_the_plan_is_older_than_four_years(last, offset):
    as_of = add_years(last, 4) + timedelta(days=offset)
    params = Parameters(year=2024, as_of=as_of)
    item = MunicipalityInput("101", "A", "R1", "R", plan=Plan(last, None, True))
    assert screen([item], params)[0].factors["F2"].met is (offset > 0)


def _in_input_order(inputs, params):
    results = {result.code: result for result in screen(inputs, params)}
    return [results[item.code] for item in inputs]
