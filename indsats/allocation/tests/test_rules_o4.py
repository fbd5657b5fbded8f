"""The allocation core for O4 on cases worked out by hand (C5; O4.4, O4.5, O4.6), and the
manager's moves and consultant hours, which apply to every offer. No database.

Times are in January 2027, Danish winter time; ``at(3)`` is 3 January at 10.00. Sites have
40 employees unless said otherwise; under 25 is small (O4.4).
"""

from datetime import datetime, timedelta, timezone

import pytest
from django.utils import translation

from indsats.allocation.rules import (
    GRANTED,
    REFUSED,
    WAITING,
    AllocationInputError,
    Candidate,
    Move,
    Policy,
    allocate,
)

CET = timezone(timedelta(hours=1))
MET = {"management_decision": True, "staff_resources": True}


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2027, 1, day, hour, 0, tzinfo=CET)


def site(ref, day, employees=40, group=None, conditions=MET, hour=10):
    return Candidate(ref, at(day, hour), dict(conditions), employees=employees, group=group)


def order(plan):
    return [(p.ref, p.outcome, p.position, p.waiting_number) for p in plan.placements]


@pytest.mark.parametrize(
    ("missing", "label"),
    [
        ("management_decision", "ledelsesbeslutning med opbakning"),
        ("staff_resources", "personaleressourcer til hele forløbet"),
    ],
)
def test_it_refuses_a_site_missing_an_o4_5_minimum_condition(missing, label):
    """O4.5: A, first complete, lacks one minimum condition and is refused; B is granted."""
    plan = allocate(
        Policy("O4", 1), [site("A", 2, conditions={**MET, missing: False}), site("B", 5)]
    )
    assert order(plan) == [("B", GRANTED, 1, None), ("A", REFUSED, None, None)]
    assert plan.for_ref("A").reasons == (
        f"Afvist: opfylder ikke betingelserne i O4.5 – ikke opfyldt: {label}.",
    )
    assert plan.for_ref("B").reasons[0] == (
        "Opfylder minimumsbetingelserne i O4.5 (ledelsesbeslutning med opbakning og "
        "personaleressourcer til hele forløbet)."
    )


def test_it_allocates_o4_first_come_first_served():
    """O4.6: complete L2 (3 Jan), L3 (4 Jan), L1 (5 Jan), L4 (4 Jan at 09.00). Queue: L2,
    L4, L3, L1. Two places: L2 and L4 granted; L3 number 1, L1 number 2 of 2."""
    items = [site("L1", 5), site("L2", 3), site("L3", 4), site("L4", 4, hour=9)]
    plan = allocate(Policy("O4", 2), items)
    assert order(plan) == [
        ("L2", GRANTED, 1, None),
        ("L4", GRANTED, 2, None),
        ("L3", WAITING, 3, 1),
        ("L1", WAITING, 4, 2),
    ]
    assert plan.for_ref("L3").reasons[1] == (
        "Først til mølle efter O4.6: placeret efter, hvornår ansøgningen blev komplet "
        "(4. januar 2027 kl. 10.00)."
    )
    assert plan.for_ref("L1").reasons[-1] == (
        "Nr. 2 af 2 på ventelisten: kapaciteten på 2 forløb er brugt af ansøgninger, der står før."
    )


def test_it_lets_a_small_site_alone_wait_in_its_place_while_later_sites_are_granted():
    """O4.4, O4.6: S (12 employees, alone) is first complete but is never granted alone; it
    keeps position 1 and waits as number 1 of 1. L (40) is later and takes the one place."""
    plan = allocate(Policy("O4", 2), [site("S", 2, employees=12), site("L", 6)])
    assert order(plan) == [("S", WAITING, 1, 1), ("L", GRANTED, 2, None)]
    assert plan.for_ref("S").reasons[-1] == (
        "Nr. 1 af 1 på ventelisten: stedet har 12 ansatte, færre end 25, og har ingen partner. "
        "Efter O4.4 og O4.6 tildeles et forløb først, når et samarbejde med et eller flere "
        "andre steder er på plads. Ansøgningen beholder sin plads i køen og tages ind, så "
        "snart samarbejdet er dannet; indtil da kan ansøgninger, der står senere, få et forløb."
    )
    assert plan.granted_count == 1


def test_it_counts_a_site_of_exactly_the_threshold_as_not_small():
    """O4.4 says fewer than 25: a site with 25 employees alone is granted; one with 24 waits."""
    plan = allocate(Policy("O4", 2), [site("A", 2, employees=25), site("B", 3, employees=24)])
    assert order(plan) == [("A", GRANTED, 1, None), ("B", WAITING, 2, 1)]


def test_it_places_a_group_as_one_unit_by_its_earliest_member():
    """O4.4: S1 (10 employees, 8 Jan) and S2 (12, 2 Jan) form group G: one unit, placed by
    S2's time, ahead of L (5 Jan). One place: G is granted (both sites), L waits."""
    items = [site("S1", 8, 10, "G"), site("L", 5), site("S2", 2, 12, "G")]
    plan = allocate(Policy("O4", 1), items)
    assert order(plan) == [
        ("S2", GRANTED, 1, None),
        ("S1", GRANTED, 1, None),
        ("L", WAITING, 2, 1),
    ]
    assert plan.for_ref("S1").unit == ("S2", "S1") == plan.for_ref("S2").unit
    assert plan.for_ref("S1").reasons == plan.for_ref("S2").reasons
    assert plan.for_ref("S1").reasons[1] == (
        "Fælles forløb for 2 steder (O4.4): ét forløb, placeret efter det tidligst komplette "
        "steds ansøgning (2. januar 2027 kl. 10.00)."
    )
    assert plan.granted_count == 1


def test_it_grants_a_small_site_together_with_a_large_partner():
    """O4.4: a small site with any partner is a collaboration, not a site alone."""
    plan = allocate(Policy("O4", 1), [site("S", 2, 8, "G"), site("L", 3, 60, "G")])
    assert [p.outcome for p in plan.placements] == [GRANTED, GRANTED]


def test_it_takes_a_member_out_on_its_own_conditions_and_the_rest_continue():
    """O4.4, O4.5: group G of A (8 employees), B (9) and C (30, no staff resources). C is
    refused on its own; A and B continue as one unit and are granted."""
    items = [
        site("A", 3, 8, "G"),
        site("B", 4, 9, "G"),
        site("C", 2, 30, "G", conditions={"management_decision": True}),
    ]
    plan = allocate(Policy("O4", 1), items)
    assert order(plan) == [
        ("A", GRANTED, 1, None),
        ("B", GRANTED, 1, None),
        ("C", REFUSED, None, None),
    ]
    assert plan.for_ref("A").unit == ("A", "B")
    assert plan.for_ref("C").unit == ("C",)
    assert (
        "1 af de andre steder i gruppen opfylder ikke betingelserne" in plan.for_ref("A").reasons[2]
    )
    assert plan.for_ref("C").reasons[1] == (
        "Stedet tages ud af det fælles forløb på grund af sine egne betingelser; de øvrige "
        "steder i gruppen fortsætter uden det (O4.4)."
    )


def test_it_lets_the_small_site_left_alone_in_its_group_wait():
    """O4.4, O4.6: group G of S (10 employees) and P (refused, O4.5). S is left alone and
    small: it waits in its place (1), while the later site L is granted."""
    items = [site("S", 2, 10, "G"), site("P", 3, 50, "G", conditions={}), site("L", 4)]
    plan = allocate(Policy("O4", 3), items)
    assert order(plan) == [
        ("S", WAITING, 1, 1),
        ("L", GRANTED, 2, None),
        ("P", REFUSED, None, None),
    ]
    assert "har ingen partner" in plan.for_ref("S").reasons[-1]


def test_it_lets_a_group_of_one_small_site_wait():
    """O4.4: a group key with one member is not a collaboration."""
    plan = allocate(Policy("O4", 1), [site("S", 2, 10, "G")])
    assert order(plan) == [("S", WAITING, 1, 1)]


def test_it_treats_a_site_of_unknown_size_as_not_small():
    plan = allocate(Policy("O4", 1), [site("U", 2, None)])
    assert order(plan) == [("U", GRANTED, 1, None)]


def test_it_uses_the_offers_small_site_threshold():
    """The threshold is a setting: with 10, a site of 12 employees alone is granted."""
    plan = allocate(Policy("O4", 1, small_site_threshold=10), [site("S", 2, 12)])
    assert order(plan) == [("S", GRANTED, 1, None)]


# The manager's moves (C5).


def test_it_applies_a_managers_move_and_records_the_reason():
    """Queue by O4.6: A (2 Jan), B (3 Jan), C (4 Jan). The manager moves C to 1. One place:
    C granted; A is now number 2 and waits (1 of 2), B number 3 (2 of 2)."""
    items = [site("A", 2), site("B", 3), site("C", 4)]
    plan = allocate(Policy("O4", 1), items, [Move("C", 1, "Akut sag på stedet")])
    assert order(plan) == [
        ("C", GRANTED, 1, None),
        ("A", WAITING, 2, 1),
        ("B", WAITING, 3, 2),
    ]
    assert (
        "Flyttet af lederen fra nr. 3 til nr. 1. Begrundelse: Akut sag på stedet"
        in plan.for_ref("C").reasons
    )
    assert (
        "Nr. 1 efter kriterierne; nr. 2 efter at lederen har flyttet en anden ansøgning."
        in plan.for_ref("A").reasons
    )


def test_it_moves_a_whole_group_by_any_members_reference():
    """O4.4: the group G (S1 5 Jan, S2 6 Jan) is one unit; moving S2 moves G ahead of L."""
    items = [site("L", 2), site("S1", 5, 10, "G"), site("S2", 6, 10, "G")]
    plan = allocate(Policy("O4", 1), items, [Move("S2", 1, "Aftalt med kommunen")])
    assert order(plan) == [
        ("S1", GRANTED, 1, None),
        ("S2", GRANTED, 1, None),
        ("L", WAITING, 2, 1),
    ]


@pytest.mark.parametrize(
    ("move", "message"),
    [
        (Move("Z", 1, "Fordi"), "Ansøgning Z er ikke med i fordelingen"),
        (Move("R", 1, "Fordi"), "Ansøgning R er afvist og har ingen plads"),
        (Move("A", 3, "Fordi"), "Ansøgning A kan ikke flyttes til plads 3; køen har 2"),
    ],
)
def test_it_refuses_a_move_it_cannot_make(move, message):
    items = [site("A", 2), site("B", 3), site("R", 4, conditions={})]
    with pytest.raises(AllocationInputError, match=message):
        allocate(Policy("O4", 1), items, [move])


@pytest.mark.parametrize(
    ("position", "reason", "message"),
    [(0, "Fordi", "plads 0"), (1, "  ", "mangler en begrundelse")],
)
def test_it_refuses_a_move_without_a_position_or_a_reason(position, reason, message):
    with pytest.raises(AllocationInputError, match=message):
        Move("A", position, reason)


# Consultant hours (C5).


def test_it_grants_while_a_consultant_has_the_hours_and_assigns_the_freest():
    """K1 has 50 free hours, K2 30; a programme takes 25. Five places, sites A–E in order.
    A: K1 (50 → 25). B: K2 has most (30 → 5). C: K1 (25 → 0). D: no one has 25 → waits,
    and E after it, although places remain."""
    items = [site(ref, day) for day, ref in enumerate("ABCDE", start=2)]
    policy = Policy("O4", 5, consultant_hours={"K1": 50, "K2": 30}, hours_per_programme=25)
    plan = allocate(policy, items)
    assert [(p.ref, p.outcome, p.consultant) for p in plan.placements] == [
        ("A", GRANTED, "K1"),
        ("B", GRANTED, "K2"),
        ("C", GRANTED, "K1"),
        ("D", WAITING, None),
        ("E", WAITING, None),
    ]
    assert plan.for_ref("D").reasons[-1] == (
        "Nr. 1 af 2 på ventelisten: der er ledige forløb, men ingen konsulent har 25 timer "
        "ledigt i perioden til et forløb mere."
    )


def test_it_breaks_a_tie_in_free_hours_by_the_consultants_id():
    policy = Policy("O4", 2, consultant_hours={"K2": 30, "K1": 30}, hours_per_programme=12.5)
    plan = allocate(policy, [site("A", 2), site("B", 3)])
    assert [p.consultant for p in plan.placements] == ["K1", "K2"]


def test_the_applicant_reads_a_move_without_the_managers_reason():
    """C5: the manager's reason for a move is internal. C moved from 3 to 1: staff read
    the move with its reason; C's applicant reads where the criteria placed it and where
    it stands, never the reason; A's and B's reasons are the same for staff and applicant."""
    items = [site("A", 2), site("B", 3), site("C", 4)]
    plan = allocate(Policy("O4", 1), items, [Move("C", 1, "Akut sag på stedet")])
    moved = plan.for_ref("C")
    note = "Flyttet af lederen fra nr. 3 til nr. 1. Begrundelse: Akut sag på stedet"
    assert note in moved.reasons
    assert moved.internal_reasons() == (note,)
    public = moved.reasons_for_applicant()
    assert not any("Akut sag" in reason for reason in public)
    assert "Nr. 3 efter kriterierne; nr. 1 efter lederens prioritering." in public
    assert public[0] == moved.reasons[0]
    assert public[-1] == moved.reasons[-1]
    for ref in ("A", "B"):
        other = plan.for_ref(ref)
        assert other.reasons_for_applicant() == other.reasons
        assert other.internal_reasons() == ()


def test_a_move_back_to_its_own_place_tells_the_applicant_nothing_of_it():
    """C5: C moved to 1 and back to 3 stands where the criteria put it: its applicant
    reads the criteria's reasons only; staff still read both moves."""
    items = [site("A", 2), site("B", 3), site("C", 4)]
    moves = [Move("C", 1, "Akut"), Move("C", 3, "Fortrudt")]
    plan = allocate(Policy("O4", 1), items, moves)
    unmoved = allocate(Policy("O4", 1), items)
    assert plan.for_ref("C").reasons_for_applicant() == unmoved.for_ref("C").reasons
    assert len(plan.for_ref("C").internal_reasons()) == 2


def test_the_fingerprint_follows_what_the_plan_decides_not_its_language():
    """C5: the confirm form carries the fingerprint of the plan shown; it is another when
    a move changes an outcome or a place, and the same in Danish and in English."""
    from indsats.allocation.rules import fingerprint

    items = [site("A", 2), site("B", 3), site("C", 4)]
    shown = fingerprint(allocate(Policy("O4", 1), items))
    assert fingerprint(allocate(Policy("O4", 1), list(reversed(items)))) == shown
    with translation.override("en"):
        assert fingerprint(allocate(Policy("O4", 1), items)) == shown
    assert fingerprint(allocate(Policy("O4", 1), items, [Move("B", 1, "Akut")])) != shown
    assert fingerprint(allocate(Policy("O4", 1), items, [Move("C", 2, "Akut")])) != shown
    assert fingerprint(allocate(Policy("O4", 2), items)) != shown
