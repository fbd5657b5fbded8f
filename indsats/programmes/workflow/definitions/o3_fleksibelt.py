"""O3 Fleksibelt rådgivningsforløb (seed 002, SISO, 2021; SPEC O3.1–O3.3, issue 4).

decision → plan → activities → evaluation → close.

Free and flexible, 8–12 months (O3.1), on themes such as detection, interdisciplinary
cooperation or psychological violence, possibly focused on day care, school or authority
(O3.2), starting from the municipality's development needs with a strategic focus on
lasting change (O3.3) — hence a recorded plan first and an evaluation last. The
programme is created by the grant, so "decision" is done at creation.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .. import facts
from ..definition import BOARD, BOTH, Step, Workflow
from .roles import DECIDE, DELIVER

WORKFLOW = Workflow(
    offer_code="O3",
    steps=(
        Step(
            key="decision",
            title=_("Afgørelse"),
            actor=BOARD,
            may_complete=DECIDE,
            requires=(facts.DECISION_GRANTED,),
            produces=("decision_letter",),
            description=_("Socialstyrelsen bevilger rådgivningsforløbet."),
        ),
        Step(
            key="plan",
            title=_("Plan for forløbet"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.PLAN_RECORDED,),
            produces=("plan",),
            description=_(
                "En plan for 8–12 måneder med temaer (fx opsporing, tværfagligt samarbejde, "
                "psykisk vold) og områder (dagtilbud, skole, myndighed)."
            ),  # O3.1, O3.2
        ),
        Step(
            key="activities",
            title=_("Aktiviteter"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.ACTIVITIES_RECORDED,),
            description=_("Rådgivningen gennemføres efter planen."),
        ),
        Step(
            key="evaluation",
            title=_("Evaluering"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.EVALUATION_RECORDED,),
            produces=("evaluation",),
            description=_(
                "Forløbet evalueres: hvad har ændret sig for børnene, medarbejderne og lederne."
            ),  # O3.3
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
