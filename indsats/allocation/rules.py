"""Allocation of scarce places by the published criteria: a pure core (C5).

No ORM and no request: ``allocate(policy, candidates, moves)`` takes the capacity and the
applications with their assessments, and returns the plan — who is granted, who waits in
which position, who is refused — with every application's reasons in plain Danish, citing
the criteria (O1.3, O1.4, O2.2–O2.3, O3.1, O3.3, O4.4–O4.6). The values in and out live in
``plan.py`` and are exported from here; ``services.py`` builds the candidates from the
database and records a confirmed plan.

The order of the queue, per offer:

- O1: the weighted number of O1.4 criteria met, highest first; then the earlier complete
  application; then the reference.
- O2, O3: the manager's order (unranked last); then the earlier complete; then the reference.
- O4: first come, first served by the time the application became complete (O4.6). A group
  of sites is one unit, one programme, placed by its earliest complete member (O4.4). A site
  under the small-site threshold without a partner is never granted: it waits and keeps its
  place, and later units may be granted past it.

Only applications meeting every condition of their offer are queued; the others are
refused. A manager may then move units in the queue (with a reason), and the queue is
granted from the top while places — and, when they are limited, consultant hours — remain.
The plan is deterministic and does not depend on the order of the input.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter, itemgetter

from django.utils.translation import gettext as _

from .plan import (
    ALL_CONDITIONS,
    DEFAULT_WEIGHTS,
    GRANTED,
    O1_CRITERIA,
    OFFERS,
    OUTCOMES,
    REFUSED,
    REQUIRED_CONDITIONS,
    SMALL_SITE_THRESHOLD,
    WAITING,
    AllocationInputError,
    Candidate,
    Move,
    Placement,
    Plan,
    Policy,
    fingerprint,
)
from .reasons import Texts, weights_are_default

__all__ = [
    "ALL_CONDITIONS",
    "DEFAULT_WEIGHTS",
    "GRANTED",
    "O1_CRITERIA",
    "OFFERS",
    "OUTCOMES",
    "REFUSED",
    "REQUIRED_CONDITIONS",
    "SMALL_SITE_THRESHOLD",
    "WAITING",
    "AllocationInputError",
    "Candidate",
    "Move",
    "Placement",
    "Plan",
    "Policy",
    "allocate",
    "estimated_start",
    "fingerprint",
]


class _Unit:
    """A queued unit: one application, or the eligible members of an O4 group.

    The class attributes are the defaults, so that making 10,000 units stays cheap.
    """

    score = None  # O1
    met = None  # O1: which criteria are met, in the order of the weights
    removed = 0  # O4: members of its group refused on their own conditions
    lone_small = False  # O4: a small site without a partner
    ranked_position = 0  # before the manager's moves
    outcome = WAITING
    why = None  # why it waits: "small", "capacity" or "hours"
    consultant = None
    notes = None  # the manager's moves

    def __init__(self, key, members, refs):
        self.key = key
        self.members = members
        self.refs = refs


def allocate(policy: Policy, candidates: Iterable[Candidate], moves: Sequence[Move] = ()) -> Plan:
    """The plan for the offer's applications within its capacity, with every reason."""
    offer = policy.offer
    required = REQUIRED_CONDITIONS[offer]
    texts = Texts(
        offer, required, policy.capacity, policy.hours_per_programme, policy.small_site_threshold
    )
    eligible, refused = _gate(required, candidates)
    if offer == "O4":
        units, group_sizes = _o4_units(eligible, refused, policy.small_site_threshold)
    else:
        units, group_sizes = _single_units(offer, eligible, policy.weights), {}
    units.sort(key=_UNIT_KEY)
    for position, unit in enumerate(units, 1):
        unit.ranked_position = position
    queue = _apply_moves(units, moves, refused, texts)
    waiting_count = _grant(queue, policy)
    placements = _queued_placements(offer, units, queue, waiting_count, policy, texts)
    for candidate, unmet in sorted(refused.values(), key=lambda item: item[0].ref):
        reasons = (texts.refused(unmet),)
        if group_sizes.get(candidate.group, 0) > 1:
            reasons += (texts.refused_member,)
        placements.append(Placement(candidate.ref, REFUSED, None, None, (candidate.ref,), reasons))
    return Plan(offer, policy.capacity, tuple(placements), waiting_count)


_UNIT_KEY = attrgetter("key")
_FIRST = itemgetter(0)


def _gate(required: tuple[str, ...], candidates: Iterable[Candidate]):
    """Split into the eligible and the refused (ref → (candidate, unmet conditions))."""
    seen = set()
    eligible = []
    refused = {}
    for candidate in candidates:
        if not isinstance(candidate, Candidate):
            raise AllocationInputError(_("Kun ansøgninger kan fordeles."))
        ref = candidate.ref
        if ref in seen:
            raise AllocationInputError(
                _("Ansøgning %(ref)s er med mere end én gang.") % {"ref": ref}, ref
            )
        seen.add(ref)
        conditions = candidate.conditions
        if all(map(conditions.get, required)):
            eligible.append(candidate)
        else:
            refused[ref] = (candidate, [name for name in required if not conditions.get(name)])
    return eligible, refused


def _single_units(offer: str, eligible: list[Candidate], weights: Mapping[str, int]):
    units = []
    if offer == "O1":
        names = tuple(weights)
        values = tuple(weights.values())
        for candidate in eligible:
            criteria = candidate.criteria
            met = tuple(bool(criteria.get(name)) for name in names)
            score = sum(weight for weight, ok in zip(values, met, strict=True) if ok)
            ref = candidate.ref
            unit = _Unit((-score, candidate.complete_at, ref), [candidate], (ref,))
            unit.score = score
            unit.met = met
            units.append(unit)
    else:
        for candidate in eligible:
            rank = candidate.manager_rank
            ref = candidate.ref
            key = (rank is None, rank or 0, candidate.complete_at, ref)
            units.append(_Unit(key, [candidate], (ref,)))
    return units


def _o4_units(eligible: list[Candidate], refused: dict, threshold: int):
    """O4.4/O4.6: one unit per group (of its eligible members) and per site on its own."""
    units = []
    groups: dict[str, list] = {}
    for candidate in eligible:
        ref = candidate.ref
        key = (candidate.complete_at, ref)
        if candidate.group is None:
            unit = _Unit(key, [candidate], (ref,))
            employees = candidate.employees
            if employees is not None and employees < threshold:
                unit.lone_small = True
            units.append(unit)
        else:
            groups.setdefault(candidate.group, []).append((key, candidate))
    removed: dict[str, int] = {}
    for candidate, _unmet in refused.values():
        if candidate.group is not None:
            removed[candidate.group] = removed.get(candidate.group, 0) + 1
    for name, members in groups.items():
        members.sort(key=_FIRST)
        candidates = [candidate for _key, candidate in members]
        unit = _Unit(members[0][0], candidates, tuple(c.ref for c in candidates))
        unit.removed = removed.get(name, 0)
        if len(candidates) == 1:  # a group of one, or the only member left of its group
            employees = candidates[0].employees
            unit.lone_small = employees is not None and employees < threshold
        units.append(unit)
    sizes = {name: len(groups.get(name, ())) + count for name, count in removed.items()}
    return units, sizes


def _apply_moves(units: list[_Unit], moves: Sequence[Move], refused: dict, texts: Texts):
    """The manager's moves, in order, on the ranked queue; each recorded on its unit."""
    queue = list(units)
    if not moves:
        return queue
    unit_of = {ref: unit for unit in units for ref in unit.refs}
    for move in moves:
        unit = unit_of.get(move.ref)
        if unit is None:
            if move.ref in refused:
                message = _(
                    "Ansøgning %(ref)s er afvist og har ingen plads i køen, der kan flyttes."
                )
            else:
                message = _("Ansøgning %(ref)s er ikke med i fordelingen og kan ikke flyttes.")
            raise AllocationInputError(message % {"ref": move.ref}, move.ref)
        if move.to_position > len(queue):
            raise AllocationInputError(
                _("Ansøgning %(ref)s kan ikke flyttes til plads %(position)s; køen har %(count)s.")
                % {"ref": move.ref, "position": move.to_position, "count": len(queue)},
                move.ref,
            )
        source = queue.index(unit) + 1
        queue.insert(move.to_position - 1, queue.pop(source - 1))
        if unit.notes is None:
            unit.notes = []
        unit.notes.append(texts.moved(source, move.to_position, move.reason.strip()))
    return queue


def _grant(queue: list[_Unit], policy: Policy) -> int:
    """Grant from the top while places (and consultant hours) remain; the number waiting.

    Each granted unit goes to the consultant with the most free hours (ties by id), kept in
    a heap so that 100 consultants and 10,000 units stay cheap.
    """
    places = policy.capacity
    hours = policy.hours_per_programme
    heap = None
    if policy.consultant_hours is not None:
        heap = [
            (-free, str(consultant), consultant)
            for consultant, free in policy.consultant_hours.items()
        ]
        heapq.heapify(heap)
    waiting = 0
    for unit in queue:
        if unit.lone_small:
            unit.why = "small"
        elif places == 0:
            unit.why = "capacity"
        elif heap is not None and (not heap or -heap[0][0] < hours):
            unit.why = "hours"
        else:
            unit.outcome = GRANTED
            places -= 1
            if heap is not None:
                free, order, consultant = heapq.heappop(heap)
                unit.consultant = consultant
                heapq.heappush(heap, (free + hours, order, consultant))
            continue
        waiting += 1
    return waiting


def _queued_placements(offer, units, queue, waiting_count, policy, texts) -> list[Placement]:
    """The granted and waiting placements in queue order, each unit's reasons shared by its
    members. Written for speed (bench/allocation.py): names bound locally, one pass."""
    eligible_text = texts.eligible
    ranking_of = _ranking_reasons(offer, units, policy, texts)
    granted_text = texts.granted
    waiting_text = texts.waiting
    lone_small = texts.lone_small
    new = _new_placement
    placements = []
    append = placements.append
    waiting_number = 0
    for position, unit in enumerate(queue, 1):
        ranking = ranking_of(unit)
        public = None  # the applicant's ranking, when it is not ``ranking``
        if unit.notes:
            # The manager's notes are internal (C5): the applicant reads only where the
            # criteria placed it and where it stands now.
            public = ranking
            if unit.ranked_position != position:
                public = (*ranking, texts.placed(unit.ranked_position, position))
            ranking = (*ranking, *unit.notes)
        elif unit.ranked_position != position:
            ranking = (*ranking, texts.shifted(unit.ranked_position, position))
        outcome = unit.outcome
        if outcome == GRANTED:
            number = None
            last = granted_text(position)
        else:
            waiting_number += 1
            number = waiting_number
            why = unit.why
            if why == "small":
                why_text = lone_small(unit.members[0].employees)
            elif why == "hours":
                why_text = texts.hours_short
            else:
                why_text = texts.capacity_full
            last = waiting_text(number, waiting_count, why_text)
        reasons = (eligible_text, *ranking, last)
        applicant_reasons = None if public is None else (eligible_text, *public, last)
        refs = unit.refs
        score = unit.score
        consultant = unit.consultant
        for ref in refs:
            placement = new(Placement)
            placement.__dict__.update(
                {
                    "ref": ref,
                    "outcome": outcome,
                    "position": position,
                    "waiting_number": number,
                    "unit": refs,
                    "reasons": reasons,
                    "score": score,
                    "consultant": consultant,
                    "applicant_reasons": applicant_reasons,
                }
            )
            append(placement)
    return placements


def _ranking_reasons(offer, units, policy, texts):
    """A function giving a unit's reasons for its place in the ranking, per offer."""
    if offer == "O1":
        tied = _o1_ties(units)
        maximum = sum(policy.weights.values())
        weighted = not weights_are_default(policy.weights)
        names = tuple(policy.weights)

        def o1(unit):
            text = texts.criteria_met(unit.met, names, unit.score, maximum, weighted)
            if unit.ranked_position in tied:
                return (text, texts.o1_tie(unit.members[0].complete_at))
            return (text,)

        return o1
    if offer == "O4":
        first_come = texts.first_come

        def o4(unit):
            members = unit.members
            if len(members) == 1:
                text = first_come(members[0].complete_at)
            else:
                text = texts.joint(len(members), members[0].complete_at)
            if unit.removed:
                return (text, texts.partners_out(unit.removed))
            return (text,)

        return o4

    def managers_order(unit):
        lead = unit.members[0]
        return (texts.manager_rank(lead.manager_rank, lead.complete_at),)

    return managers_order


# A plan for 10,000 applications makes 10,000 placements; filling the new object's __dict__
# directly skips the frozen dataclass's eight object.__setattr__ calls and halves the cost
# (bench/allocation.py). It makes exactly what Placement(...) makes (every field set), as a
# test checks.
_new_placement = object.__new__


def _o1_ties(units: list[_Unit]) -> set[int]:
    """Ranked positions whose score equals a neighbour's: their order needs the tie-break."""
    tied = set()
    for index in range(1, len(units)):
        if units[index].score == units[index - 1].score:
            tied.add(index)
            tied.add(index + 1)
    return tied


def estimated_start(
    waiting_number: int, places_per_period: int, average_programme_days: int, today: date
) -> date | None:
    """When number N on the waiting list may expect to start.

    Every ``average_programme_days`` the places of one period free up again, so number N
    waits ceil(N / places) programme lengths. None when there are no places at all.
    """
    if waiting_number < 0 or places_per_period < 0 or average_programme_days < 0:
        raise ValueError(_("Venteplads, kapacitet og forløbslængde kan ikke være negative."))
    if places_per_period == 0:
        return None
    rounds = math.ceil(waiting_number / places_per_period)
    return today + timedelta(days=rounds * average_programme_days)
