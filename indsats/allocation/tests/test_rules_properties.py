"""Properties of the allocation core that hold for any applications (C5; O1.4, O4.4–O4.6).

No database. Applications are drawn for every offer with random conditions, criteria, sizes,
groups, manager ranks and times (in three time zones, often tied), against a random capacity
and, sometimes, limited consultant hours.
"""

import re
from collections import defaultdict
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from indsats.allocation.rules import (
    ALL_CONDITIONS,
    GRANTED,
    O1_CRITERIA,
    REFUSED,
    REQUIRED_CONDITIONS,
    WAITING,
    AllocationInputError,
    Candidate,
    Move,
    Policy,
    allocate,
)

ZONES = (UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=2)))
START = datetime(2027, 1, 1, tzinfo=UTC)
THRESHOLD = 25


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@st.composite
def candidates(draw, offer, max_size=14):
    size = draw(st.integers(min_value=0, max_value=max_size))
    items = []
    for index in range(size):
        required = REQUIRED_CONDITIONS[offer]
        # Mostly eligible, so that queues are long enough to be interesting.
        if draw(st.integers(0, 4)) == 0:
            conditions = {name: draw(st.booleans()) for name in required}
        else:
            conditions = dict.fromkeys(required, True)
        moment = START + timedelta(minutes=draw(st.integers(0, 20)) * 30)
        items.append(
            Candidate(
                ref=f"R{index:02d}",
                complete_at=moment.astimezone(draw(st.sampled_from(ZONES))),
                conditions=conditions,
                criteria={name: draw(st.booleans()) for name in O1_CRITERIA},
                employees=draw(st.one_of(st.none(), st.integers(1, 60))),
                group=draw(st.one_of(st.none(), st.sampled_from(["G1", "G2", "G3", "G4"]))),
                manager_rank=draw(st.one_of(st.none(), st.integers(1, 5))),
            )
        )
    return items


@st.composite
def cases(draw, offers=("O1", "O2", "O3", "O4")):
    offer = draw(st.sampled_from(offers))
    hours = None
    if draw(st.booleans()):
        hours = {
            f"K{number}": draw(st.integers(0, 80)) for number in range(draw(st.integers(0, 3)))
        }
    policy = Policy(
        offer=offer,
        capacity=draw(st.integers(0, 6)),
        weights={name: draw(st.integers(0, 3)) for name in O1_CRITERIA},
        small_site_threshold=THRESHOLD,
        consultant_hours=hours,
        hours_per_programme=25 if hours is not None else None,
    )
    return policy, draw(candidates(offer))


def units_in_order(plan):
    """(position, outcome, unit refs) per queued unit, in queue order."""
    seen = {}
    for placement in plan.placements:
        if placement.outcome != REFUSED:
            seen.setdefault(placement.unit, (placement.position, placement.outcome))
    return [(position, outcome, unit) for unit, (position, outcome) in seen.items()]


def lone_small(unit, by_ref):
    return len(unit) == 1 and (by_ref[unit[0]].employees or THRESHOLD) < THRESHOLD


@given(cases())
@settings(max_examples=100, deadline=None)
def test_it_never_grants_more_units_than_the_capacity(case):
    policy, items = case
    plan = allocate(policy, items)
    granted_units = {p.unit for p in plan.placements if p.outcome == GRANTED}
    assert len(granted_units) <= policy.capacity
    assert plan.granted_count == len(granted_units)


@given(cases())
@settings(max_examples=100, deadline=None)
def test_it_places_every_application_once_with_at_least_one_reason(case):
    policy, items = case
    plan = allocate(policy, items)
    assert sorted(p.ref for p in plan.placements) == sorted(c.ref for c in items)
    for placement in plan.placements:
        assert placement.reasons
        assert all(isinstance(reason, str) and reason.strip() for reason in placement.reasons)
        assert placement.ref in placement.unit


@given(cases())
@settings(max_examples=100, deadline=None)
def test_it_never_shows_an_internal_key_in_a_reason(case):
    policy, items = case
    plan = allocate(policy, items)
    keys = ALL_CONDITIONS | set(O1_CRITERIA) | {GRANTED, WAITING, REFUSED}
    internal = re.compile(r"\b(" + "|".join(sorted(keys)) + r")\b")
    for placement in plan.placements:
        for reason in placement.reasons:
            assert not internal.search(reason), reason


@given(cases())
@settings(max_examples=100, deadline=None)
def test_it_refuses_exactly_those_missing_a_condition_and_gives_them_no_position(case):
    policy, items = case
    plan = allocate(policy, items)
    for item in items:
        placement = plan.for_ref(item.ref)
        meets = all(item.conditions.get(name) for name in REQUIRED_CONDITIONS[policy.offer])
        assert (placement.outcome == REFUSED) == (not meets)
        if placement.outcome == REFUSED:
            assert placement.position is None
            assert placement.waiting_number is None
            assert placement.unit == (item.ref,)
            assert placement.consultant is None


@given(cases())
@settings(max_examples=100, deadline=None)
def test_it_numbers_positions_and_the_waiting_list_from_one_without_gaps(case):
    policy, items = case
    plan = allocate(policy, items)
    units = units_in_order(plan)
    assert [position for position, _outcome, _unit in units] == list(range(1, len(units) + 1))
    numbers = [p.waiting_number for p in plan.placements if p.outcome == WAITING]
    distinct = list(dict.fromkeys(numbers))
    assert distinct == list(range(1, plan.waiting_count + 1))
    assert plan.waiting_count == sum(1 for _p, outcome, _u in units if outcome == WAITING)
    for placement in plan.placements:
        if placement.outcome == GRANTED:
            assert placement.waiting_number is None
    # Granted and waiting first, in position order; then the refused, by reference.
    queued = [p.position for p in plan.placements if p.outcome != REFUSED]
    assert queued == sorted(queued)
    refused = [p.ref for p in plan.placements if p.outcome == REFUSED]
    assert refused == sorted(refused)
    assert [p.outcome == REFUSED for p in plan.placements] == sorted(
        p.outcome == REFUSED for p in plan.placements
    )


@given(cases(), st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None)
def test_it_does_not_depend_on_the_order_of_the_input(case, random):
    policy, items = case
    shuffled = list(items)
    random.shuffle(shuffled)
    assert allocate(policy, shuffled) == allocate(policy, items)


@given(cases(offers=("O4",)))
@settings(max_examples=100, deadline=None)
def test_it_passes_over_no_o4_unit_except_a_small_site_without_partners(case):
    """O4.6: first come, first served; O4.4: a small site alone waits but keeps its place."""
    policy, items = case
    plan = allocate(policy, items)
    by_ref = {item.ref: item for item in items}
    waiting_before = []
    for _position, outcome, unit in units_in_order(plan):
        if outcome == GRANTED:
            assert all(lone_small(other, by_ref) for other in waiting_before), (unit, plan)
        else:
            waiting_before.append(unit)


@given(cases(offers=("O4",)))
@settings(max_examples=100, deadline=None)
def test_it_never_grants_a_small_site_alone(case):
    policy, items = case
    plan = allocate(policy, items)
    by_ref = {item.ref: item for item in items}
    for _position, outcome, unit in units_in_order(plan):
        if lone_small(unit, by_ref):
            assert outcome == WAITING
            reasons = " ".join(plan.for_ref(unit[0]).reasons)
            assert "O4.4" in reasons
            assert "O4.6" in reasons


@given(cases(offers=("O4",)))
@settings(max_examples=100, deadline=None)
def test_it_keeps_a_group_together_as_one_unit_in_order_of_completion(case):
    """O4.4: the eligible members of a group share one unit, one outcome, one position."""
    policy, items = case
    plan = allocate(policy, items)
    members = defaultdict(list)
    for item in items:
        if item.group is not None and plan.for_ref(item.ref).outcome != REFUSED:
            members[item.group].append(item)
    for group_members in members.values():
        placements = {plan.for_ref(item.ref) for item in group_members}
        assert len({(p.unit, p.outcome, p.position, p.waiting_number) for p in placements}) == 1
        ordered = sorted(group_members, key=lambda item: (item.complete_at, item.ref))
        assert next(iter(placements)).unit == tuple(item.ref for item in ordered)


@given(cases(offers=("O1",)))
@settings(max_examples=100, deadline=None)
def test_it_ranks_o1_by_weighted_score_then_completion_then_reference(case):
    """O1.4: highest weighted score first; ties by the earlier complete, then the ref."""
    policy, items = case
    plan = allocate(policy, items)
    by_ref = {item.ref: item for item in items}
    queued = [p for p in plan.placements if p.outcome != REFUSED]
    keys = [(-p.score, by_ref[p.ref].complete_at, p.ref) for p in queued]
    assert keys == sorted(keys)
    for placement in queued:
        item = by_ref[placement.ref]
        expected = sum(w for name, w in policy.weights.items() if item.criteria.get(name))
        assert placement.score == expected


@given(cases(offers=("O2", "O3")))
@settings(max_examples=100, deadline=None)
def test_it_follows_the_managers_order_for_o2_and_o3(case):
    policy, items = case
    plan = allocate(policy, items)
    by_ref = {item.ref: item for item in items}
    queued = [by_ref[p.ref] for p in plan.placements if p.outcome != REFUSED]
    keys = [(c.manager_rank is None, c.manager_rank or 0, c.complete_at, c.ref) for c in queued]
    assert keys == sorted(keys)


@given(cases(), st.data())
@settings(max_examples=100, deadline=None)
def test_it_keeps_capacity_and_contiguous_positions_after_a_managers_moves(case, data):
    policy, items = case
    before = allocate(policy, items)
    units = units_in_order(before)
    moves = []
    for _number in range(data.draw(st.integers(0, 3)) if units else 0):
        _position, _outcome, unit = data.draw(st.sampled_from(units))
        target = data.draw(st.integers(1, len(units)))
        moves.append(Move(data.draw(st.sampled_from(unit)), target, "Akut behov i kommunen"))
    plan = allocate(policy, items, moves)
    after = units_in_order(plan)
    assert sorted(unit for _p, _o, unit in after) == sorted(unit for _p, _o, unit in units)
    assert [position for position, _o, _u in after] == list(range(1, len(after) + 1))
    assert len({u for _p, outcome, u in after if outcome == GRANTED}) <= policy.capacity
    for move in moves:
        assert any("Akut behov i kommunen" in r for r in plan.for_ref(move.ref).reasons)
    for placement in plan.placements:  # the manager's reason is internal (C5)
        assert not any("Akut behov" in r for r in placement.reasons_for_applicant())
    if moves:
        last = moves[-1]
        assert plan.for_ref(last.ref).position == last.to_position


@given(cases(), st.data())
@settings(max_examples=100, deadline=None)
def test_it_rejects_a_move_beyond_the_queue_naming_the_application(case, data):
    policy, items = case
    plan = allocate(policy, items)
    units = units_in_order(plan)
    if not units:
        return
    _position, _outcome, unit = data.draw(st.sampled_from(units))
    with pytest.raises(AllocationInputError, match=unit[0]):
        allocate(policy, items, [Move(unit[0], len(units) + 1, "Flyttes bagest")])
