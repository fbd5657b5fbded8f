"""The values of an allocation (C5): what goes in — candidates, the policy, the manager's
moves — and what comes out: a placement per application, and the plan.

Pure: no ORM, no request. Each value checks itself when made, so that bad input is refused
with a message naming the application; ``rules.allocate`` turns the one into the other, and
``rules`` exports every name here, so callers import from ``rules`` only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from django.utils.translation import gettext as _

GRANTED, WAITING, REFUSED = "granted", "waiting", "refused"
OUTCOMES = (GRANTED, WAITING, REFUSED)

# The conditions every application must meet to compete, per offer (canonical names; the
# services map the database's assessment keys onto these).
REQUIRED_CONDITIONS = {
    "O1": ("chef_decision", "resources"),  # O1.3
    "O2": ("time_and_resources", "management_backing", "pays_premises"),  # O2.2, O2.3
    "O3": ("duration", "development_needs"),  # O3.1, O3.3
    "O4": ("management_decision", "staff_resources"),  # O4.5 minimum conditions
}
OFFERS = tuple(REQUIRED_CONDITIONS)
ALL_CONDITIONS = frozenset(name for names in REQUIRED_CONDITIONS.values() for name in names)
O1_CRITERIA = ("motivation", "delimited", "backing", "no_prior_help")  # O1.4 (a)–(d)
DEFAULT_WEIGHTS = MappingProxyType(dict.fromkeys(O1_CRITERIA, 1))
SMALL_SITE_THRESHOLD = 25  # O4.4: fewer than 25 employees


class AllocationInputError(ValueError):
    """Input the allocation cannot use; the message names the application (its ref)."""

    def __init__(self, message: str, ref: str | None = None):
        super().__init__(message)
        self.ref = ref


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Candidate:
    """One application with its assessment. Absent conditions and criteria are not met."""

    ref: str  # the application's reference, unique in a plan
    complete_at: datetime  # aware: when the application became complete
    conditions: Mapping[str, bool] = field(default_factory=dict)
    criteria: Mapping[str, bool] = field(default_factory=dict)
    employees: int | None = None  # O4 sites
    group: str | None = None  # O4: the same key is one unit (consent checked by the caller)
    manager_rank: int | None = None  # O2/O3: the manager's order, 1 first; None after those

    def __post_init__(self):
        if not isinstance(self.ref, str) or not self.ref.strip():
            raise AllocationInputError(_("En ansøgning mangler sit referencenummer."))

        def fail(message):
            raise AllocationInputError(
                _("Ansøgning %(ref)s: %(problem)s") % {"ref": self.ref, "problem": message},
                self.ref,
            )

        if not isinstance(self.complete_at, datetime):
            fail(_("tidspunktet for komplet ansøgning mangler eller er ikke et tidspunkt."))
        if self.complete_at.utcoffset() is None:
            fail(_("tidspunktet for komplet ansøgning mangler tidszone."))
        if not isinstance(self.conditions, Mapping) or not isinstance(self.criteria, Mapping):
            fail(_("betingelser og kriterier skal angives som navn og ja/nej."))
        if self.employees is not None and (not _is_int(self.employees) or self.employees < 0):
            fail(_("antal ansatte skal være et helt tal, 0 eller mere."))
        if self.group is not None and (not isinstance(self.group, str) or not self.group):
            fail(_("gruppen skal angives med et navn."))
        if self.manager_rank is not None and (
            not _is_int(self.manager_rank) or self.manager_rank < 1
        ):
            fail(_("lederens prioritering skal være et helt tal, 1 eller mere."))


@dataclass(frozen=True)
class Move:
    """A manager moves a unit (named by any member's ref) to a position in the queue.

    ``to_position`` counts the queued (granted and waiting) units from 1.
    """

    ref: str
    to_position: int
    reason: str

    def __post_init__(self):
        if not _is_int(self.to_position) or self.to_position < 1:
            raise AllocationInputError(
                _("Ansøgning %(ref)s kan ikke flyttes til plads %(position)s.")
                % {"ref": self.ref, "position": self.to_position},
                self.ref,
            )
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise AllocationInputError(
                _("Flytningen af ansøgning %(ref)s mangler en begrundelse.") % {"ref": self.ref},
                self.ref,
            )


@dataclass(frozen=True)
class Policy:
    """The offer, its free places for the period and the settings that rank it."""

    offer: str  # "O1".."O4"
    capacity: int  # free places (programmes) for the period
    weights: Mapping[str, int] = field(
        default_factory=lambda: DEFAULT_WEIGHTS
    )  # O1.4 criteria; missing ones weigh 1
    small_site_threshold: int = SMALL_SITE_THRESHOLD
    consultant_hours: Mapping[str, Decimal | float] | None = None  # free hours per consultant
    hours_per_programme: Decimal | float | None = None  # e.g. the offer's hour cap

    def __post_init__(self):
        if self.offer not in REQUIRED_CONDITIONS:
            raise AllocationInputError(
                _("Ukendt tilbud »%(offer)s«; vælg O1, O2, O3 eller O4.") % {"offer": self.offer}
            )
        if not _is_int(self.capacity) or self.capacity < 0:
            raise AllocationInputError(_("Kapaciteten skal være et helt tal, 0 eller mere."))
        if not isinstance(self.weights, Mapping):
            raise AllocationInputError(_("Vægtene skal angives pr. kriterium."))
        for name, weight in self.weights.items():
            if name not in O1_CRITERIA:
                raise AllocationInputError(
                    _("Ukendt kriterium »%(name)s« i vægtene.") % {"name": name}
                )
            if not _is_int(weight) or weight < 0:
                raise AllocationInputError(
                    _("Vægten for »%(name)s« skal være et helt tal, 0 eller mere.") % {"name": name}
                )
        object.__setattr__(
            self, "weights", MappingProxyType({**DEFAULT_WEIGHTS, **dict(self.weights)})
        )
        if not _is_int(self.small_site_threshold) or self.small_site_threshold < 0:
            raise AllocationInputError(_("Grænsen for små steder skal være et helt tal."))
        if self.hours_per_programme is not None:
            hours = _decimal(self.hours_per_programme)
            if hours is None or hours <= 0:
                raise AllocationInputError(_("Timer pr. forløb skal være et positivt tal."))
            object.__setattr__(self, "hours_per_programme", hours)
        if self.consultant_hours is not None:
            if self.hours_per_programme is None:
                raise AllocationInputError(
                    _("Med begrænsede konsulenttimer skal timer pr. forløb også angives.")
                )
            hours_by_consultant = {}
            for consultant, free in dict(self.consultant_hours).items():
                hours = _decimal(free)
                if hours is None or hours < 0:
                    raise AllocationInputError(
                        _("Konsulent %(consultant)s: de ledige timer skal være 0 eller mere.")
                        % {"consultant": consultant}
                    )
                hours_by_consultant[consultant] = hours
            object.__setattr__(self, "consultant_hours", MappingProxyType(hours_by_consultant))


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@dataclass(frozen=True)
class Placement:
    """One application's place in the plan, and why."""

    ref: str
    outcome: str  # GRANTED, WAITING or REFUSED
    position: int | None  # counts granted and waiting units in queue order, from 1
    waiting_number: int | None  # N in "number N of M on the waiting list"
    unit: tuple[str, ...]  # the refs of its group in unit order, or just its own
    reasons: tuple[str, ...]  # plain Danish sentences citing the criteria
    score: int | None = None  # O1: the weighted number of O1.4 criteria met
    consultant: str | None = None  # assigned to a granted unit when hours are limited
    # What the applicant reads when it differs from ``reasons`` (a unit the manager moved):
    # the same reasons with the move told by the criteria only, never the manager's own
    # reason, which is internal. None: the applicant reads ``reasons``.
    applicant_reasons: tuple[str, ...] | None = None

    def reasons_for_applicant(self) -> tuple[str, ...]:
        """The reasons for the applicant's letter and portal (C5): no internal notes."""
        return self.reasons if self.applicant_reasons is None else self.applicant_reasons

    def internal_reasons(self) -> tuple[str, ...]:
        """The reasons only staff read: the manager's moves, each with its reason."""
        if self.applicant_reasons is None:
            return ()
        public = set(self.applicant_reasons)
        return tuple(reason for reason in self.reasons if reason not in public)


@dataclass(frozen=True)
class Plan:
    """The placements: granted and waiting in position order, then refused by ref."""

    offer: str
    capacity: int
    placements: tuple[Placement, ...]
    waiting_count: int  # M in "number N of M on the waiting list" (units)
    _by_ref: Mapping[str, Placement] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_ref", {p.ref: p for p in self.placements})

    def for_ref(self, ref: str) -> Placement:
        """The placement of the application; KeyError if it was not in the plan."""
        return self._by_ref[ref]

    def granted(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.outcome == GRANTED)

    def waiting(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.outcome == WAITING)

    def refused(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.outcome == REFUSED)

    @property
    def granted_count(self) -> int:
        """Places taken (units granted), never more than the capacity."""
        return len({p.unit for p in self.placements if p.outcome == GRANTED})


def fingerprint(plan: Plan) -> str:
    """A digest of what the plan decides — each application's outcome, place in the queue
    and number on the waiting list — in any language. The confirm form carries the one the
    manager saw, so that a plan changed since is never confirmed unseen (C5)."""
    digest = hashlib.sha256()
    for placement in sorted(plan.placements, key=lambda p: p.ref):
        digest.update(
            f"{placement.ref}\x1f{placement.outcome}\x1f{placement.position}\x1f"
            f"{placement.waiting_number}\x1e".encode()
        )
    digest.update(f"{plan.capacity}\x1f{plan.waiting_count}".encode())
    return digest.hexdigest()[:32]
