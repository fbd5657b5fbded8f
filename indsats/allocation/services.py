"""Between the records and the pure allocation core (``rules.py``): load the open
applications with their assessments and the period's free capacity, draw up the plan,
record a manager's moves, and propose plans when capacity frees up (C5; O1.3–O1.4,
O4.4–O4.6). Confirming a plan is ``confirmation``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.applications.models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Judgement,
)
from indsats.catalogue.models import Offer

from . import rules
from .capacity import CapacityUse, capacity_use
from .models import (
    CriterionWeight,
    OfferCapacity,
    PlanMove,
)
from .periods import Period

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
