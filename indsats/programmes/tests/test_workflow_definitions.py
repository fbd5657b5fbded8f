"""The workflow definition of each offer (O1–O5; issue 4 "Workflows as data"; no database)."""

import pytest

from indsats.programmes import services
from indsats.programmes.workflow import (
    CURRENT,
    DONE,
    ROLES,
    SKIPPED,
    UPCOMING,
    WORKFLOWS,
    ProgrammeState,
    StepRefused,
    check_completion,
    complete,
    current_step_key,
    facts,
    has_ended,
    initial_state_after_grant,
    next_steps,
    progress,
    workflow_for,
)

O1, O2, O3, O4, O5 = (workflow_for(code) for code in ("O1", "O2", "O3", "O4", "O5"))
DECIDERS = {"case_officer", "project_leader", "manager"}
BOARD_ONLY = {"consultant", "case_officer", "project_leader", "manager", "administrator"}


def keys(steps):
    return tuple(step.key for step in steps)


def walk_to_end(workflow, choose=0):
    """Complete every step from the start, each by every role allowed in turn and with
    exactly the facts it requires; at a branch take alternative ``choose``."""
    state = ProgrammeState()
    roles_used = 0
    while not has_ended(workflow, state):
        following = next_steps(workflow, state)
        step = following[choose % len(following)]
        for role in sorted(step.may_complete):
            assert check_completion(workflow, state, step.key, role, step.requires).allowed
            roles_used += 1
        state = complete(workflow, state, step.key, min(step.may_complete), step.requires)
    assert roles_used >= len(state.completed)
    return state


# --- the set of definitions ---------------------------------------------------------------


def test_it_defines_a_workflow_for_every_offer():
    assert sorted(WORKFLOWS) == ["O1", "O2", "O3", "O4", "O5"]
    for code, workflow in WORKFLOWS.items():
        assert workflow.offer_code == code
        assert workflow_for(code) is workflow


def test_it_refuses_an_unknown_offer_code():
    with pytest.raises(LookupError, match="O9"):
        workflow_for("O9")


def test_it_gives_every_step_a_danish_title_and_description():
    for workflow in WORKFLOWS.values():
        for step in workflow.steps:
            assert str(step.title).strip(), step.key
            assert str(step.description).strip(), step.key


def test_it_has_a_danish_missing_sentence_for_every_fact():
    for fact in facts.ALL_FACTS:
        assert str(facts.MISSING[fact]).startswith("Mangler: "), fact


def test_it_uses_every_fact_it_defines():
    used = {fact for w in WORKFLOWS.values() for step in w.steps for fact in step.requires}
    assert used == facts.ALL_FACTS


# --- who may complete what ----------------------------------------------------------------


def test_it_lets_the_applicant_complete_only_applicant_steps():
    for workflow in WORKFLOWS.values():
        for step in workflow.steps:
            assert ("applicant" in step.may_complete) == (step.actor == "applicant"), step.key


def test_it_lets_staff_record_applicant_steps_on_the_applicants_behalf():
    for workflow in WORKFLOWS.values():
        for step in workflow.steps:
            if step.actor == "applicant":
                assert step.may_complete == {"applicant", "case_officer", "project_leader"}


def test_it_lets_only_case_officers_project_leaders_and_managers_decide():
    for workflow in (O1, O2, O3):
        assert workflow.step("decision").may_complete == DECIDERS
        assert workflow.step("close").may_complete == DECIDERS
    for key in ("screening_decision", "offer", "programme", "no_further_action"):
        assert O5.step(key).may_complete == DECIDERS


def test_it_lets_consultants_record_meetings_and_delivery():
    for workflow, key in [
        (O1, "initial_meeting"),
        (O1, "delivery"),
        (O2, "goal_setting"),
        (O2, "follow_up"),
        (O3, "plan"),
        (O3, "evaluation"),
        (O4, "initial_meeting"),
        (O4, "agreement"),
        (O4, "theme_days"),
        (O4, "closing_meeting"),
        (O5, "meeting"),
    ]:
        assert workflow.step(key).may_complete == {
            "consultant",
            "case_officer",
            "project_leader",
            "manager",
        }, (workflow.offer_code, key)


def test_it_lets_administrators_move_no_case_on():
    for workflow in WORKFLOWS.values():
        for step in workflow.steps:
            assert "administrator" not in step.may_complete


# --- O1 Temaforløb ---------------------------------------------------------------------------


def test_it_follows_the_o1_process_from_enquiry_to_close():
    # O1.2: enquiry, initial meeting, application; then decision, delivery (O1.1), close.
    assert O1.keys == ("enquiry", "initial_meeting", "application", "decision", "delivery", "close")
    assert O1.step("delivery").requires == (facts.HOURS_LOGGED,)
    assert O1.step("initial_meeting").requires == (facts.INITIAL_MEETING_RECORDED,)
    assert O1.step("decision").requires == (facts.DECISION_GRANTED,)


def test_it_refuses_to_finish_o1_delivery_before_hours_are_logged():
    state = initial_state_after_grant(O1)
    verdict = check_completion(O1, state, "delivery", "consultant", frozenset())
    assert verdict.reasons == ("Mangler: der er ikke registreret timer i timeloggen endnu.",)


# --- O2 Udviklingsforløb and O3 Fleksibelt rådgivningsforløb ----------------------------------


def test_it_follows_the_o2_partnership():
    # O2.1 goals and scope at the start; O2.4 follow-up on the expected results.
    assert O2.keys == (
        "decision",
        "goal_setting",
        "scope_agreed",
        "activities",
        "follow_up",
        "close",
    )
    assert O2.step("goal_setting").requires == (facts.GOALS_RECORDED,)
    assert O2.step("scope_agreed").requires == (facts.SCOPE_RECORDED,)
    assert O2.step("follow_up").requires == (facts.RESULTS_RECORDED,)


def test_it_follows_the_o3_plan_and_evaluation():
    # O3.1–O3.3: a plan for 8–12 months with themes and areas, activities, evaluation.
    assert O3.keys == ("decision", "plan", "activities", "evaluation", "close")
    assert O3.step("plan").requires == (facts.PLAN_RECORDED,)
    assert O3.step("evaluation").requires == (facts.EVALUATION_RECORDED,)


def test_it_refuses_o2_activities_before_goals_and_scope():
    state = initial_state_after_grant(O2)
    verdict = check_completion(O2, state, "activities", "consultant", facts.ALL_FACTS)
    assert verdict.reasons == (
        "Trinnet »Aktiviteter« kan ikke gennemføres endnu: »Fælles mål« er ikke gennemført, "
        "og et trin kan ikke springes over.",
    )


# --- O4 Opkvalificeringsforløb -----------------------------------------------------------------


def test_it_has_exactly_the_ten_steps_of_o4_3_in_order():
    assert O4.keys == (
        "interest",  # 1
        "questions",  # 2
        "working_group",  # 3
        "application",  # 4
        "initial_meeting",  # 5
        "agreement",  # 6
        "theme_days",  # 7
        "draft_policy",  # 8
        "closing_meeting",  # 9
        "final_policy",  # 10
    )
    assert [str(step.title) for step in O4.steps] == [
        "Interesse",
        "Spørgsmål til projektlederen",
        "Arbejdsgruppe",
        "Ansøgning",
        "Indledende møde",
        "Samarbejdsaftale",
        "To temadage",
        "Udkast til politik",
        "Afsluttende møde",
        "Endelig politik",
    ]
    assert not O4.branches
    assert [step.ends_programme for step in O4.steps] == [False] * 9 + [True]


def test_it_says_who_acts_in_each_o4_step():
    # O4.3: the site acts in 1–4, 8 and 10; the Board writes the agreement (6).
    assert [step.actor for step in O4.steps] == [
        "applicant",
        "applicant",
        "applicant",
        "applicant",
        "both",
        "board",
        "both",
        "applicant",
        "both",
        "applicant",
    ]


def test_it_requires_the_o4_records_before_each_step_closes():
    assert {step.key: step.requires for step in O4.steps if step.requires} == {
        "initial_meeting": (facts.INITIAL_MEETING_RECORDED,),
        "agreement": (facts.AGREEMENT_GENERATED,),
        "theme_days": (facts.START_FOCUS_GROUP_RECORDED, facts.TWO_THEME_DAYS_HELD),
        "draft_policy": (facts.DRAFT_POLICY_RECEIVED,),
        "closing_meeting": (facts.FEEDBACK_GIVEN, facts.END_FOCUS_GROUP_RECORDED),
        "final_policy": (facts.FINAL_POLICY_RECEIVED,),
    }


def test_it_refuses_the_o4_agreement_before_the_initial_meeting():
    # Issue 4, done when: the engine refuses a move that skips a step.
    state = initial_state_after_grant(O4)
    with pytest.raises(StepRefused) as refused:
        complete(O4, state, "agreement", "project_leader", facts.ALL_FACTS)
    assert refused.value.verdict.reasons == (
        "Trinnet »Samarbejdsaftale« kan ikke gennemføres endnu: »Indledende møde« er ikke "
        "gennemført, og et trin kan ikke springes over.",
    )


def test_it_refuses_an_o4_step_by_the_wrong_role():
    # Issue 4, done when: ... or is made by the wrong role.
    state = ProgrammeState(O4.keys[:5])
    verdict = check_completion(O4, state, "agreement", "applicant", facts.ALL_FACTS)
    assert verdict.reasons == (
        "Rollen ansøger må ikke gennemføre »Samarbejdsaftale«. "
        "Det må sagsbehandler, konsulent, projektleder og leder.",
    )
    state = ProgrammeState(O4.keys[:9])
    verdict = check_completion(O4, state, "final_policy", "consultant", facts.ALL_FACTS)
    assert not verdict.allowed
    assert verdict.reasons[0].startswith("Rollen konsulent må ikke gennemføre »Endelig politik«")


def test_it_refuses_o4_theme_days_before_the_start_focus_group():
    # O4.1: the focus-group interview at the start precedes the theme days.
    state = ProgrammeState(O4.keys[:6])
    verdict = check_completion(O4, state, "theme_days", "consultant", {facts.TWO_THEME_DAYS_HELD})
    assert verdict.missing_facts == (facts.START_FOCUS_GROUP_RECORDED,)


def test_it_refuses_the_o4_closing_meeting_without_feedback_and_end_focus_group():
    state = ProgrammeState(O4.keys[:8])
    verdict = check_completion(O4, state, "closing_meeting", "consultant", frozenset())
    assert verdict.reasons == (
        "Mangler: Socialstyrelsens feedback på udkastet er ikke givet endnu.",
        "Mangler: fokusgruppeinterviewet ved forløbets afslutning er ikke registreret endnu.",
    )


def test_it_lets_the_site_send_its_final_policy_and_ends_the_o4_programme():
    state = ProgrammeState(O4.keys[:9])
    state = complete(O4, state, "final_policy", "applicant", {facts.FINAL_POLICY_RECEIVED})
    assert has_ended(O4, state)
    assert current_step_key(O4, state) == "final_policy"


# --- O5 outreach ----------------------------------------------------------------------------


def test_it_follows_the_o5_outreach_case():
    assert O5.keys == (
        "screening_decision",
        "contact",
        "meeting",
        "offer",
        "programme",
        "no_further_action",
    )
    assert dict(O5.branches) == {"offer": ("programme", "no_further_action")}
    assert O5.step("meeting").requires == (facts.MEETING_RECORDED,)
    assert O5.step("programme").ends_programme
    assert O5.step("no_further_action").ends_programme


def test_it_matches_the_keys_open_outreach_case_uses():
    state = initial_state_after_grant(O5)
    assert state.completed == (services.OUTREACH_FIRST_STEP,)
    assert current_step_key(O5, state) == services.OUTREACH_NEXT_STEP


def test_it_offers_both_outcomes_after_the_o5_offer():
    state = ProgrammeState(("screening_decision", "contact", "meeting", "offer"))
    assert keys(next_steps(O5, state)) == ("programme", "no_further_action")
    assert [status for _, status in progress(O5, state)] == [DONE] * 4 + [CURRENT, CURRENT]


@pytest.mark.parametrize(
    ("taken", "not_taken"), [("programme", "no_further_action"), ("no_further_action", "programme")]
)
def test_it_ends_the_o5_case_on_either_outcome_and_skips_the_other(taken, not_taken):
    state = ProgrammeState(("screening_decision", "contact", "meeting", "offer"))
    state = complete(O5, state, taken, "manager", frozenset())
    assert has_ended(O5, state)
    statuses = {step.key: status for step, status in progress(O5, state)}
    assert statuses[taken] == DONE
    assert statuses[not_taken] == SKIPPED
    assert not check_completion(O5, state, not_taken, "manager", frozenset()).allowed


# --- every offer end to end ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["O1", "O2", "O3", "O4", "O5"])
def test_it_walks_every_offer_from_start_to_end(code):
    workflow = workflow_for(code)
    state = walk_to_end(workflow)
    if code == "O5":
        assert state.completed == workflow.keys[:-1]  # ends with "programme"
    else:
        assert state.completed == workflow.keys
    assert next_steps(workflow, state) == ()
    assert UPCOMING not in {status for _, status in progress(workflow, state)}


def test_it_walks_o5_to_no_further_action():
    state = walk_to_end(O5, choose=1)
    assert state.completed[-1] == "no_further_action"


@pytest.mark.parametrize(
    ("code", "done", "next_key"),
    [
        ("O1", ("enquiry", "initial_meeting", "application", "decision"), "delivery"),
        ("O2", ("decision",), "goal_setting"),
        ("O3", ("decision",), "plan"),
        ("O4", ("interest", "questions", "working_group", "application"), "initial_meeting"),
        ("O5", ("screening_decision",), "contact"),
    ],
)
def test_it_creates_a_granted_programme_at_the_right_step(code, done, next_key):
    workflow = workflow_for(code)
    state = initial_state_after_grant(workflow)
    assert state.completed == done
    assert current_step_key(workflow, state) == next_key
    statuses = [status for _, status in progress(workflow, state)]
    assert statuses[: len(done)] == [DONE] * len(done)
    assert statuses[len(done)] == CURRENT


def test_it_refuses_every_role_when_facts_are_missing_along_every_offer():
    for workflow in WORKFLOWS.values():
        state = ProgrammeState()
        while not has_ended(workflow, state):
            step = next_steps(workflow, state)[0]
            for role in ROLES:
                allowed = check_completion(workflow, state, step.key, role, frozenset()).allowed
                assert allowed == (role in step.may_complete and not step.requires)
            state = complete(workflow, state, step.key, min(step.may_complete), step.requires)
