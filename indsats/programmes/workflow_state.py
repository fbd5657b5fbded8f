"""Between the stored programme and the pure workflow engine: load the state, compute the
facts, complete a step, and save what the engine returns."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Programme, ProgrammeStatus, StepRecord
from .workflow import (
    complete,
    current_step_key,
    has_ended,
    state_from_keys,
    workflow_for,
)

# O5 outreach: the branch taken decides how the case ends.
ENDING_STATUS = {"no_further_action": ProgrammeStatus.STOPPED}


def state_of(programme):
    workflow = workflow_for(programme.offer.code)
    keys = [record.step for record in programme.steps.all()]  # prefetched on the page
    return workflow, state_from_keys(workflow, keys)


def role_of(user) -> str:
    return user.role


def complete_step(programme, step_key: str, user, note: str = "") -> None:
    """Complete ``step_key`` if the engine allows it; raises workflow.StepRefused."""
    from .facts_from_records import facts_for

    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        workflow, state = state_of(programme)
        new_state = complete(workflow, state, step_key, role_of(user), facts_for(programme))
        StepRecord.objects.create(programme=programme, step=step_key, completed_by=user, note=note)
        programme.current_step = current_step_key(workflow, new_state)
        if has_ended(workflow, new_state):
            programme.status = ENDING_STATUS.get(step_key, ProgrammeStatus.CLOSED)
            programme.closed_at = timezone.now()
        programme.version += 1
        programme.save()
