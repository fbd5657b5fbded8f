"""The workflow engine on its own (C6, issue 4 "Workflows as data"; no database).

Small made-up workflows show the engine's rules; the real definitions have their own
module, ``test_workflow_definitions.py``.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indsats.programmes.workflow import (
    CURRENT,
    DONE,
    ROLES,
    SKIPPED,
    UPCOMING,
    WORKFLOWS,
    InvalidState,
    ProgrammeState,
    Step,
    StepRefused,
    Verdict,
    Workflow,
    check_completion,
    complete,
    current_step_key,
    facts,
    has_ended,
    initial_state_after_grant,
    next_steps,
    progress,
    state_from_keys,
)

BOARD_DECIDERS = {"case_officer", "project_leader", "manager"}


def step(key, **options):
    options.setdefault("title", key.replace("_", " ").capitalize())
    options.setdefault("actor", "board")
    options.setdefault("may_complete", BOARD_DECIDERS)
    return Step(key=key, **options)


# meeting → agreement → theme_days → final (ends)
LINEAR = Workflow(
    offer_code="T1",
    steps=(
        step("meeting", title="Indledende møde", requires=(facts.INITIAL_MEETING_RECORDED,)),
        step(
            "agreement",
            title="Samarbejdsaftale",
            requires=(facts.AGREEMENT_GENERATED,),
            may_complete={"case_officer", "project_leader"},
        ),
        step(
            "theme_days",
            title="To temadage",
            requires=(facts.START_FOCUS_GROUP_RECORDED, facts.TWO_THEME_DAYS_HELD),
        ),
        step(
            "final",
            title="Endelig politik",
            actor="applicant",
            may_complete={"applicant", "case_officer"},
            ends_programme=True,
        ),
    ),
    created_after="meeting",
)

# start → choice → (left | right) → merged → end; the branches join again at "merged".
MERGING = Workflow(
    offer_code="T2",
    steps=(
        step("start"),
        step("choice", title="Valg"),
        step("left", title="Venstre"),
        step("right", title="Højre"),
        step("merged", title="Samlet"),
        step("end", ends_programme=True),
    ),
    branches={"choice": ("left", "right")},
)

# start → offer → (programme | stop), both ending, like O5.
ENDING_BRANCH = Workflow(
    offer_code="T3",
    steps=(
        step("start"),
        step("offer", title="Tilbud"),
        step("programme", title="Forløb", ends_programme=True),
        step("stop", title="Ingen videre handling", ends_programme=True),
    ),
    branches={"offer": ("programme", "stop")},
)

EVERYTHING = facts.ALL_FACTS


def keys(steps):
    return tuple(s.key for s in steps)


def walk(workflow, *path, role="case_officer"):
    state = ProgrammeState()
    for key in path:
        state = complete(workflow, state, key, role, EVERYTHING)
    return state


# --- moving along -------------------------------------------------------------------------


def test_it_starts_at_the_first_step():
    assert keys(next_steps(LINEAR, ProgrammeState())) == ("meeting",)


def test_it_completes_the_next_step_and_moves_on():
    state = complete(
        LINEAR, ProgrammeState(), "meeting", "manager", {facts.INITIAL_MEETING_RECORDED}
    )
    assert state == ProgrammeState(("meeting",))
    assert keys(next_steps(LINEAR, state)) == ("agreement",)


def test_it_walks_a_linear_workflow_to_its_end():
    state = walk(LINEAR, "meeting", "agreement", "theme_days", "final")
    assert has_ended(LINEAR, state)
    assert next_steps(LINEAR, state) == ()


def test_it_allows_with_no_reasons():
    verdict = check_completion(LINEAR, ProgrammeState(), "meeting", "manager", EVERYTHING)
    assert verdict == Verdict(True, (), ())


def test_it_accepts_facts_as_any_iterable():
    verdict = check_completion(
        LINEAR, ProgrammeState(), "meeting", "manager", [facts.INITIAL_MEETING_RECORDED]
    )
    assert verdict.allowed


def test_it_does_not_change_the_state_it_was_given():
    state = ProgrammeState(("meeting",))
    complete(LINEAR, state, "agreement", "case_officer", EVERYTHING)
    assert state.completed == ("meeting",)


# --- refusals (issue 4: "refuses a move that skips a step or is made by the wrong role") ----


def test_it_refuses_a_skip_and_names_the_step_not_done():
    state = ProgrammeState(("meeting",))
    verdict = check_completion(LINEAR, state, "theme_days", "manager", EVERYTHING)
    assert not verdict.allowed
    assert verdict.reasons == (
        "Trinnet »To temadage« kan ikke gennemføres endnu: »Samarbejdsaftale« er ikke "
        "gennemført, og et trin kan ikke springes over.",
    )


def test_it_refuses_to_skip_the_first_step():
    verdict = check_completion(LINEAR, ProgrammeState(), "agreement", "case_officer", EVERYTHING)
    assert not verdict.allowed
    assert "»Indledende møde« er ikke gennemført" in verdict.reasons[0]


def test_it_raises_step_refused_with_the_verdict_on_a_skip():
    with pytest.raises(StepRefused) as refused:
        complete(LINEAR, ProgrammeState(), "final", "applicant", EVERYTHING)
    assert not refused.value.verdict.allowed
    assert "kan ikke springes over" in str(refused.value)


def test_it_refuses_the_wrong_role_and_says_who_may():
    state = ProgrammeState(("meeting",))
    verdict = check_completion(LINEAR, state, "agreement", "consultant", EVERYTHING)
    assert not verdict.allowed
    assert verdict.reasons == (
        "Rollen konsulent må ikke gennemføre »Samarbejdsaftale«. "
        "Det må sagsbehandler og projektleder.",
    )


def test_it_refuses_an_unknown_role():
    verdict = check_completion(LINEAR, ProgrammeState(), "meeting", "intern", EVERYTHING)
    assert not verdict.allowed
    assert verdict.reasons[0].startswith("Rollen intern må ikke gennemføre »Indledende møde«.")


def test_it_refuses_missing_facts_with_a_danish_sentence_each():
    state = ProgrammeState(("meeting", "agreement"))
    verdict = check_completion(LINEAR, state, "theme_days", "manager", frozenset())
    assert not verdict.allowed
    assert verdict.missing_facts == (facts.START_FOCUS_GROUP_RECORDED, facts.TWO_THEME_DAYS_HELD)
    assert verdict.reasons == (
        "Mangler: fokusgruppeinterviewet ved forløbets start er ikke registreret endnu.",
        "Mangler: de to sammenhængende temadage er ikke holdt endnu.",
    )


def test_it_names_only_the_facts_that_do_not_hold():
    state = ProgrammeState(("meeting", "agreement"))
    verdict = check_completion(
        LINEAR, state, "theme_days", "manager", {facts.TWO_THEME_DAYS_HELD, "unrelated"}
    )
    assert verdict.missing_facts == (facts.START_FOCUS_GROUP_RECORDED,)
    assert len(verdict.reasons) == 1


def test_it_reports_a_wrong_role_and_missing_facts_together():
    state = ProgrammeState(("meeting",))
    verdict = check_completion(LINEAR, state, "agreement", "applicant", frozenset())
    assert verdict.reasons == (
        "Rollen ansøger må ikke gennemføre »Samarbejdsaftale«. "
        "Det må sagsbehandler og projektleder.",
        "Mangler: samarbejdsaftalen er ikke lavet endnu.",
    )


def test_it_refuses_a_repeat():
    state = ProgrammeState(("meeting", "agreement"))
    verdict = check_completion(LINEAR, state, "agreement", "case_officer", EVERYTHING)
    assert not verdict.allowed
    assert verdict.reasons == ("Trinnet »Samarbejdsaftale« er allerede gennemført.",)
    with pytest.raises(StepRefused):
        complete(LINEAR, state, "meeting", "manager", EVERYTHING)


def test_it_refuses_any_move_after_the_end():
    state = walk(LINEAR, "meeting", "agreement", "theme_days", "final")
    for key in LINEAR.keys:
        verdict = check_completion(LINEAR, state, key, "case_officer", EVERYTHING)
        assert not verdict.allowed, key
        assert verdict.reasons[0].startswith("Forløbet er afsluttet"), key


def test_it_refuses_an_unknown_step():
    verdict = check_completion(LINEAR, ProgrammeState(), "party", "manager", EVERYTHING)
    assert verdict == Verdict(False, ("Forløbet har intet trin, der hedder »party«.",), ())


def test_it_gives_reasons_as_plain_strings():
    verdict = check_completion(LINEAR, ProgrammeState(("meeting",)), "agreement", "x", ())
    assert all(type(reason) is str for reason in verdict.reasons)


# --- branches --------------------------------------------------------------------------------


def test_it_offers_every_alternative_at_a_branch():
    state = walk(MERGING, "start", "choice")
    assert keys(next_steps(MERGING, state)) == ("left", "right")
    assert current_step_key(MERGING, state) == "left|right"


def test_it_joins_the_branches_again_at_the_next_ordinary_step():
    for taken in ("left", "right"):
        state = walk(MERGING, "start", "choice", taken)
        assert keys(next_steps(MERGING, state)) == ("merged",)


def test_it_refuses_the_alternative_not_taken():
    state = walk(MERGING, "start", "choice", "left")
    verdict = check_completion(MERGING, state, "right", "manager", EVERYTHING)
    assert verdict.reasons == ("Trinnet »Højre« er valgt fra: forløbet fortsatte med »Venstre«.",)
    state = walk(MERGING, "start", "choice", "left", "merged")
    assert not check_completion(MERGING, state, "right", "manager", EVERYTHING).allowed


def test_it_ends_the_case_on_an_ending_branch_and_skips_the_other():
    state = walk(ENDING_BRANCH, "start", "offer", "stop")
    assert has_ended(ENDING_BRANCH, state)
    assert next_steps(ENDING_BRANCH, state) == ()
    assert {s.key: status for s, status in progress(ENDING_BRANCH, state)} == {
        "start": DONE,
        "offer": DONE,
        "programme": SKIPPED,
        "stop": DONE,
    }
    verdict = check_completion(ENDING_BRANCH, state, "programme", "manager", EVERYTHING)
    assert verdict.reasons[0].startswith("Forløbet er afsluttet")


def test_it_names_both_alternatives_when_a_branch_is_jumped_over():
    state = walk(MERGING, "start", "choice")
    verdict = check_completion(MERGING, state, "merged", "manager", EVERYTHING)
    assert "»Venstre« eller »Højre« er ikke gennemført" in verdict.reasons[0]


# --- progress ------------------------------------------------------------------------------


def test_it_shows_progress_as_done_current_and_upcoming():
    state = walk(LINEAR, "meeting")
    assert [(s.key, status) for s, status in progress(LINEAR, state)] == [
        ("meeting", DONE),
        ("agreement", CURRENT),
        ("theme_days", UPCOMING),
        ("final", UPCOMING),
    ]


def test_it_shows_both_alternatives_as_current_at_a_branch_and_then_one_skipped():
    statuses = progress(MERGING, walk(MERGING, "start", "choice"))
    assert {s.key: status for s, status in statuses} == {
        "start": DONE,
        "choice": DONE,
        "left": CURRENT,
        "right": CURRENT,
        "merged": UPCOMING,
        "end": UPCOMING,
    }
    state = walk(MERGING, "start", "choice", "right")
    after = {s.key: status for s, status in progress(MERGING, state)}
    assert after["left"] == SKIPPED
    assert after["right"] == DONE
    assert after["merged"] == CURRENT


def test_it_shows_everything_done_once_ended():
    state = walk(LINEAR, "meeting", "agreement", "theme_days", "final")
    assert {status for _, status in progress(LINEAR, state)} == {DONE}


# --- states --------------------------------------------------------------------------------


def test_it_builds_the_initial_state_up_to_the_creating_step():
    assert initial_state_after_grant(LINEAR) == ProgrammeState(("meeting",))


def test_it_refuses_an_initial_state_for_a_workflow_without_one():
    with pytest.raises(ValueError, match="creation"):
        initial_state_after_grant(MERGING)


def test_it_orders_recorded_keys_along_the_definition():
    state = state_from_keys(LINEAR, ["agreement", "meeting", "agreement"])
    assert state == ProgrammeState(("meeting", "agreement"))


def test_it_rejects_recorded_keys_that_are_not_a_path():
    with pytest.raises(InvalidState, match="cannot follow"):
        state_from_keys(LINEAR, ["meeting", "theme_days"])
    with pytest.raises(InvalidState, match="first completed step"):
        state_from_keys(LINEAR, ["agreement"])
    with pytest.raises(InvalidState, match="no step"):
        state_from_keys(LINEAR, ["meeting", "lunch"])
    with pytest.raises(InvalidState):
        state_from_keys(MERGING, ["start", "choice", "left", "right"])


def test_it_refuses_to_reason_about_a_corrupt_state():
    with pytest.raises(InvalidState):
        next_steps(LINEAR, ProgrammeState(("meeting", "final")))
    with pytest.raises(InvalidState):
        check_completion(LINEAR, ProgrammeState(("final",)), "meeting", "manager", EVERYTHING)


def test_it_stores_the_ending_step_as_current_once_ended():
    state = walk(ENDING_BRANCH, "start", "offer", "programme")
    assert current_step_key(ENDING_BRANCH, state) == "programme"
    assert current_step_key(LINEAR, ProgrammeState(("meeting",))) == "agreement"


def test_it_refuses_a_string_as_the_completed_steps():
    with pytest.raises(ValueError, match="collection"):
        ProgrammeState("meeting")


# --- validating definitions ---------------------------------------------------------------


def test_it_rejects_duplicate_step_keys():
    with pytest.raises(ValueError, match=r"duplicate step key\(s\) \['a'\]"):
        Workflow("X", (step("a"), step("b"), step("a", ends_programme=True)))


def test_it_rejects_unknown_roles():
    with pytest.raises(ValueError, match=r"unknown role\(s\) \['janitor'\]"):
        step("a", may_complete={"manager", "janitor"})


def test_it_rejects_a_step_nobody_may_complete():
    with pytest.raises(ValueError, match="no role may complete"):
        step("a", may_complete=set())


def test_it_rejects_a_string_where_roles_belong():
    with pytest.raises(ValueError, match="not a string"):
        step("a", may_complete="manager")


def test_it_rejects_an_unknown_actor():
    with pytest.raises(ValueError, match="unknown actor"):
        step("a", actor="municipality")


def test_it_rejects_unknown_facts():
    with pytest.raises(ValueError, match=r"unknown fact\(s\) \['coffee_served'\]"):
        step("a", requires=("coffee_served",))


def test_it_rejects_keys_that_do_not_fit_a_step_record():
    with pytest.raises(ValueError, match="lower_snake_case"):
        step("Initial meeting")
    with pytest.raises(ValueError, match="longer than 50"):
        step("a" * 51)


def test_it_rejects_a_branch_to_an_unknown_step():
    with pytest.raises(ValueError, match="goes to unknown step 'nowhere'"):
        Workflow(
            "X",
            (step("a"), step("b", ends_programme=True), step("c", ends_programme=True)),
            branches={"a": ("b", "nowhere")},
        )


def test_it_rejects_a_branch_from_an_unknown_step():
    with pytest.raises(ValueError, match="starts at unknown step 'z'"):
        Workflow(
            "X",
            (step("a"), step("b", ends_programme=True), step("c", ends_programme=True)),
            branches={"z": ("b", "c")},
        )


def test_it_rejects_a_branch_going_backwards():
    with pytest.raises(ValueError, match="goes back"):
        Workflow(
            "X",
            (step("a"), step("b"), step("c", ends_programme=True)),
            branches={"b": ("a", "c")},
        )


def test_it_rejects_a_branch_with_a_single_alternative():
    with pytest.raises(ValueError, match="two or more different alternatives"):
        Workflow("X", (step("a"), step("b", ends_programme=True)), branches={"a": ("b",)})


def test_it_rejects_a_workflow_that_never_ends():
    with pytest.raises(ValueError, match="no step ends the programme"):
        Workflow("X", (step("a"), step("b")))


def test_it_rejects_a_workflow_without_steps():
    with pytest.raises(ValueError, match="no steps"):
        Workflow("X", ())


def test_it_rejects_a_step_that_leads_nowhere():
    with pytest.raises(ValueError, match="'c' neither ends the programme"):
        Workflow(
            "X",
            (step("a"), step("b", ends_programme=True), step("c")),
            branches={"a": ("b", "c")},
        )


def test_it_rejects_an_unreachable_step():
    with pytest.raises(ValueError, match=r"\['b'\] cannot be reached"):
        Workflow("X", (step("a", ends_programme=True), step("b", ends_programme=True)))


def test_it_rejects_a_creating_step_behind_a_branch_or_unknown():
    with pytest.raises(ValueError, match="without a branch"):
        Workflow(
            "X",
            (step("a"), step("b", ends_programme=True), step("c", ends_programme=True)),
            branches={"a": ("b", "c")},
            created_after="b",
        )
    with pytest.raises(ValueError, match="unknown step 'zz'"):
        Workflow("X", (step("a", ends_programme=True),), created_after="zz")


def test_it_rejects_a_creating_step_that_ends_the_programme():
    with pytest.raises(ValueError, match="cannot end the programme"):
        Workflow("X", (step("a", ends_programme=True),), created_after="a")


# --- the property: a programme only ever moves along its definition -----------------------

WORKFLOWS_UNDER_TEST = [LINEAR, MERGING, ENDING_BRANCH, *WORKFLOWS.values()]


@st.composite
def attempts(draw):
    """A workflow and a list of tries: (step, role, facts, sensible). An int step means
    "one of the steps that are next"; a sensible try also uses a role that may and every
    fact, so that the walk gets deep into the definition and often to its end."""
    workflow = draw(st.sampled_from(WORKFLOWS_UNDER_TEST))
    attempt = st.tuples(
        st.one_of(
            st.integers(min_value=0, max_value=3),
            st.sampled_from([*workflow.keys, "unknown_step"]),
        ),
        st.sampled_from([*sorted(ROLES), "intern"]),
        st.one_of(
            st.just(facts.ALL_FACTS), st.frozensets(st.sampled_from(sorted(facts.ALL_FACTS)))
        ),
        st.booleans(),
    )
    return workflow, draw(st.lists(attempt, min_size=10, max_size=50))


def is_path(workflow, completed):
    """Independent of the engine's own check: each step follows its predecessor."""
    if not completed:
        return True
    if completed[0] != workflow.first.key:
        return False
    return all(b in workflow.successors(a) for a, b in zip(completed, completed[1:], strict=False))


@given(attempts())
def test_it_only_ever_moves_along_the_definition(case):
    workflow, tries = case
    state = ProgrammeState()
    for choice, role, holding, sensible in tries:
        following = next_steps(workflow, state)
        assert not set(keys(following)) & set(state.completed)
        if isinstance(choice, int) or sensible:
            index = choice if isinstance(choice, int) else 0
            key = following[index % len(following)].key if following else workflow.first.key
        else:
            key = choice
        if sensible:
            role, holding = min(workflow.step(key).may_complete), facts.ALL_FACTS
        expected = (
            key in keys(following)
            and role in workflow.step(key).may_complete
            and set(workflow.step(key).requires) <= holding
        )
        verdict = check_completion(workflow, state, key, role, holding)
        assert verdict.allowed == expected
        assert bool(verdict.reasons) != verdict.allowed
        try:
            state = complete(workflow, state, key, role, holding)
        except StepRefused:
            assert not expected
        assert is_path(workflow, state.completed)
        order = [workflow.keys.index(k) for k in state.completed]
        assert order == sorted(order)
        assert len(set(order)) == len(order)
        assert not set(keys(next_steps(workflow, state))) & set(state.completed)
        statuses = [status for _, status in progress(workflow, state)]
        assert statuses.count(DONE) == len(state.completed)
        assert (CURRENT in statuses) != has_ended(workflow, state)
