"""Opening programmes. Views and other apps call these; they take no request."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from indsats.applications.models import next_reference
from indsats.catalogue.models import Offer

from .models import Programme, ProgrammeStatus, StepRecord

OUTREACH_REFERENCE_PREFIX = "KB"  # konsulentbistand på Socialstyrelsens initiativ
OUTREACH_FIRST_STEP = "screening_decision"
OUTREACH_NEXT_STEP = "contact"


@transaction.atomic
def open_outreach_case(organisation, opened_by, reason: str) -> Programme:
    """A contact decided in the screening becomes an outreach case (O5) at step 'contact'.

    The screening decision itself is the first step, completed by whoever decided it.
    """
    offer = Offer.objects.get(code="O5")
    programme = Programme.objects.create(
        offer=offer,
        reference=next_reference(OUTREACH_REFERENCE_PREFIX, timezone.localdate().year),
        title=f"Konsulentbistand til {organisation.name}",
        organisation=organisation,
        current_step=OUTREACH_NEXT_STEP,
        origin_note=reason,
    )
    StepRecord.objects.create(
        programme=programme, step=OUTREACH_FIRST_STEP, completed_by=opened_by, note=reason
    )
    return programme


def _programme_reference(applications) -> str:
    """A programme keeps the reference of the (first) application it came from."""
    return applications[0].reference


@transaction.atomic
def open_programme_for_grant(applications, granted_by) -> Programme:
    """One programme for the granted application, or for a whole group of small sites
    (O4.4: one joint programme naming every site). Its workflow starts after the steps
    that the application itself covered."""
    from .workflow import initial_state_after_grant, next_steps, workflow_for

    first = applications[0]
    workflow = workflow_for(first.offer.code)
    state = initial_state_after_grant(workflow)
    names = ", ".join(a.organisation.name for a in applications)
    programme = Programme.objects.create(
        offer=first.offer,
        reference=_programme_reference(applications),
        title=f"{first.offer.name}: {names}",
        organisation=first.organisation,
        current_step=next_steps(workflow, state)[0].key,
        hour_cap=first.offer.hour_cap,
    )
    programme.participants.set([a.organisation for a in applications])
    for key in state.completed:
        StepRecord.objects.create(programme=programme, step=key, completed_by=granted_by)
    return programme


def stop_programme(programme, stopped_by, reason: str) -> None:
    programme.status = ProgrammeStatus.STOPPED
    programme.closed_at = timezone.now()
    programme.origin_note = (programme.origin_note + "\n" + reason).strip()
    programme.version += 1
    programme.save()


@transaction.atomic
def take_site_out(programme, application, by, reason: str) -> None:
    """A site leaves a joint programme (O4.4): its application is withdrawn with the
    reason, it is no longer a participant, and the other sites go on. When it was the
    programme's responsible organisation, the next remaining site takes that role."""
    from indsats.applications.models import ApplicationStatus

    if not reason.strip():
        raise ValueError("A reason is required.")
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    remaining = programme.applications.exclude(pk=application.pk).filter(
        status=ApplicationStatus.GRANTED
    )
    if not remaining.exists():
        raise ValueError("The last site cannot leave; stop the programme instead.")
    application.status = ApplicationStatus.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.group = None
    application.version += 1
    application.save()
    programme.participants.remove(application.organisation)
    if programme.organisation_id == application.organisation_id:
        programme.organisation = remaining.order_by("submitted_at", "pk").first().organisation
    note = f"{application.organisation.name}: {reason.strip()}"
    programme.origin_note = (programme.origin_note + "\n" + note).strip()
    programme.version += 1
    programme.save()
