"""Opening programmes. Views and other apps call these; they take no request."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from indsats.applications.models import next_reference
from indsats.catalogue.models import Offer

from .models import Programme, StepRecord

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
