"""The allocation core on small cases worked out by hand (C5; O1.3, O1.4, O2.2, O2.3, O3.1,
O3.3). No database. O4 (O4.4–O4.6), moves and consultant hours are in test_rules_o4.py.

Times are in January 2027, Danish winter time (+01:00); ``at(10)`` is 10 January at 10.00.
"""

from datetime import date, datetime, timedelta, timezone

import pytest
from django.utils import translation

from indsats.allocation.rules import (
    GRANTED,
    O1_CRITERIA,
    REFUSED,
    REQUIRED_CONDITIONS,
    WAITING,
    AllocationInputError,
    Candidate,
    Placement,
    Policy,
    allocate,
    estimated_start,
)

CET = timezone(timedelta(hours=1))
O1_MET = {"chef_decision": True, "resources": True}


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2027, 1, day, hour, minute, tzinfo=CET)


def o1(ref, day, *criteria, conditions=O1_MET, hour=10):
    return Candidate(ref, at(day, hour), dict(conditions), dict.fromkeys(criteria, True))


def order(plan):
    return [(p.ref, p.outcome, p.position, p.waiting_number) for p in plan.placements]


# O1.3: the conditions that gate O1.


@pytest.mark.parametrize(
    ("missing", "label"),
    [("chef_decision", "beslutning på chefniveau"), ("resources", "afsatte personaleressourcer")],
)
def test_it_refuses_an_o1_application_missing_an_o1_3_condition(missing, label):
    """O1.3: A lacks one condition and is refused; B meets both and is granted, although A
    meets every O1.4 criterion and B none. A holds no position."""
    a = o1("A", 3, *O1_CRITERIA, conditions={**O1_MET, missing: False})
    b = o1("B", 9)
    plan = allocate(Policy("O1", capacity=1), [a, b])
    assert order(plan) == [("B", GRANTED, 1, None), ("A", REFUSED, None, None)]
    assert plan.for_ref("A").reasons == (
        f"Afvist: opfylder ikke betingelserne i O1.3 – ikke opfyldt: {label}.",
    )
    assert plan.for_ref("B").reasons[0] == (
        "Opfylder betingelserne i O1.3 (beslutning på chefniveau og afsatte personaleressourcer)."
    )


def test_it_names_both_o1_3_conditions_when_neither_is_met():
    plan = allocate(Policy("O1", capacity=1), [o1("A", 3, conditions={})])
    assert plan.for_ref("A").reasons == (
        "Afvist: opfylder ikke betingelserne i O1.3 – ikke opfyldt: beslutning på chefniveau "
        "og afsatte personaleressourcer.",
    )


# O1.4: ranking by the criteria met.


def test_it_ranks_o1_by_the_number_of_o1_4_criteria_met():
    """O1.4, every weight 1. Scores: A (a, b, c) 3; B (a–d) 4; C (a) 1; D (b, d) 2.
    Ranking: B 4, A 3, D 2, C 1. Capacity 2: B and A granted; D is number 1 and C number 2
    of 2 on the waiting list. The order of completion (C first) does not matter here."""
    items = [
        o1("A", 10, "motivation", "delimited", "backing"),
        o1("B", 11, *O1_CRITERIA),
        o1("C", 2, "motivation"),
        o1("D", 5, "delimited", "no_prior_help"),
    ]
    plan = allocate(Policy("O1", capacity=2), items)
    assert order(plan) == [
        ("B", GRANTED, 1, None),
        ("A", GRANTED, 2, None),
        ("D", WAITING, 3, 1),
        ("C", WAITING, 4, 2),
    ]
    assert [p.score for p in plan.placements] == [4, 3, 2, 1]
    assert plan.waiting_count == 2
    assert plan.for_ref("A").reasons[1] == (
        "Prioriteret efter O1.4: 3 af 4 kriterier opfyldt – (a) motivationen er relevant og "
        "fyldestgørende beskrevet, (b) emnet er afgrænset inden for overgreb mod børn, (c) "
        "ledelsen bakker op med afsatte ressourcer; ikke opfyldt: (d) Socialstyrelsen har ikke "
        "tidligere hjulpet kommunen med forebyggelse, opsporing og håndtering af vold og "
        "seksuelle overgreb mod børn."
    )
    assert plan.for_ref("A").reasons[-1] == (
        "Tildelt: nr. 2 i køen, inden for kapaciteten på 2 forløb i perioden."
    )
    assert plan.for_ref("D").reasons[-1] == (
        "Nr. 1 af 2 på ventelisten: kapaciteten på 2 forløb er brugt af ansøgninger, der står før."
    )


@pytest.mark.parametrize(
    ("criterion", "letter"),
    [("motivation", "(a)"), ("delimited", "(b)"), ("backing", "(c)"), ("no_prior_help", "(d)")],
)
def test_it_counts_each_o1_4_criterion(criterion, letter):
    """O1.4: X meets only this criterion (score 1); Y meets none (score 0) but was complete
    a week earlier. One place: X is granted, Y waits as number 1 of 1."""
    plan = allocate(Policy("O1", capacity=1), [o1("X", 10, criterion), o1("Y", 3)])
    assert order(plan) == [("X", GRANTED, 1, None), ("Y", WAITING, 2, 1)]
    assert f"1 af 4 kriterier opfyldt – {letter}" in plan.for_ref("X").reasons[1]
    assert f"ikke opfyldt: {letter}" not in plan.for_ref("X").reasons[1]
    assert "0 af 4 kriterier opfyldt; ikke opfyldt: (a)" in plan.for_ref("Y").reasons[1]


def test_it_weighs_the_o1_4_criteria_by_the_setting():
    """O1.4 with (a) weighing 3 and the rest 1 (maximum 6). A meets (a) only: 3 points.
    B meets (b) and (c): 2 points. C meets (b), (c), (d): 3 points, complete after A.
    Ranking: A 3 (complete 4 January), C 3 (5 January), B 2."""
    items = [
        o1("A", 4, "motivation"),
        o1("B", 1, "delimited", "backing"),
        o1("C", 5, "delimited", "backing", "no_prior_help"),
    ]
    plan = allocate(Policy("O1", capacity=1, weights={"motivation": 3}), items)
    assert order(plan) == [
        ("A", GRANTED, 1, None),
        ("C", WAITING, 2, 1),
        ("B", WAITING, 3, 2),
    ]
    assert [p.score for p in plan.placements] == [3, 3, 2]
    assert plan.for_ref("A").reasons[1].endswith(" Vægtede point: 3 af 6.")


def test_it_breaks_o1_ties_by_completion_then_reference():
    """O1.4: all three meet (a) and (b), score 2. B was complete on 3 January at 09.00; A and
    C both on 3 January at 10.00, so the reference decides between them: B, A, C."""
    items = [
        o1("C", 3, "motivation", "delimited"),
        o1("A", 3, "motivation", "delimited"),
        o1("B", 3, "motivation", "delimited", hour=9),
    ]
    plan = allocate(Policy("O1", capacity=3), items)
    assert [p.ref for p in plan.placements] == ["B", "A", "C"]
    assert plan.for_ref("B").reasons[2] == (
        "Ved lige mange point går den ansøgning først, der blev komplet først, og derefter "
        "referencenummeret (O1.4); denne blev komplet 3. januar 2027 kl. 09.00."
    )


def test_it_explains_the_tie_break_only_where_there_is_a_tie():
    plan = allocate(Policy("O1", capacity=3), [o1("A", 3, "motivation"), o1("B", 2)])
    assert not any("lige mange point" in r for p in plan.placements for r in p.reasons)


def test_it_ignores_size_and_groups_outside_o4():
    """O4.4 is about placement sites: an O1 municipality with few employees and a group
    key is allocated on its own, like any other."""
    small = Candidate("A", at(3), O1_MET, {}, employees=5, group="G")
    plan = allocate(Policy("O1", capacity=1), [small])
    assert order(plan) == [("A", GRANTED, 1, None)]
    assert plan.for_ref("A").unit == ("A",)


def test_it_says_when_there_are_no_places_at_all():
    plan = allocate(Policy("O1", capacity=0), [o1("A", 3), o1("B", 4)])
    assert order(plan) == [("A", WAITING, 1, 1), ("B", WAITING, 2, 2)]
    assert plan.for_ref("B").reasons[-1] == (
        "Nr. 2 af 2 på ventelisten: der er ingen ledige forløb i perioden."
    )


# O2 and O3: the manager's order, behind their own conditions.


@pytest.mark.parametrize(
    ("offer", "missing", "cited"),
    [
        ("O2", "time_and_resources", "O2.3 – ikke opfyldt: afsat tid og ressourcer"),
        ("O2", "management_backing", "O2.3 – ikke opfyldt: ledelsens opbakning"),
        ("O2", "pays_premises", "O2.2 – ikke opfyldt: kommunen betaler selv lokaler"),
        ("O3", "duration", "O3.1 – ikke opfyldt: tid til et fleksibelt forløb på 8–12"),
        ("O3", "development_needs", "O3.3 – ikke opfyldt: udgangspunkt i kommunens"),
    ],
)
def test_it_refuses_o2_and_o3_applications_missing_a_condition(offer, missing, cited):
    """O2.2, O2.3, O3.1, O3.3: the application lacking one condition is refused, citing it;
    the other is granted."""
    met = dict.fromkeys(REQUIRED_CONDITIONS[offer], True)
    items = [
        Candidate("A", at(2), {**met, missing: False}, manager_rank=1),
        Candidate("B", at(3), met, manager_rank=2),
    ]
    plan = allocate(Policy(offer, capacity=1), items)
    assert order(plan) == [("B", GRANTED, 1, None), ("A", REFUSED, None, None)]
    assert cited in plan.for_ref("A").reasons[0]


@pytest.mark.parametrize("offer", ["O2", "O3"])
def test_it_follows_the_managers_order_then_completion(offer):
    """C5 for O2/O3. Ranks: A 2, B 1, C none (3 Jan), D none (2 Jan), E 1 (later than B).
    Queue: B (1), E (1, later), A (2), D (unranked, earlier), C. Two places: B and E."""
    met = dict.fromkeys(REQUIRED_CONDITIONS[offer], True)
    items = [
        Candidate("A", at(1), met, manager_rank=2),
        Candidate("B", at(4), met, manager_rank=1),
        Candidate("C", at(3), met),
        Candidate("D", at(2), met),
        Candidate("E", at(6), met, manager_rank=1),
    ]
    plan = allocate(Policy(offer, capacity=2), items)
    assert [p.ref for p in plan.placements] == ["B", "E", "A", "D", "C"]
    assert [p.outcome for p in plan.placements] == [GRANTED] * 2 + [WAITING] * 3
    assert plan.for_ref("A").reasons[1] == "Placeret efter lederens prioritering som nr. 2."
    assert plan.for_ref("D").reasons[1].startswith("Ikke prioriteret af lederen")
    assert "2. januar 2027 kl. 10.00" in plan.for_ref("D").reasons[1]


# Input that the core refuses, naming the application.


def test_it_refuses_a_duplicate_reference_naming_it():
    with pytest.raises(AllocationInputError, match="Ansøgning A er med mere end én gang"):
        allocate(Policy("O1", capacity=1), [o1("A", 3), o1("B", 3), o1("A", 4)])


def test_it_refuses_a_time_without_a_time_zone_naming_the_application():
    with pytest.raises(AllocationInputError, match="Ansøgning A-7: .*tidszone"):
        Candidate("A-7", datetime(2027, 1, 3, 10, 0))


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"employees": -1}, "antal ansatte"),
        ({"employees": True}, "antal ansatte"),
        ({"manager_rank": 0}, "prioritering"),
        ({"group": ""}, "gruppen"),
        ({"conditions": ["chef_decision"]}, "betingelser"),
    ],
)
def test_it_refuses_a_malformed_application_naming_it(fields, problem):
    with pytest.raises(AllocationInputError, match=f"Ansøgning B-2: .*{problem}") as error:
        Candidate("B-2", at(3), **fields)
    assert error.value.ref == "B-2"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"offer": "O5"}, "Ukendt tilbud »O5«"),
        ({"capacity": -1}, "Kapaciteten"),
        ({"weights": {"charm": 2}}, "Ukendt kriterium »charm«"),
        ({"weights": {"motivation": -1}}, "Vægten"),
        ({"consultant_hours": {"K1": 10}}, "timer pr. forløb"),
        ({"consultant_hours": {"K1": -1}, "hours_per_programme": 25}, "Konsulent K1"),
        ({"hours_per_programme": 0}, "Timer pr. forløb"),
    ],
)
def test_it_refuses_a_policy_it_cannot_use(fields, problem):
    with pytest.raises(AllocationInputError, match=problem):
        Policy(**{"offer": "O1", "capacity": 1, **fields})


# The plan as a value.


def test_it_answers_for_a_reference_and_by_outcome():
    plan = allocate(
        Policy("O1", capacity=1), [o1("A", 3, "motivation"), o1("B", 4), o1("C", 5, conditions={})]
    )
    assert [p.ref for p in plan.granted()] == ["A"]
    assert [p.ref for p in plan.waiting()] == ["B"]
    assert [p.ref for p in plan.refused()] == ["C"]
    with pytest.raises(KeyError):
        plan.for_ref("Z")


def test_its_placements_equal_those_made_by_the_constructor():
    """The core fills placements without the dataclass's __init__ for speed; they must be
    the same values, with the same equality and hash."""
    plan = allocate(Policy("O1", capacity=1), [o1("A", 3)])
    made = Placement("A", GRANTED, 1, None, ("A",), plan.for_ref("A").reasons, 0, None)
    assert plan.for_ref("A") == made
    assert hash(plan.for_ref("A")) == hash(made)
    assert repr(plan.for_ref("A")) == repr(made)


def test_it_gives_the_reasons_in_english_when_english_is_chosen():
    with translation.override("en"):
        plan = allocate(Policy("O1", capacity=0), [o1("A", 3, "motivation")])
    reasons = plan.for_ref("A").reasons
    assert (
        reasons[0]
        == "Meets the conditions in O1.3 (decision at chief level and staff resources set aside)."
    )
    assert (
        reasons[-1]
        == "Number 1 of 1 on the waiting list: there are no free programmes in the period."
    )


# Estimated start for the waiting list.


@pytest.mark.parametrize(
    ("number", "places", "expected"),
    [
        (1, 2, date(2027, 4, 1)),  # ceil(1/2) = 1 round of 90 days
        (2, 2, date(2027, 4, 1)),  # ceil(2/2) = 1
        (3, 2, date(2027, 6, 30)),  # ceil(3/2) = 2 rounds: 180 days
        (5, 1, date(2028, 3, 26)),  # 5 rounds: 450 days
    ],
)
def test_it_estimates_the_start_from_capacity_and_programme_length(number, places, expected):
    assert estimated_start(number, places, 90, date(2027, 1, 1)) == expected


def test_it_estimates_no_start_without_places():
    assert estimated_start(1, 0, 90, date(2027, 1, 1)) is None


def test_it_refuses_a_negative_waiting_number():
    with pytest.raises(ValueError, match="negative"):
        estimated_start(-1, 2, 90, date(2027, 1, 1))
