"""Between the records and the pure allocation core (``rules.py``): load the open
applications with their assessments and the period's free capacity, draw up the plan, and
— when a manager confirms it — record the decisions, the queue and the reasons, and tell
every applicant where they stand (C5; O1.3–O1.4, O4.4–O4.6).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.applications.models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    DecisionOutcome,
    Judgement,
)
from indsats.catalogue.models import Offer

from . import rules
from .capacity import CapacityUse, capacity_use
from .models import (
    AllocationRun,
    CriterionWeight,
    OfferCapacity,
    Placement,
    PlacementOutcome,
    PlanMove,
)
from .periods import Period
from .reasons import for_applicant

# The database's rule keys (catalogue migration 0002) as the core's names; the rest are
# the same in both.
RULE_NAMES = {
    "O1": {
        "chef_level_decision": "chef_decision",
        "staff_resources": "resources",
        "motivation": "motivation",
        "delimited_topic": "delimited",
        "management_backing": "backing",
        "no_earlier_help": "no_prior_help",
    },
}
ALLOCATED_OFFERS = tuple(rules.REQUIRED_CONDITIONS)  # O1–O4; O5 is the Board's own initiative


@dataclass(frozen=True)
class DrawnPlan:
    """A plan with what it was drawn from."""

    plan: rules.Plan
    use: CapacityUse
    applications: dict[str, Application]  # by reference
    pending_moves: tuple[PlanMove, ...]
    unassessed: tuple[Application, ...]  # open, but not every rule judged yet: not planned


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


def _rule_name(offer_code: str, key: str) -> str:
    return RULE_NAMES.get(offer_code, {}).get(key, key)


def open_applications(offer) -> list[Application]:
    return list(
        Application.objects.filter(offer=offer, status__in=OPEN_STATUSES)
        .exclude(reference__isnull=True)
        .select_related("organisation", "assessment")
        .prefetch_related("assessment__judgements__rule")
        .order_by("submitted_at", "pk")
    )


def _helped_before(applications) -> set[int]:
    """Organisations the Board has helped before, from its own records (O1.4 d)."""
    from indsats.programmes.models import Programme

    organisations = {a.organisation_id for a in applications}
    helped = set(
        Programme.objects.filter(organisation__in=organisations).values_list(
            "organisation", flat=True
        )
    )
    helped |= set(
        Programme.participants.through.objects.filter(organisation__in=organisations).values_list(
            "organisation", flat=True
        )
    )
    return helped


def _employees(application) -> int | None:
    value = str(application.answers.get("employee_count", "")).strip()
    return int(value) if value.isdigit() else None


def is_assessed(application, rules) -> bool:
    """The rule ``decide`` applies (C4): every condition and criterion of the offer judged
    met or not met with a reason, or a manager's recorded override; only then can the
    application be ranked, granted, put on the waiting list or refused. ``rules`` is the
    offer's ``decisions.rules_to_judge``."""
    from indsats.applications.decisions import gaps_in_assessment

    return gaps_in_assessment(application, rules).complete


def candidate_for(application, helped_before: set[int]) -> rules.Candidate:
    """The application as the core sees it: each condition and criterion the staff judged
    met; O1.4 (d) also needs that the records show no earlier help."""
    code = application.offer.code
    conditions, criteria = {}, {}
    assessment = getattr(application, "assessment", None)
    if assessment is not None:
        for judgement in assessment.judgements.all():
            name = _rule_name(code, judgement.rule.key)
            met = judgement.judgement == Judgement.MET
            target = criteria if judgement.rule.kind == "criterion" else conditions
            target[name] = met
    if code == "O1" and application.organisation_id in helped_before:
        criteria["no_prior_help"] = False
    return rules.Candidate(
        ref=application.reference,
        complete_at=application.submitted_at,
        conditions=conditions,
        criteria=criteria,
        employees=_employees(application) if code == "O4" else None,
        group=str(application.group_id) if code == "O4" and application.group_id else None,
    )


def weights_for(offer) -> dict[str, int]:
    if offer.code != "O1":
        return {}
    stored = CriterionWeight.objects.filter(rule__offer=offer).select_related("rule")
    return {_rule_name("O1", w.rule.key): w.weight for w in stored}


def policy_for(offer, use: CapacityUse) -> rules.Policy:
    consultant_hours = use.consultant_free_hours()
    return rules.Policy(
        offer=offer.code,
        capacity=use.free_places,
        weights=weights_for(offer),
        small_site_threshold=offer.small_site_threshold or rules.SMALL_SITE_THRESHOLD,
        consultant_hours=consultant_hours,
        hours_per_programme=use.hours_per_programme if consultant_hours else None,
    )


def draw_plan(offer, period: Period) -> DrawnPlan:
    """The plan for the offer's open applications within the period's free capacity, with
    the manager's moves for this period applied (confirmed ones first, then pending)."""
    use = capacity_use(offer, period)
    from indsats.applications.decisions import rules_to_judge

    offer_rules = rules_to_judge(offer)
    applications, unassessed = [], []
    for application in open_applications(offer):
        (applications if is_assessed(application, offer_rules) else unassessed).append(application)
    # A group of small sites is one case (O4.4): a grant reaches every member, and decide
    # refuses while any member is unassessed, so the group waits for its last assessment.
    groups_waiting = {a.group_id for a in unassessed if a.group_id}
    if groups_waiting:
        unassessed += [a for a in applications if a.group_id in groups_waiting]
        applications = [a for a in applications if a.group_id not in groups_waiting]
        unassessed.sort(key=lambda a: (a.submitted_at, a.pk))
    helped = _helped_before(applications)
    candidates = [candidate_for(a, helped) for a in applications]
    policy = policy_for(offer, use)
    unmoved = rules.allocate(policy, candidates)
    queued = {p.ref for p in unmoved.placements if p.position is not None}
    queue_length = len({p.unit for p in unmoved.placements if p.position is not None})
    stored_moves = list(
        PlanMove.objects.filter(offer=offer, period=period.key)
        .select_related("application", "moved_by")
        .order_by(F("confirmed_at").asc(nulls_last=True), "moved_at", "pk")
    )
    moves, usable = [], []
    for move in stored_moves:  # a move of an application no longer in the queue lapses
        if move.application.reference in queued:
            position = min(move.to_position, queue_length)
            moves.append(rules.Move(move.application.reference, position, move.reason))
            usable.append(move)
    plan = rules.allocate(policy, candidates, moves) if moves else unmoved
    return DrawnPlan(
        plan=plan,
        use=use,
        applications={a.reference: a for a in applications},
        pending_moves=tuple(m for m in usable if m.confirmed_at is None),
        unassessed=tuple(unassessed),
    )


def plan_for_period(offer_code: str, period: Period) -> rules.Plan:
    """For ``manage.py allocate``: the plan from the database, nothing recorded."""
    return draw_plan(Offer.objects.get(code=offer_code), period).plan


def move_in_queue(offer, period: Period, application, to_position: int, reason: str, user):
    """Record a pending move; the plan shows it at once, and confirming makes it stand."""
    if not reason.strip():
        raise rules.AllocationInputError(_("Skriv, hvorfor ansøgningen flyttes."))
    return PlanMove.objects.create(
        offer=offer,
        period=period.key,
        application=application,
        to_position=to_position,
        reason=reason.strip(),
        moved_by=user,
    )


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


def free_capacity_proposals(today=None) -> list[tuple[Offer, Period, int]]:
    """Offers whose current period has free places and someone in line who would now be
    granted: proposed to the managers (capacity freed by a withdrawal, a stopped programme
    or a new period)."""
    from .periods import parse_period

    today = today or timezone.localdate()
    proposals = []
    for capacity in OfferCapacity.objects.select_related("offer").filter(
        offer__code__in=ALLOCATED_OFFERS
    ):
        period = parse_period(capacity.period)
        if not period.contains(today):
            continue
        drawn = draw_plan(capacity.offer, period)
        newly = [
            p
            for p in drawn.plan.granted()
            if drawn.applications[p.ref].status != ApplicationStatus.GRANTED
        ]
        if newly:
            proposals.append((capacity.offer, period, len({p.unit for p in newly})))
    return proposals
