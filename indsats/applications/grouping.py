"""Joint programmes for small placement sites (O4.4), as a pure rule.

Sites apply one by one and name their partners. Two open applications belong to the same
group when either names the other's organisation, directly or through a chain of such
links; an application whose partners have not applied yet stands alone until they do.
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
    """The groups of two or more applications, linked by naming each other's organisation."""
    items = {item.application_id: item for item in applications}
    by_organisation: dict[int, list[int]] = {}
    for item in items.values():
        by_organisation.setdefault(item.organisation_id, []).append(item.application_id)

    neighbours: dict[int, set[int]] = {app_id: set() for app_id in items}
    for item in items.values():
        for partner in item.partner_organisation_ids:
            for other in by_organisation.get(partner, []):
                if other != item.application_id:
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
        existing = sorted(
            {items[a].current_group_id for a in component if items[a].current_group_id}
        )
        groups.append(PlannedGroup(frozenset(component), existing[0] if existing else None))
    return groups
