"""The programme workflow as data, checked by a small pure engine (C6, issue 4).

No ORM and no request here: the Django side passes in the completed step keys and the
facts that hold (``facts.py`` lists them), and gets back what may happen next and why
not. Typical use::

    workflow = workflow_for(programme.offer.code)
    state = state_from_keys(workflow, programme.steps.values_list("step", flat=True))
    verdict = check_completion(workflow, state, "agreement", user.role, facts)
"""

from . import facts
from .definition import (
    ACTORS,
    BOARD,
    BOTH,
    CURRENT,
    DONE,
    ROLE_LABELS,
    ROLES,
    SKIPPED,
    UPCOMING,
    Step,
    Workflow,
)
from .definitions import WORKFLOWS, workflow_for
from .engine import (
    InvalidState,
    ProgrammeState,
    StepProgress,
    StepRefused,
    Verdict,
    check_completion,
    complete,
    current_step_key,
    has_ended,
    initial_state_after_grant,
    next_steps,
    progress,
    state_from_keys,
)

__all__ = [
    "ACTORS",
    "BOARD",
    "BOTH",
    "CURRENT",
    "DONE",
    "ROLES",
    "ROLE_LABELS",
    "SKIPPED",
    "UPCOMING",
    "WORKFLOWS",
    "InvalidState",
    "ProgrammeState",
    "Step",
    "StepProgress",
    "StepRefused",
    "Verdict",
    "Workflow",
    "check_completion",
    "complete",
    "current_step_key",
    "facts",
    "has_ended",
    "initial_state_after_grant",
    "next_steps",
    "progress",
    "state_from_keys",
    "workflow_for",
]
