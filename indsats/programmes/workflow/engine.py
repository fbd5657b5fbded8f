"""A small workflow engine: a programme moves only along its offer's definition (C6).

Pure Python: no ORM, no request. The Django side turns its records into two inputs —
the completed step keys (a ``ProgrammeState``) and the facts that hold (see ``facts.py``)
— and asks the engine what comes next, whether a user in a role may complete a step,
and how the programme looks as a timeline.

A definition is data: a ``Workflow`` is a tuple of ``Step`` objects in their order, plus
``branches`` for the places where the case may go one of several ways. The flow is:

* after a step named in ``branches``, one of its alternative steps comes next;
* after a step that ``ends_programme``, nothing comes next;
* after any other step, the next step in the tuple that is not a branch alternative
  (so alternatives sit together after their branch point, and the flow joins again at
  the next ordinary step).

A definition that breaks these rules raises ``ValueError`` when it is built, so a bad
definition stops the import rather than a case officer's afternoon.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from .definition import (
    CURRENT,
    DONE,
    ROLE_LABELS,
    ROLE_ORDER,
    SKIPPED,
    UPCOMING,
    Step,
    Workflow,
)
from .facts import MISSING


class InvalidState(ValueError):
    """The completed steps are not a path along the definition (bad data, not a user error)."""


@dataclass(frozen=True)
class ProgrammeState:
    """The keys of the completed steps, in the order they were completed."""

    completed: tuple[str, ...] = ()

    def __post_init__(self):
        if isinstance(self.completed, str):
            raise ValueError("ProgrammeState.completed must be a collection of step keys.")
        object.__setattr__(self, "completed", tuple(self.completed))


@dataclass(frozen=True)
class Verdict:
    """Whether a step may be completed now, and if not, why — in Danish, for the user.

    ``missing_facts`` names the facts that did not hold, so a view can link to where
    each is recorded.
    """

    allowed: bool
    reasons: tuple[str, ...] = ()
    missing_facts: tuple[str, ...] = ()


class StepRefused(Exception):
    """Raised by ``complete`` when the verdict says no; carries the verdict."""

    def __init__(self, verdict: Verdict):
        self.verdict = verdict
        super().__init__(" ".join(verdict.reasons))


class StepProgress(NamedTuple):
    step: Step
    status: str  # DONE, CURRENT, UPCOMING or SKIPPED


def _checked(workflow: Workflow, state: ProgrammeState) -> tuple[str, ...]:
    """The completed keys, after making sure they are a path along the definition."""
    completed = state.completed
    for key in completed:
        if not workflow.has_step(key):
            raise InvalidState(f"Workflow {workflow.offer_code} has no step {key!r}.")
    if completed and completed[0] != workflow.first.key:
        raise InvalidState(
            f"Workflow {workflow.offer_code}: the first completed step is {completed[0]!r}, "
            f"not {workflow.first.key!r}."
        )
    for before, after in zip(completed, completed[1:], strict=False):
        if after not in workflow.successors(before):
            raise InvalidState(
                f"Workflow {workflow.offer_code}: step {after!r} cannot follow {before!r}."
            )
    return completed


def state_from_keys(workflow: Workflow, keys: Iterable[str]) -> ProgrammeState:
    """The state for a set of completed keys, e.g. from ``StepRecord`` rows.

    Any path along a definition is in the definition's order, so the keys are sorted by
    it (two records saved in the same instant cannot come out swapped); ``InvalidState``
    if they are not a path.
    """
    keys = list(keys)
    for key in keys:
        if not workflow.has_step(key):
            raise InvalidState(f"Workflow {workflow.offer_code} has no step {key!r}.")
    order = workflow.keys
    state = ProgrammeState(tuple(sorted(set(keys), key=order.index)))
    _checked(workflow, state)
    return state


def initial_state_after_grant(workflow: Workflow) -> ProgrammeState:
    """The steps already done when the programme is created (up to ``created_after``).

    O1: enquiry, initial meeting, application, decision; O2 and O3: decision; O4: steps
    1–4 of O4.3; O5: the screening decision (there is no application; the decision to
    make contact opens the case, as ``services.open_outreach_case`` does).
    """
    if workflow.created_after is None:
        raise ValueError(f"Workflow {workflow.offer_code} says nothing about its creation.")
    return ProgrammeState(workflow._straight_path_to(workflow.created_after))


def has_ended(workflow: Workflow, state: ProgrammeState) -> bool:
    completed = _checked(workflow, state)
    return bool(completed) and workflow.step(completed[-1]).ends_programme


def next_steps(workflow: Workflow, state: ProgrammeState) -> tuple[Step, ...]:
    """The steps that may be completed next: usually one, two or more at a branch, none
    once the programme has ended."""
    completed = _checked(workflow, state)
    if not completed:
        return (workflow.first,)
    return tuple(workflow.step(key) for key in workflow.successors(completed[-1]))


def current_step_key(workflow: Workflow, state: ProgrammeState) -> str:
    """What to store in ``Programme.current_step``.

    The next step's key; at a branch the alternatives joined by "|"
    ("programme|no_further_action"); once ended, the step that ended it.
    """
    following = next_steps(workflow, state)
    if not following:
        return state.completed[-1]
    return "|".join(step.key for step in following)


def _danish_list(items: Iterable[str], conjunction) -> str:
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _quoted(step: Step) -> str:
    return f"»{step.title}«"


def _refused(*reasons: str, missing_facts: tuple[str, ...] = ()) -> Verdict:
    return Verdict(False, tuple(str(reason) for reason in reasons), missing_facts)


def check_completion(
    workflow: Workflow,
    state: ProgrammeState,
    step_key: str,
    role: str,
    facts: Iterable[str] = frozenset(),
) -> Verdict:
    """May ``role`` mark ``step_key`` done now, given the facts that hold?

    Refused: an unknown step; any step once the programme has ended; a step already
    done; an alternative not taken; a step that is not next (no skipping); a role not
    in ``may_complete``; a required fact that does not hold. The last two are reported
    together so the user learns everything at once.
    """
    completed = _checked(workflow, state)
    if not workflow.has_step(step_key):
        return _refused(_("Forløbet har intet trin, der hedder »%(key)s«.") % {"key": step_key})
    step = workflow.step(step_key)
    if has_ended(workflow, state):
        return _refused(
            _("Forløbet er afsluttet, så %(step)s kan ikke gennemføres.") % {"step": _quoted(step)}
        )
    if step_key in completed:
        return _refused(_("Trinnet %(step)s er allerede gennemført.") % {"step": _quoted(step)})
    following = next_steps(workflow, state)
    if step_key not in {candidate.key for candidate in following}:
        source = workflow.branch_point_of(step_key)
        chosen = [key for key in workflow.branches.get(source, ()) if key in completed]
        if chosen:
            return _refused(
                _("Trinnet %(step)s er valgt fra: forløbet fortsatte med %(chosen)s.")
                % {"step": _quoted(step), "chosen": _quoted(workflow.step(chosen[0]))}
            )
        return _refused(
            _(
                "Trinnet %(step)s kan ikke gennemføres endnu: %(pending)s er ikke gennemført, "
                "og et trin kan ikke springes over."
            )
            % {
                "step": _quoted(step),
                "pending": _danish_list(map(_quoted, following), _("eller")),
            }
        )
    reasons = []
    if role not in step.may_complete:
        allowed = [ROLE_LABELS[name] for name in ROLE_ORDER if name in step.may_complete]
        reasons.append(
            _("Rollen %(role)s må ikke gennemføre %(step)s. Det må %(allowed)s.")
            % {
                "role": ROLE_LABELS.get(role, role),
                "step": _quoted(step),
                "allowed": _danish_list(allowed, _("og")),
            }
        )
    facts = frozenset(facts)
    missing = tuple(fact for fact in step.requires if fact not in facts)
    reasons.extend(MISSING[fact] for fact in missing)
    if reasons:
        return _refused(*reasons, missing_facts=missing)
    return Verdict(True)


def complete(
    workflow: Workflow,
    state: ProgrammeState,
    step_key: str,
    role: str,
    facts: Iterable[str] = frozenset(),
) -> ProgrammeState:
    """The state after ``role`` completes ``step_key``; ``StepRefused`` if not allowed."""
    verdict = check_completion(workflow, state, step_key, role, facts)
    if not verdict.allowed:
        raise StepRefused(verdict)
    return ProgrammeState((*state.completed, step_key))


def progress(workflow: Workflow, state: ProgrammeState) -> list[StepProgress]:
    """Every step with its status, in the definition's order, for timelines and the portal.

    "done" completed; "current" may be completed next (both alternatives at a branch);
    "skipped" an alternative not taken, or anything left once the programme has ended;
    "upcoming" the rest.
    """
    completed = set(_checked(workflow, state))
    current = {step.key for step in next_steps(workflow, state)}
    ended = has_ended(workflow, state)
    not_taken = {
        key
        for targets in workflow.branches.values()
        if completed.intersection(targets)
        for key in targets
        if key not in completed
    }
    result = []
    for step in workflow.steps:
        if step.key in completed:
            status = DONE
        elif step.key in current:
            status = CURRENT
        elif ended or step.key in not_taken:
            status = SKIPPED
        else:
            status = UPCOMING
        result.append(StepProgress(step, status))
    return result
