"""The facts a workflow step may require, and what to tell the user when one is missing.

A fact is a named condition that the Django side computes from its own records (meetings,
documents, the hours log, goals, decisions) and hands to the engine as a ``frozenset`` of
names. The engine never looks at the database; it only compares a step's ``requires``
with the facts it is given. Every fact a definition names must appear in ``MISSING``,
so a user is always told in plain Danish what is still missing.

=============================  ===============================================================
fact                           holds when
=============================  ===============================================================
``decision_granted``           the application (or case) has a decision to grant (C4)
``initial_meeting_recorded``   the initial meeting has a record: date, participants, minutes
``agreement_generated``        the collaboration agreement (*samarbejdsaftale*) exists (O4.3.6)
``start_focus_group_recorded`` the focus-group interview at the start has notes (O4.1)
``two_theme_days_held``        two connected theme days are recorded as held (O4.1, O4.3.7)
``draft_policy_received``      the site's draft policy is uploaded (O4.3.8)
``feedback_given``             the Board's written feedback on the received draft (O4.3.9)
``end_focus_group_recorded``   the focus-group interview at the end has notes (O4.1)
``final_policy_received``      the site's final policy is uploaded (O4.3.10)
``hours_logged``               sessions are logged in the hours log (O1.1: up to 25 hours)
``goals_recorded``             concrete goals set together with the municipality (O2.1)
``scope_recorded``             the agreed scope of the programme is written down (O2.1)
``plan_recorded``              a plan for 8–12 months with themes and areas exists (O3.1–O3.2)
``activities_recorded``        at least one activity (meeting, session, theme day) is recorded
``results_recorded``           results are recorded against the expected results (O2.4)
``evaluation_recorded``        the evaluation of the programme is recorded (O3.3)
``meeting_recorded``           the outreach meeting with the municipality has a record (O5)
=============================  ===============================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from django.utils.translation import gettext_lazy as _

DECISION_GRANTED = "decision_granted"
INITIAL_MEETING_RECORDED = "initial_meeting_recorded"
AGREEMENT_GENERATED = "agreement_generated"
START_FOCUS_GROUP_RECORDED = "start_focus_group_recorded"
TWO_THEME_DAYS_HELD = "two_theme_days_held"
DRAFT_POLICY_RECEIVED = "draft_policy_received"
FEEDBACK_GIVEN = "feedback_given"
END_FOCUS_GROUP_RECORDED = "end_focus_group_recorded"
FINAL_POLICY_RECEIVED = "final_policy_received"
HOURS_LOGGED = "hours_logged"
GOALS_RECORDED = "goals_recorded"
SCOPE_RECORDED = "scope_recorded"
PLAN_RECORDED = "plan_recorded"
ACTIVITIES_RECORDED = "activities_recorded"
RESULTS_RECORDED = "results_recorded"
EVALUATION_RECORDED = "evaluation_recorded"
MEETING_RECORDED = "meeting_recorded"

#: The sentence shown for each fact that does not hold when a step is to be completed.
MISSING: Mapping[str, str] = MappingProxyType(
    {
        DECISION_GRANTED: _("Mangler: der er ikke truffet en afgørelse om bevilling endnu."),
        INITIAL_MEETING_RECORDED: _(
            "Mangler: referatet fra det indledende møde er ikke registreret endnu (et møde, der "
            "er aftalt, tæller, når det er holdt, og referatet er skrevet)."
        ),
        AGREEMENT_GENERATED: _("Mangler: samarbejdsaftalen er ikke lavet endnu."),
        START_FOCUS_GROUP_RECORDED: _(
            "Mangler: fokusgruppeinterviewet ved forløbets start er ikke registreret endnu."
        ),
        TWO_THEME_DAYS_HELD: _("Mangler: de to sammenhængende temadage er ikke holdt endnu."),
        DRAFT_POLICY_RECEIVED: _(
            "Mangler: udkastet til politik er ikke modtaget endnu (i et fælles forløb: fra "
            "hvert sted)."
        ),
        FEEDBACK_GIVEN: _("Mangler: Socialstyrelsens feedback på udkastet er ikke givet endnu."),
        END_FOCUS_GROUP_RECORDED: _(
            "Mangler: fokusgruppeinterviewet ved forløbets afslutning er ikke registreret endnu."
        ),
        FINAL_POLICY_RECEIVED: _(
            "Mangler: den endelige politik er ikke modtaget endnu (i et fælles forløb: fra "
            "hvert sted)."
        ),
        HOURS_LOGGED: _("Mangler: der er ikke registreret timer i timeloggen endnu."),
        GOALS_RECORDED: _("Mangler: de konkrete mål for forløbet er ikke registreret endnu."),
        SCOPE_RECORDED: _("Mangler: forløbets aftalte omfang er ikke registreret endnu."),
        PLAN_RECORDED: _("Mangler: planen for forløbet er ikke registreret endnu."),
        ACTIVITIES_RECORDED: _("Mangler: der er ikke registreret nogen aktiviteter endnu."),
        RESULTS_RECORDED: _(
            "Mangler: opfølgningen på de forventede resultater er ikke registreret endnu."
        ),
        EVALUATION_RECORDED: _("Mangler: evalueringen af forløbet er ikke registreret endnu."),
        MEETING_RECORDED: _(
            "Mangler: referatet fra mødet med kommunen er ikke registreret endnu (et møde, der er "
            "aftalt, tæller, når det er holdt, og referatet er skrevet)."
        ),
    }
)

ALL_FACTS: frozenset[str] = frozenset(MISSING)
