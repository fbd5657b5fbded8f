"""O2 Udviklingsforløb (seed 001, 2016; SPEC O2.1–O2.4, issue 4).

decision → goal_setting → scope_agreed → activities → follow_up → close.

A partnership (O2.1): the Board and the municipality set concrete goals together and
agree the scope at the start. Follow-up is on the expected results of O2.4: insight into
own practice; implementation and knowledge of the guidelines; general upskilling. The
programme is created by the grant, so "decision" is done at creation.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .. import facts
from ..definition import BOARD, BOTH, Step, Workflow
from .roles import DECIDE, DELIVER

WORKFLOW = Workflow(
    offer_code="O2",
    steps=(
        Step(
            key="decision",
            title=_("Afgørelse"),
            actor=BOARD,
            may_complete=DECIDE,
            requires=(facts.DECISION_GRANTED,),
            produces=("decision_letter",),
            description=_("Socialstyrelsen bevilger udviklingsforløbet."),  # C4, O2.3
        ),
        Step(
            key="goal_setting",
            title=_("Fælles mål"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.GOALS_RECORDED,),
            produces=("goals",),
            description=_(
                "Socialstyrelsen og kommunen sætter sammen konkrete mål for forløbet, som partnere."
            ),  # O2.1
        ),
        Step(
            key="scope_agreed",
            title=_("Omfang aftalt"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.SCOPE_RECORDED,),
            produces=("scope",),
            description=_(
                "Forløbets omfang aftales ved opstarten ud fra kommunens behov; kommunen "
                "betaler lokaler og forplejning."
            ),  # O2.1, O2.2
        ),
        Step(
            key="activities",
            title=_("Aktiviteter"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.ACTIVITIES_RECORDED,),
            description=_("Forløbets møder, sparring og undervisning gennemføres."),
        ),
        Step(
            key="follow_up",
            title=_("Opfølgning på resultater"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.RESULTS_RECORDED,),
            produces=("results",),
            description=_(
                "Opfølgning på de forventede resultater: indsigt i egen praksis, kendskab til "
                "og implementering af retningslinjerne og generel opkvalificering."
            ),  # O2.4
        ),
        Step(
            key="close",
            title=_("Afslutning"),
            actor=BOARD,
            may_complete=DECIDE,
            description=_("Forløbet afsluttes."),
            ends_programme=True,
        ),
    ),
    created_after="decision",
)
