"""The linear-time screening core gives exactly what the plain reference core gives (#11;
C7, C13; F5–F7). No database.

``reference_core.py`` is the core as it was: every municipality's references recomputed
from the members' figures. The new core shares the region and country references and
subtracts a municipality from its own published group's pooled sums; the figures are
Decimals, so the comparison is exact, down to their string form (what a run saves).
"""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indsats.screening.parameters import REFERENCES, Parameters
from indsats.screening.references import rates_and_references
from indsats.screening.rules import MunicipalityInput, Plan, screen
from indsats.screening.snapshot import result_to_dict
from indsats.screening.tests import reference_core

AS_OF = date(2025, 6, 30)

# Counts as imported (whole, often 0, sometimes missing), now and then absurd: negative or
# with more digits than a Decimal context holds, where the plain sums round.
counts = st.one_of(
    st.none(),
    st.just(0),
    st.integers(min_value=0, max_value=5000),
    st.integers(min_value=-50, max_value=-1),
    st.integers(min_value=10**26, max_value=10**30),
)
children = st.one_of(
    st.none(),
    st.just(0),
    st.integers(min_value=1, max_value=200_000),
    st.integers(min_value=10**26, max_value=10**30),
)
# Shares as imported (a percentage with four decimals, divided by 100), and with other
# numbers of decimals, so that the bases' exponents differ.
shares = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=1_000_000).map(lambda n: Decimal(n) / 10**6),
    st.integers(min_value=0, max_value=8).flatmap(
        lambda places: st.decimals(min_value=0, max_value=1, places=places)
    ),
    st.sampled_from([Decimal("0.1"), Decimal("0.25"), Decimal("0.125000"), Decimal(1)]),
)

# Round figures divide exactly, and an exact quotient shows the exponents of the sums it
# was divided from (30000 / 1500.0 is 2.0E+1, 30000 / 1500.00 is 2E+1): these catch a
# sum that shows another exponent than the plain sum would.
round_counts = st.sampled_from([None, 0, 1, 2, 5, 10, 20, 50, 100, 300, 500, 1000])
round_children = st.sampled_from([None, 0, 100, 200, 400, 500, 1000, 2000, 5000])
round_shares = st.sampled_from(
    [None, Decimal(1), Decimal("0.5"), Decimal("0.25"), Decimal("0.2"), Decimal("0.125000")]
)


@st.composite
def municipalities(draw, max_size=12):
    size = draw(st.integers(min_value=1, max_value=max_size))
    if draw(st.booleans()):
        count, child, share = counts, children, shares
    else:
        count, child, share = round_counts, round_children, round_shares
    codes = [f"{100 + index}" for index in range(size)]
    known_and_unknown = [*codes, "999"]  # a group may name a code not among the inputs
    items = []
    for code in codes:
        group = draw(st.one_of(st.none(), st.lists(st.sampled_from(known_and_unknown))))
        if group is not None and draw(st.booleans()):
            group.append(code)  # published groups sometimes list the municipality itself
        items.append(
            MunicipalityInput(
                code=code,
                name=f"Kommune {draw(st.integers(0, 3))}",  # ties in name: code decides
                region_code=draw(st.sampled_from(["R1", "R2", "R3"])),
                region_name="Region",
                children=draw(child),
                notifications=draw(count),
                boernehus_cases=draw(count),
                vulnerable_share=draw(share),
                plan=draw(st.sampled_from([None, Plan(date(2019, 3, 1), None, True)])),
                open_ministerial_requests=draw(st.sampled_from([(), ("MIN-1",)])),
                comparison_group=None if group is None else tuple(group),
            )
        )
    return draw(st.permutations(items))


parameters = st.builds(
    lambda threshold, averaging, references: Parameters(
        year=2024,
        as_of=AS_OF,
        threshold=threshold,
        averaging=averaging,
        references=tuple(name for name in REFERENCES if name in references),
    ),
    st.decimals(min_value=0, max_value=Decimal("0.9"), places=2),
    st.sampled_from(["pooled", "mean"]),
    st.sets(st.sampled_from(REFERENCES), min_size=1),
)


def _shown(figures: dict) -> dict:
    """Rates and references as strings: equal Decimals may still show differently."""
    return {
        code: (
            {measure: str(value) for measure, value in rates.items()},
            {
                measure: {
                    name: (str(ref.rate), ref.members_used, ref.members)
                    for name, ref in by_name.items()
                }
                for measure, by_name in refs.items()
            },
        )
        for code, (rates, refs) in figures.items()
    }


@given(municipalities(), parameters)
@settings(max_examples=200, deadline=None)
def test_it_screens_exactly_as_the_reference_core(inputs, params):
    new = [result_to_dict(result, params) for result in screen(inputs, params)]
    old = [result_to_dict(result, params) for result in reference_core.screen(inputs, params)]
    assert new == old


@given(municipalities(), parameters)
@settings(max_examples=300, deadline=None)
def test_it_computes_every_rate_and_reference_as_the_reference_core(inputs, params):
    args = (params.averaging, params.references)
    new = rates_and_references(inputs, *args)
    assert _shown(new) == _shown(reference_core.rates_and_references(inputs, *args))


@given(st.integers(min_value=2, max_value=30), st.sampled_from(["pooled", "mean"]))
@settings(max_examples=50, deadline=None)
def test_it_subtracts_the_municipality_from_a_group_shared_by_all(size, averaging):
    # Everyone publishes the same group, itself included: the case the subtraction is for.
    codes = tuple(f"{100 + index}" for index in range(size))
    inputs = [
        MunicipalityInput(
            code=code,
            name=code,
            region_code="R1",
            region_name="Region",
            children=1000 + index * 37,
            notifications=index * 3 % 11,
            boernehus_cases=index % 4,
            vulnerable_share=Decimal(index % 7 * 1000 + 1234) / 10**6,
            comparison_group=codes,
        )
        for index, code in enumerate(codes)
    ]
    args = (averaging, ("group",))
    new = rates_and_references(inputs, *args)
    assert _shown(new) == _shown(reference_core.rates_and_references(inputs, *args))
    assert all(refs["notification"]["group"].members == size - 1 for _, refs in new.values())


def test_it_refuses_a_municipality_that_appears_twice():
    item = MunicipalityInput(code="101", name="København", region_code="1084", region_name="H")
    with pytest.raises(ValueError, match="repeated: 101"):
        rates_and_references([item, item], "pooled", REFERENCES)
