"""The screening's pure core (C7; O5, F1–F7) on small, hand-computed cases. No database.

Children are 1,000 per municipality unless said otherwise, so a count is its own rate
per 1,000 children. t = 0.25 unless said otherwise.
"""

from datetime import date
from decimal import Decimal

import pytest

from indsats.screening.parameters import FACTORS, ParameterError, Parameters
from indsats.screening.rules import (
    BOERNEHUS,
    NOTIFICATION,
    MunicipalityInput,
    Plan,
    all3,
    any3,
    rate,
    reference_rate,
    screen,
)

AS_OF = date(2025, 6, 30)


def params(**changes) -> Parameters:
    return Parameters(year=2024, as_of=AS_OF).with_changes(**changes)


def mun(code, region="R1", children=1000, notifications=None, cases=None, **fields):
    return MunicipalityInput(
        code=code,
        name=f"Kommune {code}",
        region_code=region,
        region_name=f"Region {region}",
        children=children,
        notifications=notifications,
        boernehus_cases=cases,
        **fields,
    )


def by_code(results):
    return {result.code: result for result in results}


# Rates and references.


def test_it_computes_rates_per_1000_children():
    assert rate(Decimal(15), Decimal(2000)) == Decimal("7.5")
    assert rate(None, Decimal(1000)) is None
    assert rate(Decimal(3), None) is None
    assert rate(Decimal(3), Decimal(0)) is None


def test_it_pools_counts_over_children_by_default():
    # (12 + 4 + 80) / (1,000 + 1,000 + 8,000) × 1,000 = 9.6
    pairs = [
        (Decimal(12), Decimal(1000)),
        (Decimal(4), Decimal(1000)),
        (Decimal(80), Decimal(8000)),
    ]
    assert params().averaging == "pooled"
    assert reference_rate(pairs, "pooled").rate == Decimal("9.6")


def test_it_takes_the_unweighted_mean_of_rates_when_set_to():
    # (12 + 4 + 10) / 3
    pairs = [
        (Decimal(12), Decimal(1000)),
        (Decimal(4), Decimal(1000)),
        (Decimal(80), Decimal(8000)),
    ]
    assert reference_rate(pairs, "mean").rate == Decimal(26) / 3


def test_it_leaves_members_without_figures_out_of_a_reference():
    pairs = [(Decimal(10), Decimal(1000)), (None, Decimal(1000)), (Decimal(2), None)]
    reference = reference_rate(pairs, "pooled")
    assert (reference.rate, reference.members_used, reference.members) == (Decimal(10), 1, 3)
    assert reference_rate([(None, Decimal(1000))], "pooled").rate is None


def test_it_excludes_the_municipality_from_its_own_comparison_group():
    # A's group lists A itself; A at 15 against B alone at 5 (limit 6.25) is high.
    inputs = [
        mun("A", notifications=15, comparison_group=("A", "B")),
        mun("B", notifications=5, comparison_group=("A",)),
    ]
    result = by_code(screen(inputs, params(references=("group",))))["A"]
    assert result.references[NOTIFICATION]["group"].rate == Decimal(5)
    assert result.references[NOTIFICATION]["group"].members == 1
    assert result.factors["F5"].met is True


# F1 and F2: the preparedness plan.


def test_it_flags_f1_without_an_approved_plan():
    results = by_code(
        screen(
            [
                mun("A", plan=Plan(None, None, False)),
                mun("B", plan=Plan(date(2023, 1, 5), None, False)),
                mun("C", plan=Plan(date(2023, 1, 5), None, True)),
            ],
            params(),
        )
    )
    assert results["A"].factors["F1"].met is True  # no approved plan
    assert results["B"].factors["F1"].met is True  # approved, but not published
    assert results["C"].factors["F1"].met is False
    assert results["A"].factors["F2"].met is False  # F1 covers a missing plan


@pytest.mark.parametrize(
    ("as_of", "met", "due_soon"),
    [
        (date(2024, 3, 14), False, True),  # one day before four years
        (date(2024, 3, 15), False, True),  # the day it turns four: still in time
        (date(2024, 3, 16), True, False),  # one day after: older than four years
    ],
)
def test_it_flags_f2_the_day_after_the_plan_turns_four(as_of, met, due_soon):
    plan = Plan(date(2016, 1, 4), date(2020, 3, 15), True)
    f2 = screen([mun("A", plan=plan)], params(as_of=as_of))[0].factors["F2"]
    assert f2.met is met
    assert f2.facts["due_on"] == date(2024, 3, 15)
    assert f2.facts["due_soon"] is due_soon


def test_it_counts_four_years_from_the_latest_approval_or_revision():
    never_revised = Plan(date(2021, 7, 1), None, True)
    f2 = screen([mun("A", plan=never_revised)], params())[0].factors["F2"]
    assert f2.facts["due_on"] == date(2025, 7, 1)
    assert f2.met is False
    assert f2.facts["due_soon"] is True  # 1 July is within 90 days of 30 June


def test_it_shows_a_plan_due_soon_only_within_the_warning_window():
    plan = Plan(date(2021, 10, 1), None, True)  # due 1 October 2025: 93 days after 30 June
    assert screen([mun("A", plan=plan)], params())[0].factors["F2"].facts["due_soon"] is False
    wide = params(warning_window_days=93)
    assert screen([mun("A", plan=plan)], wide)[0].factors["F2"].facts["due_soon"] is True


def test_it_keeps_29_february_plans_due_on_28_february():
    plan = Plan(date(2020, 2, 29), None, True)
    assert screen([mun("A", plan=plan)], params())[0].factors["F2"].facts["due_on"] == date(
        2024, 2, 29
    )
    plan = Plan(date(2019, 2, 28), date(2020, 2, 29), True)
    f2 = screen([mun("A", plan=plan)], params(plan_max_age_years=1))[0].factors["F2"]
    assert f2.facts["due_on"] == date(2021, 2, 28)


def test_it_shows_f1_and_f2_as_missing_when_nothing_is_recorded():
    result = screen([mun("A", plan=None)], params())[0]
    assert result.factors["F1"].met is None
    assert result.factors["F2"].met is None
    assert result.missing[:2] == ("F1", "F2")


# F3 and F4: the press and the minister.


def test_it_flags_f3_for_press_criticism_within_the_look_back_window():
    # 24 months back from 30 June 2025 is 30 June 2023.
    inside = mun("A", press_dates=(date(2023, 6, 30),))
    outside = mun("B", press_dates=(date(2023, 6, 29), date(2025, 7, 1)))  # too old; future
    results = by_code(screen([inside, outside], params()))
    assert results["A"].factors["F3"].met is True
    assert results["B"].factors["F3"].met is False
    assert by_code(screen([outside], params(look_back_months=25)))["B"].factors["F3"].met is True


def test_it_flags_f4_for_an_open_ministerial_request_and_makes_a_candidate_of_it():
    result = screen([mun("A", open_ministerial_requests=("2025-17",))], params())[0]
    assert result.factors["F4"].met is True
    assert result.factors["F4"].facts["open_requests"] == ("2025-17",)
    assert result.count == 1
    assert result.is_candidate(params())


# F5, F6, F7: the rates against region, country and comparison group.


def test_it_flags_f5_above_one_plus_t_times_a_reference_and_names_it():
    # Region R1: (15 + 5 + 10) / 4,000 = 7.5, limit 9.375. Country with D (R2, 10):
    # 40 / 5,000 = 8, limit 10. A's group {B}: 5, limit 6.25. A's 15 beats all three.
    inputs = [
        mun("A", notifications=15, comparison_group=("B",)),
        mun("B", notifications=5, comparison_group=("A",)),
        mun("C", children=2000, notifications=10, comparison_group=("A",)),
        mun("D", region="R2", notifications=10, comparison_group=("A", "B")),
    ]
    results = by_code(screen(inputs, params()))
    f5 = results["A"].factors["F5"]
    assert f5.met is True
    assert f5.triggered_by == ("region", "country", "group")
    region = f5.comparisons[0]
    assert (region.rate, region.reference_rate, region.limit) == (
        Decimal(15),
        Decimal("7.5"),
        Decimal("9.375"),
    )
    # C at 5 per 1,000 is high against nothing; D at 10 is not above its own region (10,
    # limit 12.5), the country (8, limit exactly 10) or its group {A, B} (10, limit 12.5).
    assert results["C"].factors["F5"].met is False
    assert results["D"].factors["F5"].met is False


def test_it_does_not_flag_f5_at_exactly_the_limit_when_pooled_but_does_with_the_mean():
    # Pooled region: 96 / 10,000 = 9.6, limit 12.0: A's 12 is not above it.
    # Mean of rates: (12 + 4 + 10) / 3 = 8.67, limit 10.83: A's 12 is above it.
    inputs = [
        mun("A", notifications=12),
        mun("B", notifications=4),
        mun("C", children=8000, notifications=80),
    ]
    pooled = screen(inputs, params(references=("region",)))
    mean = screen(inputs, params(references=("region",), averaging="mean"))
    assert by_code(pooled)["A"].factors["F5"].met is False
    assert by_code(mean)["A"].factors["F5"].met is True


def test_it_flags_f6_below_one_minus_t_times_a_reference():
    # Region: 6 / 3,000 = 2 per 1,000, limit 1.5: A at 1 is low, B at 2 is not.
    inputs = [mun("A", cases=1), mun("B", cases=2), mun("C", cases=3)]
    results = by_code(screen(inputs, params(references=("region",))))
    assert results["A"].factors["F6"].met is True
    assert results["A"].factors["F6"].triggered_by == ("region",)
    assert results["B"].factors["F6"].met is False


def test_it_holds_boernehus_cases_against_vulnerable_children_without_counting_it():
    # A: 1 case / (1,000 × 2 %) = 50 per 1,000 vulnerable children; B: 2 / 20 = 100.
    inputs = [
        mun("A", cases=1, vulnerable_share=Decimal("0.02")),
        mun("B", cases=2, vulnerable_share=Decimal("0.02")),
        mun("C", cases=3),
    ]
    result = by_code(screen(inputs, params(references=("region",))))["A"]
    assert result.rates["boernehus_vulnerable"] == Decimal(50)
    vulnerable = result.factors["F6"].facts["per_vulnerable_child"][0]
    assert vulnerable.reference_rate == Decimal(75)  # 3 cases / 40 vulnerable children
    assert vulnerable.met is True
    assert result.count == 1  # only F6 itself counts


def test_it_flags_f7_for_many_boernehus_cases_and_few_notifications_against_one_reference():
    # Region: notifications 15 / 3,000 = 5 (low limit 3.75), cases 6 / 3,000 = 2 (high
    # limit 2.5). A has 2 notifications and 3 cases: both conditions against the region.
    inputs = [
        mun("A", notifications=2, cases=3),
        mun("B", notifications=6, cases=1),
        mun("C", notifications=7, cases=2),
    ]
    f7 = by_code(screen(inputs, params(references=("region",))))["A"].factors["F7"]
    assert f7.met is True
    assert f7.triggered_by == ("region",)
    assert {(c.measure, c.met) for c in f7.comparisons} == {(BOERNEHUS, True), (NOTIFICATION, True)}


def test_it_does_not_flag_f7_when_the_two_conditions_hold_against_different_references():
    # Region {A, B}: cases 2 → A's 3 is high; notifications 2 → A's 2 is not low.
    # Country {A, B, D}: notifications 8 → A's 2 is low; cases 3 → A's 3 is not high.
    inputs = [
        mun("A", notifications=2, cases=3),
        mun("B", notifications=2, cases=1),
        mun("D", region="R2", notifications=20, cases=5),
    ]
    f7 = by_code(screen(inputs, params(references=("region", "country"))))["A"].factors["F7"]
    assert f7.met is False
    assert f7.triggered_by == ()


# Missing data never raises or lowers a flag.


def test_it_shows_rate_factors_as_missing_when_the_municipality_has_no_figures():
    inputs = [
        mun("A", children=None, notifications=15, cases=0),
        mun("B", notifications=5, cases=2),
    ]
    result = by_code(screen(inputs, params()))["A"]
    for code in ("F5", "F6", "F7"):
        assert result.factors[code].met is None
    assert result.count == 0
    assert set(result.missing) >= {"F5", "F6", "F7"}


def test_it_shows_f5_as_missing_when_a_missing_reference_could_have_triggered_it():
    # Not high against the region or the country, and no comparison group: undecided.
    inputs = [mun("A", notifications=5), mun("B", notifications=5)]
    assert screen(inputs, params())[0].factors["F5"].met is None
    # Without the group among the references, it is simply not met.
    assert screen(inputs, params(references=("region", "country")))[0].factors["F5"].met is False


def test_it_flags_f5_when_one_reference_triggers_even_if_another_is_missing():
    inputs = [mun("A", notifications=15), mun("B", notifications=5)]
    f5 = by_code(screen(inputs, params()))["A"].factors["F5"]
    assert f5.met is True
    assert f5.triggered_by == ("region", "country")
    assert f5.comparisons[2].met is None  # the group is missing


def test_it_treats_a_suppressed_count_as_missing_not_zero():
    # Were B's suppressed count 0, B would be low on børnehus cases (F6).
    inputs = [mun("A", cases=4), mun("B", cases=None), mun("C", cases=4)]
    result = by_code(screen(inputs, params(references=("region",))))["B"]
    assert result.rates[BOERNEHUS] is None
    assert result.factors["F6"].met is None


def test_it_combines_with_kleene_logic():
    assert any3([False, None, True]) is True
    assert any3([False, None]) is None
    assert any3([False, False]) is False
    assert all3([True, None]) is None
    assert all3([False, None]) is False
    assert all3([True, True]) is True


# Ranking and candidates.


def test_it_ranks_by_weighted_count_and_marks_candidates():
    inputs = [
        mun("A", plan=Plan(None, None, False), press_dates=(date(2025, 1, 1),)),  # F1, F3
        mun("B", open_ministerial_requests=("X",), plan=Plan(date(2024, 1, 1), None, True)),
        mun("C", plan=Plan(date(2024, 1, 1), None, True)),
    ]
    results = screen(inputs, params(references=("region",)))
    assert [r.code for r in results] == ["A", "B", "C"]
    assert [r.rank for r in results] == [1, 2, 3]
    assert [r.is_candidate(params()) for r in results] == [True, True, False]
    weights = {code: Decimal(1) for code in FACTORS} | {"F4": Decimal(3)}
    reweighted = screen(inputs, params(references=("region",), weights=weights))
    assert [r.code for r in reweighted] == ["B", "A", "C"]
    assert reweighted[0].weighted_count == Decimal(3)


def test_it_gives_ties_the_same_rank():
    inputs = [mun(code, press_dates=(date(2025, 1, 1),)) for code in ("A", "B")] + [mun("C")]
    assert [r.rank for r in screen(inputs, params(references=("region",)))] == [1, 1, 3]


def test_it_refuses_parameters_it_cannot_use():
    with pytest.raises(ParameterError):
        params(threshold=Decimal(1))
    with pytest.raises(ParameterError):
        params(averaging="median")
    with pytest.raises(ParameterError):
        params(references=())
