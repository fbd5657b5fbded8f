"""Confirming a drawn plan (C5; O1.4, O4.4–O4.6): what it would change (``news_of``), and
— when a manager confirms the plan they saw — the decisions with their letters, the queue
with each applicant's reasons, position and estimated start, and a message to every
applicant whose place changed. The plan itself is drawn by ``services.draw_plan``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.applications.models import Application, ApplicationStatus, DecisionOutcome
from indsats.catalogue.models import Offer

from . import rules
from .models import AllocationRun, OfferCapacity, Placement, PlacementOutcome, PlanMove
from .periods import Period
from .reasons import for_applicant
from .services import DrawnPlan, draw_plan, move_in_queue


class PlanChanged(rules.AllocationInputError):
    """The plan is no longer the one the manager saw: nothing is confirmed."""


class NothingToConfirm(rules.AllocationInputError):
    """Confirming would decide nothing, tell no one and make no move stand."""


@dataclass(frozen=True)
class News:
    """What confirming a drawn plan would do."""

    decisions: int  # applications whose state changes: a decision with a letter each
    places: int  # others told of a new or first place (number N of M)
    moves: int  # pending moves that would stand

    def __bool__(self) -> bool:
        return bool(self.decisions or self.places or self.moves)


def _applicant_reasons(danish_plan, offer, period) -> dict[str, dict[str, list[str]]]:
    """The plan's reasons per reference as the applicant reads them (no requirement ids,
    no manager's notes on moves), in Danish (from the plan being confirmed, drawn in
    Danish) and in English."""
    with translation.override("en"):
        english = draw_plan(offer, period).plan
    return {
        placement.ref: {
            "da": [for_applicant(reason) for reason in placement.reasons_for_applicant()],
            "en": [
                for_applicant(reason)
                for reason in english.for_ref(placement.ref).reasons_for_applicant()
            ],
        }
        for placement in danish_plan.placements
    }


def _new_place(placement, waiting_count: int) -> tuple:
    """What the applicant is told of in the plan: its outcome and number N of M."""
    if placement.outcome == rules.WAITING:
        return (placement.outcome, placement.waiting_number, waiting_count)
    return (placement.outcome, None, 0)


def news_of(drawn: DrawnPlan, previous: dict[int, Placement] | None = None) -> News:
    """What confirming the drawn plan would do, against the newest confirmed placements
    (``previous`` by application id, loaded when not given)."""
    plan = drawn.plan
    if previous is None:
        previous = _latest_placements(drawn.applications.values())
    decisions = places = 0
    for placement in plan.placements:
        application = drawn.applications[placement.ref]
        if application.status != STATUS_OF[placement.outcome]:
            decisions += 1
        elif _place_of(previous.get(application.pk)) != _new_place(placement, plan.waiting_count):
            places += 1
    return News(decisions, places, len(drawn.pending_moves))


STATUS_OF = {
    rules.GRANTED: ApplicationStatus.GRANTED,
    rules.WAITING: ApplicationStatus.WAITING_LIST,
    rules.REFUSED: ApplicationStatus.REJECTED,
}
OUTCOME_OF = {
    rules.GRANTED: DecisionOutcome.GRANT,
    rules.WAITING: DecisionOutcome.WAITING_LIST,
    rules.REFUSED: DecisionOutcome.REJECT,
}
PLACEMENT_OUTCOME = {
    rules.GRANTED: PlacementOutcome.GRANTED,
    rules.WAITING: PlacementOutcome.WAITING,
    rules.REFUSED: PlacementOutcome.REFUSED,
}


def confirm_plan(
    offer_code: str, period: Period, user, moves=(), shown: str | None = None
) -> rules.Plan:
    """Record the plan: a decision with a letter for every application whose state changes
    (refusals first, so that a refused member leaves its group before the group is
    granted), the queue with each applicant's reasons, position and estimated start, and a
    message to every applicant. One transaction: all of it or none. Only a manager may
    (``permissions.can_allocate``); anyone else gets PermissionDenied.

    ``shown`` is the fingerprint (``rules.fingerprint``) of the plan the manager saw: when
    given and the plan is another now, PlanChanged and nothing is recorded. A plan that
    would change nothing is NothingToConfirm. The letters give the applicant's reasons;
    the manager's moves with their reasons stay in each decision's internal reason."""
    from indsats.applications.decisions import decide
    from indsats.programmes.models import Programme

    from .notifications import placement_changed

    if not permissions.can_allocate(user):
        raise PermissionDenied(_("Kun en leder kan bekræfte en fordeling."))
    offer = Offer.objects.get(code=offer_code)
    with transaction.atomic():
        # One confirmation at a time per offer and period.
        capacity = (
            OfferCapacity.objects.select_for_update().filter(offer=offer, period=period.key).first()
        )
        for reference, to_position, reason in moves:
            application = Application.objects.get(offer=offer, reference=reference)
            move_in_queue(offer, period, application, to_position, reason, user)
        with translation.override("da"):  # the letters and the record are Danish
            drawn = draw_plan(offer, period)
        plan = drawn.plan
        if shown is not None and rules.fingerprint(plan) != shown:
            raise PlanChanged(
                _(
                    "Fordelingen er ikke bekræftet, fordi den er ændret, siden du åbnede "
                    "siden. Se den aktuelle fordeling herunder, og bekræft den, hvis den er "
                    "rigtig."
                )
            )
        previous = _latest_placements(drawn.applications.values())
        if not news_of(drawn, previous):
            raise NothingToConfirm(
                _(
                    "Der er intet at bekræfte: ingen ansøgning får en ny afgørelse eller en "
                    "ny plads på ventelisten."
                )
            )
        reasons = _applicant_reasons(plan, offer, period)
        run = AllocationRun.objects.create(
            offer=offer,
            period=period.key,
            places=capacity.places if capacity else 0,
            free_places=drawn.use.free_places,
            confirmed_by=user,
        )
        decisions = []
        order = {rules.REFUSED: 0, rules.GRANTED: 1, rules.WAITING: 2}
        decided = set()
        for placement in sorted(plan.placements, key=lambda p: (order[p.outcome], p.ref)):
            application = drawn.applications[placement.ref]
            # decide() locks and reloads the row; a group member decided with another is
            # in ``decided`` already.
            if placement.ref in decided or application.status == STATUS_OF[placement.outcome]:
                continue
            text = "\n".join(reasons[placement.ref]["da"])
            internal = "\n".join(placement.internal_reasons())
            made = decide(application, OUTCOME_OF[placement.outcome], text, user, internal)
            decisions.extend(made)
            decided |= {d.application.reference for d in made}
            if placement.outcome == rules.GRANTED and placement.consultant:
                programme = Programme.objects.get(applications=application)
                programme.consultants.add(int(placement.consultant))
        stored = []
        for placement in plan.placements:
            start = None
            if placement.outcome == rules.WAITING and capacity is not None:
                start = rules.estimated_start(
                    placement.waiting_number,
                    capacity.places,
                    capacity.average_programme_days,
                    max(timezone.localdate(), period.start),
                )
            stored.append(
                Placement(
                    run=run,
                    application=drawn.applications[placement.ref],
                    outcome=PLACEMENT_OUTCOME[placement.outcome],
                    position=placement.position,
                    waiting_number=placement.waiting_number,
                    waiting_count=plan.waiting_count if placement.outcome == rules.WAITING else 0,
                    estimated_start=start,
                    reasons=reasons[placement.ref],
                )
            )
        Placement.objects.bulk_create(stored)
        changed = [
            placement
            for placement in stored
            if placement.application.reference not in decided
            and _place_of(previous.get(placement.application_id)) != _place_of(placement)
        ]
        PlanMove.objects.filter(pk__in=[m.pk for m in drawn.pending_moves]).update(
            confirmed_at=timezone.now()
        )
        transaction.on_commit(lambda: _notify(decisions, changed, placement_changed))
    return plan


def _place_of(placement) -> tuple | None:
    """What an applicant is told of: the outcome and the number N of M."""
    if placement is None:
        return None
    return (placement.outcome, placement.waiting_number, placement.waiting_count)


def _notify(decisions, changed, placement_changed) -> None:
    from indsats.applications import notifications

    for decision in decisions:
        notifications.decision_made(decision)
    for placement in changed:
        placement_changed(placement)


def _latest_placements(applications) -> dict[int, Placement]:
    latest: dict[int, Placement] = {}
    for placement in Placement.objects.filter(application__in=list(applications)).order_by(
        "run__confirmed_at", "run__pk"
    ):
        latest[placement.application_id] = placement
    return latest


def latest_placement(application) -> Placement | None:
    """Where the application stood in the newest confirmed plan (for its portal page)."""
    return (
        Placement.objects.filter(application=application)
        .select_related("run")
        .order_by("-run__confirmed_at", "-run__pk")
        .first()
    )
