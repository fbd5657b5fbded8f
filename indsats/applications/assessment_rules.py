"""When an assessment is complete enough to decide on (C4), as a pure rule.

An application may be decided — by a case officer or by the allocation — once every
condition and criterion of its offer is judged met or not met, each with a reason. "Unclear"
is not a judgement to decide on. A manager may record an override instead (who, when, why),
e.g. when the applicant withdrew a criterion's basis and the case must be closed anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DECISIVE_JUDGEMENTS = frozenset({"met", "not_met"})


@dataclass(frozen=True)
class RuleToJudge:
    """A condition or criterion of the offer, as the rule needs it."""

    pk: int
    requirement: str  # e.g. "O1.4": staff see it, applicants do not
    text: str = ""

    @property
    def label(self) -> str:
        """For staff: the requirement id and the rule's words, since one id may cover
        several rules."""
        return f"{self.requirement} {self.text}".strip()


@dataclass(frozen=True)
class AssessmentGaps:
    """The rules still lacking a decisive judgement with a reason; empty when complete."""

    missing: tuple[RuleToJudge, ...]
    overridden: bool = False

    @property
    def complete(self) -> bool:
        return self.overridden or not self.missing


def assessment_gaps(
    rules: Iterable[RuleToJudge],
    judgements: Mapping[int, tuple[str, str]],
    overridden: bool = False,
) -> AssessmentGaps:
    """``judgements`` maps a rule's pk to (judgement, reason)."""
    missing = []
    for rule in rules:
        judgement, reason = judgements.get(rule.pk, ("", ""))
        if judgement not in DECISIVE_JUDGEMENTS or not (reason or "").strip():
            missing.append(rule)
    return AssessmentGaps(missing=tuple(missing), overridden=overridden)


def every_rule_met(rules: Iterable[RuleToJudge], judgements: Mapping[int, str]) -> bool:
    """Every condition and criterion judged met (``judgements`` maps a rule's pk to its
    judgement). A refusal then needs another reason, such as no capacity: the decision
    form warns, and the letter does not speak of conditions not met (C4)."""
    rules = list(rules)
    return bool(rules) and all(judgements.get(rule.pk) == "met" for rule in rules)
