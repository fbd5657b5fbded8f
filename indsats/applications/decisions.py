"""Assessing an application and deciding on it (C4).

Assessment: a judgement and an internal reason per condition and criterion of the offer;
O1.4(d), earlier help from the Board, is prefilled from the system's own records next to
what the applicant declared. A decision needs a complete assessment (``assessment_rules``)
or a manager's recorded override. Decision: grant, waiting list or reject, with a text to
the applicant and an internal reason for the file; a Danish letter (DOCX and PDF) built
from the applicant text alone goes to the portal and by e-mail. A corrected letter is a
new version of the same document. A grant opens the programme. A group of small sites
(O4.4) is one case: a grant or a waiting-list decision reaches every member in one
transaction, with one letter per site, and the grant opens one joint programme; a refusal
concerns the site alone, which then leaves the group while the others go on (a small site
left alone waits). A small site that has no group yet cannot be granted (O4.6).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.core.concurrency import EditConflict

from .assessment_rules import AssessmentGaps, RuleToJudge, assessment_gaps, every_rule_met
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


class AssessmentClosed(DecisionRefused):
    """The application is decided or closed: its assessment is part of the decision."""


def check_assessment_open(application) -> None:
    """The assessment is the basis of the decision: once decided it stays as it was,
    unless a manager reopens the decision (which opens the application again)."""
    if application.status not in OPEN_STATUSES:
        raise AssessmentClosed(
            _(
                "Vurderingen kan ikke ændres, fordi ansøgningen ikke længere er åben (status: "
                "%(status)s). Din ændring er ikke gemt. Skal vurderingen ændres, skal en "
                "leder først genoptage afgørelsen."
            )
            % {"status": application.get_status_display()}
        )


def save_assessment(application, user, judgements: dict, summary: str, expected_version: int):
    """Store a judgement and reason per rule; ``judgements`` maps rule id to (judgement,
    reason). Refuses a stale copy with EditConflict, and a decided application with
    AssessmentClosed."""
    with transaction.atomic():
        # Locked, so a decision made meanwhile is seen here (C12).
        check_assessment_open(Application.objects.select_for_update().get(pk=application.pk))
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


def rules_to_judge(offer) -> list[RuleToJudge]:
    return [
        RuleToJudge(pk=rule.pk, requirement=rule.requirement, text=rule.in_language("text"))
        for rule in offer.rules.all()
    ]


def gaps_in_assessment(application, rules: list[RuleToJudge] | None = None) -> AssessmentGaps:
    """What is still to be judged before ``application`` can be decided (uses a prefetched
    assessment and its judgements when there is one)."""
    if rules is None:
        rules = rules_to_judge(application.offer)
    assessment = getattr(application, "assessment", None)
    if assessment is None:
        return assessment_gaps(rules, {})
    judgements = {j.rule_id: (j.judgement, j.reason) for j in assessment.judgements.all()}
    return assessment_gaps(rules, judgements, overridden=assessment.is_overridden)


def refusal_with_every_rule_met(application, outcome) -> bool:
    """A refusal although every condition and criterion is judged met: allowed (there can
    be other reasons, e.g. no capacity), but the officer is warned."""
    if outcome != DecisionOutcome.REJECT:
        return False
    assessment = getattr(application, "assessment", None)
    if assessment is None:
        return False
    judgements = {j.rule_id: j.judgement for j in assessment.judgements.all()}
    return every_rule_met(rules_to_judge(application.offer), judgements)


def incomplete_assessment_message(application, gaps: AssessmentGaps) -> str:
    requirements = "; ".join(rule.label for rule in gaps.missing)
    return _(
        "Vurderingen af %(reference)s er ikke færdig. Disse betingelser og kriterier mangler "
        "en vurdering (opfyldt eller ikke opfyldt) med begrundelse: %(requirements)s. Gør "
        "vurderingen færdig, eller bed en leder om en undtagelse med en begrundelse."
    ) % {
        "reference": application.reference or application.organisation.name,
        "requirements": requirements,
    }


def record_override(application, manager, reason: str) -> Assessment:
    """A manager lets the case be decided before every rule is judged; who, when, why."""
    if not reason.strip():
        raise DecisionRefused(_("Skriv, hvorfor der gives en undtagelse."))
    with transaction.atomic():
        assessment, _created = Assessment.objects.select_for_update().get_or_create(
            application=application
        )
        assessment.override_by = manager
        assessment.override_at = timezone.now()
        assessment.override_reason = reason.strip()
        assessment.version += 1
        assessment.save()
    return assessment


STATUS_FOR_OUTCOME = {
    DecisionOutcome.GRANT: ApplicationStatus.GRANTED,
    DecisionOutcome.WAITING_LIST: ApplicationStatus.WAITING_LIST,
    DecisionOutcome.REJECT: ApplicationStatus.REJECTED,
}


def applications_decided_together(application, outcome=DecisionOutcome.GRANT) -> list[Application]:
    """The members a decision reaches: the whole group for a grant or a waiting-list
    decision (one joint case, O4.4), the site alone for a refusal."""
    if application.group_id and outcome != DecisionOutcome.REJECT:
        return list(
            Application.objects.filter(group_id=application.group_id, status__in=OPEN_STATUSES)
            .select_related("offer", "organisation")
            .order_by("submitted_at", "pk")
        )
    return [application]


class AlreadyDecided(DecisionRefused):
    """The application was decided (or closed) while the officer was deciding it."""


def check_decision(application, outcome) -> None:
    if application.status not in OPEN_STATUSES:
        standing = application.decisions.filter(reopened_at__isnull=True).first()
        if standing is None:
            raise AlreadyDecided(
                _(
                    "Ansøgningen er ikke længere åben for afgørelse (status: %(status)s). "
                    "Din afgørelse er ikke truffet, og der er ikke sendt noget brev."
                )
                % {"status": application.get_status_display()}
            )
        raise AlreadyDecided(_decided_meanwhile_message(standing))
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


def check_assessed(members) -> None:
    """Every application the decision reaches needs a complete assessment (C4)."""
    for member in members:
        fresh = Application.objects.select_related("offer", "organisation").get(pk=member.pk)
        gaps = gaps_in_assessment(fresh)
        if not gaps.complete:
            raise DecisionRefused(incomplete_assessment_message(fresh, gaps))


def check_can_decide(application, outcome) -> None:
    """Everything ``decide`` checks, without recording anything: for the letter preview."""
    check_decision(application, outcome)
    check_assessed(applications_decided_together(application, outcome))


def _refuse_if_decided_meanwhile(application, expected_version: int | None) -> None:
    """A colleague decided the application (a waiting list, say, which leaves it open)
    after this officer opened it: refuse, naming their decision (C12)."""
    if expected_version is None or application.version == expected_version:
        return
    standing = application.decisions.filter(reopened_at__isnull=True).first()
    if standing is not None:
        raise AlreadyDecided(_decided_meanwhile_message(standing))


def _decided_meanwhile_message(standing) -> str:
    return _(
        "En kollega har truffet afgørelse om ansøgningen, mens du arbejdede: "
        "%(outcome)s (%(name)s). Din afgørelse er ikke truffet, og dit brev er ikke "
        "sendt. Se afgørelsen og brevet på sagen."
    ) % {"outcome": standing.get_outcome_display(), "name": standing.decided_by}


@transaction.atomic
def decide(
    application,
    outcome: str,
    applicant_text: str,
    decided_by,
    internal_reason: str = "",
    expected_version: int | None = None,
) -> list[Decision]:
    """Record the decision for every application it reaches, each with its letter.
    ``applicant_text`` is printed in the letter; ``internal_reason`` stays in the file.
    ``expected_version``: the application's version the officer decided on, if known."""
    from indsats.programmes.services import open_programme_for_grant

    if not applicant_text.strip():
        raise DecisionRefused(_("Skriv begrundelsen til ansøgeren; den står i brevet."))
    application = Application.objects.select_for_update().get(pk=application.pk)
    _refuse_if_decided_meanwhile(application, expected_version)
    check_decision(application, outcome)
    together = applications_decided_together(application, outcome)
    check_assessed(together)
    decisions = []
    for member in together:
        member.status = STATUS_FOR_OUTCOME[outcome]
        member.version += 1
        if outcome == DecisionOutcome.REJECT:
            member.group = None  # refused on its own conditions: the others go on
        member.save()
        decisions.append(
            Decision.objects.create(
                application=member,
                outcome=outcome,
                applicant_text=applicant_text.strip(),
                internal_reason=internal_reason.strip(),
                decided_by=decided_by,
            )
        )
    if outcome == DecisionOutcome.GRANT:
        programme = open_programme_for_grant(together, decided_by)
        Application.objects.filter(pk__in=[a.pk for a in together]).update(programme=programme)
    if outcome == DecisionOutcome.REJECT and application.offer.small_site_threshold:
        from .services import regroup

        regroup(application.offer)
    for decision in decisions:
        store_decision_letter(decision)
    return decisions


def _decisions_reopened_together(decision) -> list[Decision]:
    """A group's grant or waiting-list decision is reopened for every member (O4.4)."""
    application = decision.application
    if not application.group_id or decision.outcome == DecisionOutcome.REJECT:
        return [decision]
    members = Application.objects.filter(
        group_id=application.group_id, status=application.status
    ).exclude(pk=application.pk)
    together = [decision]
    for member in members:
        standing = member.decisions.filter(reopened_at__isnull=True).first()
        if standing is not None and standing.outcome == decision.outcome:
            together.append(standing)
    return together


@transaction.atomic
def reopen(decision, manager, reason: str) -> None:
    """A manager reopens a standing decision: the application is open again (for a
    group, every member's)."""
    if not reason.strip():
        raise DecisionRefused(_("Skriv, hvorfor afgørelsen genoptages."))
    if not decision.is_standing:
        raise DecisionRefused(_("Afgørelsen er allerede genoptaget."))
    stopped = set()
    for standing in _decisions_reopened_together(decision):
        standing.reopened_at = timezone.now()
        standing.reopened_by = manager
        standing.reopen_reason = reason
        standing.save()
        application = standing.application
        application.status = ApplicationStatus.SUBMITTED
        application.version += 1
        application.save()
        programme_id = application.programme_id
        if (
            programme_id
            and standing.outcome == DecisionOutcome.GRANT
            and programme_id not in stopped
        ):
            from indsats.programmes.services import stop_programme

            stop_programme(application.programme, manager, reason)
            stopped.add(programme_id)


def store_decision_letter(decision, sent_by=None) -> DocumentVersion:
    """The letter as a new version of the application's decision letter: PDF to read,
    DOCX to edit. It is signed by whoever sends it: the decider, or the corrector."""
    from indsats.core.letters import to_docx, to_pdf

    from .letters import decision_letter

    letter = decision_letter(decision, signed_by=sent_by)
    stem = f"afgoerelse-{decision.application.reference}"
    return add_generated_version(
        DocumentKind.DECISION_LETTER,
        stem,
        to_pdf(letter),
        to_docx(letter),
        sent_by or decision.decided_by,
        application=decision.application,
    )


def current_letter(decision) -> DocumentVersion | None:
    """The newest version of the decision letter of ``decision``'s application."""
    return (
        DocumentVersion.objects.filter(
            document__application_id=decision.application_id,
            document__kind=DocumentKind.DECISION_LETTER,
        )
        .select_related("uploaded_by")
        .order_by("-number")
        .first()
    )


def letter_version(decision) -> int:
    """The number of the letter's newest version; 0 before the first."""
    current = current_letter(decision)
    return current.number if current is not None else 0


@transaction.atomic
def correct_letter(
    decision, applicant_text: str, corrected_by, expected_version: int
) -> DocumentVersion:
    """Send a corrected letter for a standing decision: the new applicant text is kept on
    the decision and the letter becomes the next version; the earlier ones stay.

    ``expected_version`` is the letter's version the officer corrected. If a colleague
    has sent a correction since, nothing is sent: EditConflict, with the letter's current
    version (C12). The decision's row lock makes two corrections wait for each other."""
    if not applicant_text.strip():
        raise DecisionRefused(_("Skriv begrundelsen til ansøgeren; den står i brevet."))
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not decision.is_standing:
        raise DecisionRefused(_("Afgørelsen er genoptaget; dens brev kan ikke rettes."))
    stored = letter_version(decision)
    if stored != expected_version:
        raise EditConflict(
            stored_version=stored,
            changed_fields={"applicant_text": (decision.applicant_text, applicant_text)},
        )
    decision.applicant_text = applicant_text.strip()
    decision.save(update_fields=["applicant_text"])
    return store_decision_letter(decision, sent_by=corrected_by)
