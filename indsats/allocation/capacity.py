"""What is left of a period's capacity once granted and running programmes, and hours
planned and logged, are subtracted (C5). Computed live from the records; nothing of it is
stored, so a withdrawal or a stopped programme frees its place at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Q, Sum

from indsats.programmes.models import HourEntry, Programme, ProgrammeStatus

from .models import ConsultantCapacity, OfferCapacity, Placement, PlacementOutcome
from .periods import Period

ZERO = Decimal("0")


@dataclass(frozen=True)
class ConsultantHours:
    consultant_id: int
    name: str
    available: Decimal
    logged: Decimal
    planned: Decimal  # the rest of the hour caps of the programmes they deliver

    @property
    def free(self) -> Decimal:
        return max(ZERO, self.available - self.logged - self.planned)


@dataclass(frozen=True)
class CapacityUse:
    """A period's capacity for an offer and what of it is committed."""

    period: Period
    capacity: OfferCapacity | None
    started: int  # programmes granted for the period (not stopped)
    committed_hours: Decimal  # hour caps of those programmes, or more where more was logged
    logged_hours: Decimal  # hours logged in the period on the offer's programmes
    hours_per_programme: Decimal | None

    @cached_property
    def consultants(self) -> tuple[ConsultantHours, ...]:
        """Each consultant's hours in the period: the same for every offer, so read only
        where they are shown or allocated (not by the capacity report's offer rows)."""
        return consultant_hours(self.period)

    @property
    def places(self) -> int:
        return self.capacity.places if self.capacity else 0

    @property
    def free_places(self) -> int:
        """Places left, also bounded by the offer's consultant hours where those are set."""
        free = max(0, self.places - self.started)
        if self.free_hours is not None and self.hours_per_programme:
            free = min(free, int(self.free_hours // self.hours_per_programme))
        return free

    @property
    def total_hours(self) -> Decimal | None:
        return self.capacity.consultant_hours if self.capacity else None

    @property
    def free_hours(self) -> Decimal | None:
        if self.total_hours is None:
            return None
        return max(ZERO, self.total_hours - self.committed_hours)

    def consultant_free_hours(self) -> dict[str, Decimal] | None:
        """Free hours per consultant (by id), for the allocation; None when not limited."""
        if not self.consultants or not self.hours_per_programme:
            return None
        return {str(c.consultant_id): c.free for c in self.consultants}


def capacity_use(offer, period: Period) -> CapacityUse:
    """The offer's capacity in the period and what is committed of it."""
    capacity = OfferCapacity.objects.filter(offer=offer, period=period.key).first()
    started = _started_in(offer, period)
    in_period = HourEntry.objects.filter(date__gte=period.start, date__lte=period.end)
    logged_by_programme = dict(
        in_period.filter(programme__offer=offer)
        .values("programme")
        .annotate(total=Sum("hours"))
        .values_list("programme", "total")
    )
    committed = ZERO
    started_ids = set()
    for pk, cap in started:
        started_ids.add(pk)
        committed += max(Decimal(cap or 0), logged_by_programme.get(pk, ZERO))
    committed += sum(
        (total for pk, total in logged_by_programme.items() if pk not in started_ids), ZERO
    )
    hours_per_programme = Decimal(offer.hour_cap) if offer.hour_cap else None
    return CapacityUse(
        period=period,
        capacity=capacity,
        started=len(started),
        committed_hours=committed,
        logged_hours=sum(logged_by_programme.values(), ZERO),
        hours_per_programme=hours_per_programme,
    )


def _started_in(offer, period: Period) -> list[tuple[int, int | None]]:
    """The programmes (id, hour cap) that take a place of the period: those granted by a
    confirmed plan for the period, and those granted outside a plan during the period.
    A stopped programme gives its place back."""
    granted = Placement.objects.filter(
        run__offer=offer, outcome=PlacementOutcome.GRANTED, application__programme__isnull=False
    )
    this_period = granted.filter(run__period=period.key).values("application__programme")
    in_dates = Q(created_at__date__gte=period.start, created_at__date__lte=period.end)
    other_periods = granted.exclude(run__period=period.key).values("application__programme")
    return list(
        Programme.objects.filter(offer=offer)
        .filter((in_dates & ~Q(pk__in=other_periods)) | Q(pk__in=this_period))
        .exclude(status=ProgrammeStatus.STOPPED)
        .values_list("pk", "hour_cap")
    )


def consultant_hours(period: Period) -> tuple[ConsultantHours, ...]:
    """Each consultant with hours set for the period: available, logged in the period,
    and still planned on the capped programmes they deliver (shared between the
    programme's consultants)."""
    rows = list(
        ConsultantCapacity.objects.filter(period=period.key)
        .select_related("consultant")
        .order_by("consultant__full_name", "consultant__pk")
    )
    if not rows:
        return ()
    ids = [row.consultant_id for row in rows]
    logged = dict(
        HourEntry.objects.filter(consultant__in=ids, date__gte=period.start, date__lte=period.end)
        .values("consultant")
        .annotate(total=Sum("hours"))
        .values_list("consultant", "total")
    )
    programmes = list(
        Programme.objects.filter(
            status=ProgrammeStatus.ACTIVE, hour_cap__isnull=False, consultants__in=ids
        )
        .distinct()
        .prefetch_related("consultants")
        .annotate(logged=Sum("hour_entries__hours"))
    )
    planned = dict.fromkeys(ids, ZERO)
    for programme in programmes:
        remaining = max(ZERO, Decimal(programme.hour_cap) - (programme.logged or ZERO))
        delivering = [c.pk for c in programme.consultants.all()]
        for consultant_id in delivering:
            if consultant_id in planned:
                planned[consultant_id] += remaining / len(delivering)
    return tuple(
        ConsultantHours(
            consultant_id=row.consultant_id,
            name=row.consultant.full_name or row.consultant.email,
            available=row.hours,
            logged=logged.get(row.consultant_id, ZERO),
            planned=planned[row.consultant_id].quantize(Decimal("0.1")),
        )
        for row in rows
    )
