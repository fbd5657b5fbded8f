"""Assessing an application and deciding on it (C4).

Assessment: a judgement and a reason per condition and criterion of the offer; O1.4(d),
earlier help from the Board, is prefilled from the system's own records next to what the
applicant declared. Decision: grant, waiting list or reject, always with a reason; a
Danish letter (DOCX and PDF) goes to the portal and by e-mail. A grant opens the
programme; for a group of small sites (O4.4) the whole group is granted into one joint
programme, and a small site that has no group yet cannot be granted (O4.6).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.core.concurrency import EditConflict

from .documents import add_generated_version
from .models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Assessment,
    CriterionJudgement,
    Decision,
    DecisionOutcome,
    DocumentKind,
    DocumentVersion,
)


class DecisionRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class EarlierHelp:
    """What the applicant declared about earlier help (O1.4 d) and what the records say."""

    declared: str | None  # "yes", "no", "unknown" or None when the form does not ask
    records: tuple[str, ...]  # descriptions of earlier programmes and grants

    @property
    def mismatch(self) -> bool:
        return (self.declared == "no" and bool(self.records)) or (
            self.declared == "yes" and not self.records
        )


def earlier_help(application) -> EarlierHelp:
    from indsats.programmes.models import Programme

    organisation = application.organisation
    # Every grant opens a programme, so earlier programmes are the whole record.
    programmes = (
        Programme.objects.filter(Q(organisation=organisation) | Q(participants=organisation))
        .exclude(pk=application.programme_id)
        .select_related("offer")
        .distinct()
        .order_by("created_at")
    )
    records = tuple(f"{p.reference} {p.offer.name} ({p.created_at:%Y})" for p in programmes)
    return EarlierHelp(declared=application.answers.get("earlier_help"), records=records)


def save_assessment(application, user, judgements: dict, summary: str, expected_version: int):
    """Store a judgement and reason per rule; ``judgements`` maps rule id to (judgement,
    reason). Refuses a stale copy with EditConflict."""
    with transaction.atomic():
        assessment, created = Assessment.objects.select_for_update().get_or_create(
            application=application
        )
        if not created:
            if assessment.version != expected_version:
                raise EditConflict(stored_version=assessment.version, changed_fields={})
            assessment.version += 1
        assessment.summary = summary
        assessment.assessed_by = user
        assessment.save()
        for rule_id, (judgement, reason) in judgements.items():
            if not judgement:
                CriterionJudgement.objects.filter(assessment=assessment, rule_id=rule_id).delete()
                continue
            CriterionJudgement.objects.update_or_create(
                assessment=assessment,
                rule_id=rule_id,
                defaults={"judgement": judgement, "reason": reason},
            )
    return assessment


STATUS_FOR_OUTCOME = {
    DecisionOutcome.GRANT: ApplicationStatus.GRANTED,
    DecisionOutcome.WAITING_LIST: ApplicationStatus.WAITING_LIST,
    DecisionOutcome.REJECT: ApplicationStatus.REJECTED,
}


def applications_decided_together(application) -> list[Application]:
    """A grant of a grouped application grants the whole group (one joint programme)."""
    if application.group_id:
        return list(
            Application.objects.filter(group_id=application.group_id, status__in=OPEN_STATUSES)
            .select_related("offer", "organisation")
            .order_by("submitted_at", "pk")
        )
    return [application]


def check_decision(application, outcome) -> None:
    if application.status not in OPEN_STATUSES:
        raise DecisionRefused(_("Der kan kun træffes afgørelse om indsendte ansøgninger."))
    threshold = application.offer.small_site_threshold
    employees = application.answers.get("employee_count")
    small = threshold and employees and str(employees).isdigit() and int(employees) < threshold
    if outcome == DecisionOutcome.GRANT and small and not application.group_id:
        raise DecisionRefused(
            _(
                "Et sted med færre end %(n)s ansatte kan først bevilges, når det indgår i et "
                "samarbejde med andre steder. Sæt det på venteliste, til samarbejdet er på plads."
            )
            % {"n": threshold}
        )


@transaction.atomic
def decide(application, outcome: str, reason: str, decided_by) -> list[Decision]:
    from indsats.programmes.services import open_programme_for_grant

    if not reason.strip():
        raise DecisionRefused(_("En afgørelse skal altid have en begrundelse."))
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_decision(application, outcome)
    together = (
        applications_decided_together(application)
        if outcome == DecisionOutcome.GRANT
        else [application]
    )
    decisions = []
    for member in together:
        member.status = STATUS_FOR_OUTCOME[outcome]
        member.version += 1
        member.save()
        decisions.append(
            Decision.objects.create(
                application=member, outcome=outcome, reason=reason, decided_by=decided_by
            )
        )
    if outcome == DecisionOutcome.GRANT:
        programme = open_programme_for_grant(together, decided_by)
        Application.objects.filter(pk__in=[a.pk for a in together]).update(programme=programme)
    for decision in decisions:
        store_decision_letter(decision)
    return decisions


@transaction.atomic
def reopen(decision, manager, reason: str) -> None:
    """A manager reopens a standing decision: the application is open again."""
    if not reason.strip():
        raise DecisionRefused(_("Skriv, hvorfor afgørelsen genoptages."))
    if not decision.is_standing:
        raise DecisionRefused(_("Afgørelsen er allerede genoptaget."))
    decision.reopened_at = timezone.now()
    decision.reopened_by = manager
    decision.reopen_reason = reason
    decision.save()
    application = decision.application
    application.status = ApplicationStatus.SUBMITTED
    application.version += 1
    application.save()
    if application.programme_id and decision.outcome == DecisionOutcome.GRANT:
        from indsats.programmes.services import stop_programme

        stop_programme(application.programme, manager, reason)


def store_decision_letter(decision) -> DocumentVersion:
    """The letter as a new version of the application's decision letter: PDF to read,
    DOCX to edit."""
    from indsats.core.letters import to_docx, to_pdf

    from .letters import decision_letter

    letter = decision_letter(decision)
    stem = f"afgoerelse-{decision.application.reference}"
    return add_generated_version(
        DocumentKind.DECISION_LETTER,
        stem,
        to_pdf(letter),
        to_docx(letter),
        decision.decided_by,
        application=decision.application,
    )
