"""When an assessment is complete enough to decide on (C4): the pure rule, no database."""

from indsats.applications.assessment_rules import RuleToJudge, assessment_gaps

RULES = [RuleToJudge(1, "O1.3", "Chefniveau"), RuleToJudge(2, "O1.4", "Motivation")]


def test_it_is_complete_when_every_rule_is_met_or_not_met_with_a_reason():
    gaps = assessment_gaps(RULES, {1: ("met", "Fremgår."), 2: ("not_met", "Mangler.")})
    assert gaps.complete
    assert gaps.missing == ()


def test_it_counts_unclear_a_missing_judgement_and_a_blank_reason_as_not_judged():
    gaps = assessment_gaps(RULES, {1: ("unclear", "Spørg kommunen."), 2: ("met", "  ")})
    assert not gaps.complete
    assert [rule.pk for rule in gaps.missing] == [1, 2]
    assert [rule.pk for rule in assessment_gaps(RULES, {1: ("met", "Ok")}).missing] == [2]


def test_a_managers_override_completes_it_and_still_shows_what_is_missing():
    gaps = assessment_gaps(RULES, {}, overridden=True)
    assert gaps.complete
    assert [rule.label for rule in gaps.missing] == ["O1.3 Chefniveau", "O1.4 Motivation"]


def test_it_tells_when_every_rule_is_met():
    """A refusal then needs another reason: the decision form warns (C4)."""
    from indsats.applications.assessment_rules import every_rule_met

    assert every_rule_met(RULES, {1: "met", 2: "met"})
    assert not every_rule_met(RULES, {1: "met", 2: "not_met"})
    assert not every_rule_met(RULES, {1: "met"})
    assert not every_rule_met([], {})
