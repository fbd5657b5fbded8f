"""O1 Temaforløb (seed 000, page of 2020; SPEC O1.1–O1.2, issue 4).

enquiry → initial_meeting → application → decision → delivery → close.

Steps 1–3 are O1.2: the municipality writes an enquiry, an initial meeting on its
challenges and wishes, then it decides and applies. The Board's decision follows (C4);
the programme is created by a grant, so the first four steps are done at creation.
Delivery is sparring, advice or teaching of up to 25 hours over 3–4 days (O1.1); the
sessions are logged in the hours log against the offer's cap (the cap itself is checked
by the hours log, not here).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .. import facts
from ..definition import APPLICANT, BOARD, BOTH, Step, Workflow
from .roles import APPLICANT_OR_ON_BEHALF, DECIDE, DELIVER

WORKFLOW = Workflow(
    offer_code="O1",
    steps=(
        Step(
            key="enquiry",
            title=_("Henvendelse"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            produces=("enquiry",),
            description=_("Kommunen skriver, hvad den overvejer at arbejde med."),  # O1.2 (1)
        ),
        Step(
            key="initial_meeting",
            title=_("Indledende møde"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.INITIAL_MEETING_RECORDED,),
            produces=("meeting_minutes",),
            description=_(
                "Møde om kommunens udfordringer og ønsker, og om hvilket forløb der passer bedst."
            ),  # O1.2 (2)
        ),
        Step(
            key="application",
            title=_("Ansøgning"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            produces=("application",),
            description=_(
                "Kommunen beslutter på chefniveau at søge og sender ansøgningen."
            ),  # O1.2 (3), O1.3
        ),
        Step(
            key="decision",
            title=_("Afgørelse"),
            actor=BOARD,
            may_complete=DECIDE,
            requires=(facts.DECISION_GRANTED,),
            produces=("decision_letter",),
            description=_("Socialstyrelsen bevilger temaforløbet."),  # C4; O1.4 when over capacity
        ),
        Step(
            key="delivery",
            title=_("Forløbet gennemføres"),
            actor=BOARD,
            may_complete=DELIVER,
            requires=(facts.HOURS_LOGGED,),
            produces=("hours_log",),
            description=_(
                "Sparring, rådgivning eller undervisning på op til 25 timer fordelt på 3–4 dage; "
                "timerne føres i timeloggen."
            ),  # O1.1
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
