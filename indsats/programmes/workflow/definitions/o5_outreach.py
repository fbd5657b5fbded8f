"""O5 Konsulentbistand på Socialstyrelsens initiativ (seed 004, 2017; SPEC O5, C7, issue 4).

screening_decision → contact → meeting → offer → programme | no_further_action.

The screening ranks and explains; staff decide to make contact (the judgement stays
with staff), and the contact becomes an outreach case that runs like a programme. The
screening decision is done when the case is opened (``services.open_outreach_case``
uses the keys "screening_decision" and "contact"). After the offer the case ends one of
two ways: "programme" — the municipality takes up the offer and the help continues as a
programme of O1–O3 form — or "no_further_action".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .. import facts
from ..definition import BOARD, BOTH, Step, Workflow
from .roles import DECIDE, DELIVER

WORKFLOW = Workflow(
    offer_code="O5",
    steps=(
        Step(
            key="screening_decision",
            title=_("Beslutning om kontakt"),
            actor=BOARD,
            may_complete=DECIDE,
            produces=("screening_decision",),
            description=_(
                "Ud fra et samlet skøn over screeningens forhold beslutter Socialstyrelsen at "
                "kontakte kommunen."
            ),
        ),
        Step(
            key="contact",
            title=_("Kontakt"),
            actor=BOARD,
            may_complete=DELIVER,
            description=_("Socialstyrelsen kontakter kommunen."),
        ),
        Step(
            key="meeting",
            title=_("Møde med kommunen"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.MEETING_RECORDED,),
            produces=("meeting_minutes",),
            description=_("Socialstyrelsen og kommunen mødes om kommunens udfordringer."),
        ),
        Step(
            key="offer",
            title=_("Tilbud om bistand"),
            actor=BOARD,
            may_complete=DECIDE,
            description=_("Socialstyrelsen tilbyder kommunen den bistand, der giver mening."),
        ),
        Step(
            key="programme",
            title=_("Videre i et forløb"),
            actor=BOARD,
            may_complete=DECIDE,
            produces=("follow_on_programme",),
            description=_(
                "Kommunen tager imod tilbuddet, og bistanden fortsætter som et forløb i stil med "
                "et temaforløb, et udviklingsforløb eller et fleksibelt forløb."
            ),
            ends_programme=True,
        ),
        Step(
            key="no_further_action",
            title=_("Ingen videre handling"),
            actor=BOARD,
            may_complete=DECIDE,
            description=_("Sagen afsluttes uden videre forløb, med en begrundelse."),
            ends_programme=True,
        ),
    ),
    branches={"offer": ("programme", "no_further_action")},
    created_after="screening_decision",
)
