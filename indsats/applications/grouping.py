"""Joint programmes for small placement sites (O4.4), as a pure rule.

Sites apply one by one and name their partners, or accept a partnership the Board
proposes in their portal (which names the partners on their application). A group forms
only with every member's consent: every member has named each of the others, and each of
them has named it. A site that names another one-sidedly forms no group with it, so
nothing of one site is shown to another and no decision on one reaches another. Sites
whose naming is mutual only in part (A and B, B and C, but not A and C) wait until the
missing consents are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class GroupingInput:
    application_id: int
    organisation_id: int
    partner_organisation_ids: frozenset[int]
    current_group_id: int | None = None


@dataclass(frozen=True)
class PlannedGroup:
    application_ids: frozenset[int]
    reuse_group_id: int | None  # keep an existing group's id where one is already in use


def plan_groups(applications: Iterable[GroupingInput]) -> list[PlannedGroup]:
    """The groups of two or more applications in which every pair has named each other."""
    items = {item.application_id: item for item in applications}
    by_organisation: dict[int, list[int]] = {}
    for item in items.values():
        by_organisation.setdefault(item.organisation_id, []).append(item.application_id)

    def named(item: GroupingInput, other: GroupingInput) -> bool:
        return other.organisation_id in item.partner_organisation_ids

    neighbours: dict[int, set[int]] = {app_id: set() for app_id in items}
    for item in items.values():
        for partner in item.partner_organisation_ids:
            for other in by_organisation.get(partner, []):
                if other != item.application_id and named(items[other], item):
                    neighbours[item.application_id].add(other)
                    neighbours[other].add(item.application_id)

    seen: set[int] = set()
    groups = []
    for start in sorted(items):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in component:
                continue
            component.add(node)
            stack.extend(neighbours[node] - component)
        seen |= component
        if len(component) < 2:
            continue
        if _all_consented(component, neighbours):
            existing = sorted(
                {items[a].current_group_id for a in component if items[a].current_group_id}
            )
            groups.append(PlannedGroup(frozenset(component), existing[0] if existing else None))
            continue
        # Some pair has not consented to each other yet: existing groups that still hold
        # stay as they are, and the others wait until the missing consents are given.
        by_group: dict[int, set[int]] = {}
        for member in component:
            if items[member].current_group_id:
                by_group.setdefault(items[member].current_group_id, set()).add(member)
        for group_id, members in sorted(by_group.items()):
            if len(members) >= 2 and _all_consented(members, neighbours):
                groups.append(PlannedGroup(frozenset(members), group_id))
    return groups


def _all_consented(members: set[int], neighbours: dict[int, set[int]]) -> bool:
    return all(members - {member} <= neighbours[member] for member in members)
