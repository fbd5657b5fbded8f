"""Suggested joint programmes for small placement sites waiting alone (O4.4), as a pure
rule: no ORM, no request.

Among the waiting small sites without a group (alone, or having asked the Board to find
partners), each site is paired with the best partner still free: one in the same
municipality first, then in the same region, then of the same kind of site. Sites are
taken in the order their applications became complete, so the longest waiting are
matched first; ties go by application id. Every suggestion says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

SAME_MUNICIPALITY, SAME_REGION, SAME_SITE_TYPE = 0, 1, 2


@dataclass(frozen=True)
class WaitingSite:
    application_id: int
    name: str
    complete_at: datetime
    municipality: str  # name, for the reason
    region: str
    site_type: str  # label, for the reason; "" when unknown


@dataclass(frozen=True)
class Suggestion:
    application_ids: tuple[int, int]
    closeness: int  # SAME_MUNICIPALITY, SAME_REGION or SAME_SITE_TYPE
    reason: str


def _closeness(a: WaitingSite, b: WaitingSite) -> int | None:
    if a.municipality and a.municipality == b.municipality:
        return SAME_MUNICIPALITY
    if a.region and a.region == b.region:
        return SAME_REGION
    if a.site_type and a.site_type == b.site_type:
        return SAME_SITE_TYPE
    return None


def _reason(a: WaitingSite, b: WaitingSite, closeness: int) -> str:
    names = {"first": a.name, "second": b.name}
    if closeness == SAME_MUNICIPALITY:
        return _("%(first)s og %(second)s ligger begge i %(place)s.") % {
            **names,
            "place": a.municipality,
        }
    if closeness == SAME_REGION:
        return _("%(first)s og %(second)s ligger begge i %(place)s.") % {**names, "place": a.region}
    return _("%(first)s og %(second)s er begge %(kind)s.") % {**names, "kind": a.site_type.lower()}


def suggest_partners(sites: Iterable[WaitingSite]) -> list[Suggestion]:
    """Pairs of waiting small sites, closest first for the longest waiting site."""
    order = sorted(sites, key=lambda s: (s.complete_at, s.application_id))
    free = list(order)
    suggestions = []
    while free:
        site = free.pop(0)
        best = None
        for other in free:
            closeness = _closeness(site, other)
            if closeness is not None and (best is None or closeness < best[0]):
                best = (closeness, other)
                if closeness == SAME_MUNICIPALITY:
                    break
        if best is None:
            continue
        closeness, other = best
        free.remove(other)
        suggestions.append(
            Suggestion(
                (site.application_id, other.application_id),
                closeness,
                _reason(site, other, closeness),
            )
        )
    return suggestions
