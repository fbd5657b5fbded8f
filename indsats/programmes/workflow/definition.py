"""What a workflow definition is made of: roles, steps and the workflow itself, checked
when it is built (C6). ``engine.py`` moves a programme along such a definition.

A definition that breaks the rules of ``engine.py``'s flow raises ``ValueError`` when it
is built, so a bad definition stops the import rather than a case officer's afternoon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from django.utils.translation import gettext_lazy as _

from .facts import MISSING

# Roles, as in ``indsats.accounts.models.Role`` (repeated here so the engine needs no ORM).
APPLICANT = "applicant"
CASE_OFFICER = "case_officer"
CONSULTANT = "consultant"
PROJECT_LEADER = "project_leader"
MANAGER = "manager"
ADMINISTRATOR = "administrator"
ROLE_ORDER: tuple[str, ...] = (
    APPLICANT,
    CASE_OFFICER,
    CONSULTANT,
    PROJECT_LEADER,
    MANAGER,
    ADMINISTRATOR,
)
ROLES: frozenset[str] = frozenset(ROLE_ORDER)
ROLE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        APPLICANT: _("ansøger"),
        CASE_OFFICER: _("sagsbehandler"),
        CONSULTANT: _("konsulent"),
        PROJECT_LEADER: _("projektleder"),
        MANAGER: _("leder"),
        ADMINISTRATOR: _("administrator"),
    }
)

# Who does a step in reality (shown to users), as in ``indsats.catalogue.models.Actor``.
BOARD = "board"
BOTH = "both"
ACTORS: frozenset[str] = frozenset({BOARD, APPLICANT, BOTH})

# Statuses in ``progress``.
DONE = "done"
CURRENT = "current"
UPCOMING = "upcoming"
SKIPPED = "skipped"

#: ``StepRecord.step`` is a CharField of 50 characters.
MAX_KEY_LENGTH = 50
_KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Step:
    """One step of a programme.

    ``actor`` is who does the step in reality ("board", "applicant" or "both");
    ``may_complete`` the roles allowed to mark it done; ``requires`` the facts that must
    hold before it can be marked done; ``produces`` what it leaves behind (a document or
    a record), for display.
    """

    key: str
    title: str
    actor: str
    may_complete: frozenset[str]
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    description: str = ""
    ends_programme: bool = False

    def __post_init__(self):
        if not isinstance(self.key, str) or not _KEY.fullmatch(self.key):
            raise ValueError(f"Step key {self.key!r} must be lower_snake_case.")
        if len(self.key) > MAX_KEY_LENGTH:
            raise ValueError(f"Step key {self.key!r} is longer than {MAX_KEY_LENGTH} characters.")
        for name in ("may_complete", "requires", "produces"):
            if isinstance(getattr(self, name), str):
                raise ValueError(f"Step {self.key!r}: {name} must be a collection, not a string.")
        object.__setattr__(self, "may_complete", frozenset(self.may_complete))
        object.__setattr__(self, "requires", tuple(self.requires))
        object.__setattr__(self, "produces", tuple(self.produces))
        if self.actor not in ACTORS:
            raise ValueError(
                f"Step {self.key!r}: unknown actor {self.actor!r}; use one of {sorted(ACTORS)}."
            )
        if not self.may_complete:
            raise ValueError(f"Step {self.key!r}: no role may complete it.")
        unknown_roles = self.may_complete - ROLES
        if unknown_roles:
            raise ValueError(
                f"Step {self.key!r}: unknown role(s) {sorted(unknown_roles)}; "
                f"known roles are {list(ROLE_ORDER)}."
            )
        unknown_facts = [fact for fact in self.requires if fact not in MISSING]
        if unknown_facts:
            raise ValueError(
                f"Step {self.key!r}: unknown fact(s) {unknown_facts}; "
                "add them with a Danish sentence to facts.MISSING."
            )
        if len(set(self.requires)) != len(self.requires):
            raise ValueError(f"Step {self.key!r}: a fact is required twice.")


@dataclass(frozen=True)
class Workflow:
    """An offer's process: its steps in order, and where the case may branch.

    ``branches`` maps a step key to its alternative next step keys (O5: after "offer",
    either "programme" or "no_further_action"). ``created_after`` is the key of the step
    whose completion creates the programme — the decision to grant (O1–O4) or the
    screening decision to make contact (O5); see ``initial_state_after_grant``.
    """

    offer_code: str
    steps: tuple[Step, ...]
    branches: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    created_after: str | None = None
    _index: Mapping[str, int] = field(init=False, repr=False, compare=False, hash=False)
    _branch_of: Mapping[str, str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        code = self.offer_code
        steps = tuple(self.steps)
        object.__setattr__(self, "steps", steps)
        if not steps:
            raise ValueError(f"Workflow {code}: it has no steps.")
        if not all(isinstance(step, Step) for step in steps):
            raise ValueError(f"Workflow {code}: every step must be a Step.")
        keys = [step.key for step in steps]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"Workflow {code}: duplicate step key(s) {duplicates}.")
        index = {key: position for position, key in enumerate(keys)}
        object.__setattr__(self, "_index", MappingProxyType(index))

        branches = {source: tuple(targets) for source, targets in self.branches.items()}
        object.__setattr__(self, "branches", MappingProxyType(branches))
        branch_of: dict[str, str] = {}
        for source, targets in branches.items():
            if source not in index:
                raise ValueError(f"Workflow {code}: a branch starts at unknown step {source!r}.")
            if self.step(source).ends_programme:
                raise ValueError(
                    f"Workflow {code}: step {source!r} ends the programme and cannot branch."
                )
            if len(targets) < 2 or len(set(targets)) != len(targets):
                raise ValueError(
                    f"Workflow {code}: the branch at {source!r} needs two or more different "
                    f"alternatives, not {list(targets)}."
                )
            for target in targets:
                if target not in index:
                    raise ValueError(
                        f"Workflow {code}: the branch at {source!r} goes to unknown step "
                        f"{target!r}."
                    )
                if index[target] <= index[source]:
                    raise ValueError(
                        f"Workflow {code}: the branch at {source!r} goes back to {target!r}; "
                        "alternatives must come after their branch point."
                    )
                if target in branch_of:
                    raise ValueError(
                        f"Workflow {code}: step {target!r} is an alternative of two branches."
                    )
                branch_of[target] = source
        object.__setattr__(self, "_branch_of", MappingProxyType(branch_of))

        if steps[0].key in branch_of:
            raise ValueError(f"Workflow {code}: the first step cannot be a branch alternative.")
        if not any(step.ends_programme for step in steps):
            raise ValueError(f"Workflow {code}: no step ends the programme.")
        for step in steps:
            if not step.ends_programme and not self.successors(step.key):
                raise ValueError(
                    f"Workflow {code}: step {step.key!r} neither ends the programme nor leads "
                    "to another step."
                )
        reached = {steps[0].key}
        for step in steps:  # successors always come later, so one pass in order suffices
            if step.key in reached:
                reached.update(self.successors(step.key))
        unreachable = [key for key in keys if key not in reached]
        if unreachable:
            raise ValueError(
                f"Workflow {code}: step(s) {unreachable} cannot be reached from {steps[0].key!r}."
            )
        if self.created_after is not None:
            self._straight_path_to(self.created_after)

    def step(self, key: str) -> Step:
        """The step with this key; ``KeyError`` if the workflow has none."""
        try:
            return self.steps[self._index[key]]
        except KeyError:
            raise KeyError(f"Workflow {self.offer_code} has no step {key!r}.") from None

    def has_step(self, key: str) -> bool:
        return key in self._index

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(step.key for step in self.steps)

    @property
    def first(self) -> Step:
        return self.steps[0]

    def successors(self, key: str) -> tuple[str, ...]:
        """The keys of the steps that may follow ``key`` (two or more at a branch)."""
        step = self.step(key)
        if step.ends_programme:
            return ()
        if key in self.branches:
            return self.branches[key]
        for later in self.steps[self._index[key] + 1 :]:
            if later.key not in self._branch_of:
                return (later.key,)
        return ()

    def branch_point_of(self, key: str) -> str | None:
        """The step at which ``key`` is one of the alternatives, if it is one."""
        return self._branch_of.get(key)

    def _straight_path_to(self, key: str) -> tuple[str, ...]:
        if not self.has_step(key):
            raise ValueError(f"Workflow {self.offer_code}: created_after is unknown step {key!r}.")
        path = [self.first.key]
        while path[-1] != key:
            following = self.successors(path[-1])
            if len(following) != 1:
                raise ValueError(
                    f"Workflow {self.offer_code}: created_after {key!r} must be reachable "
                    "from the first step without a branch or an end."
                )
            path.append(following[0])
        if self.step(key).ends_programme:
            raise ValueError(
                f"Workflow {self.offer_code}: created_after {key!r} cannot end the programme."
            )
        return tuple(path)
