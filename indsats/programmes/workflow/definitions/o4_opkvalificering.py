"""O4 Opkvalificeringsforløb for døgninstitutioner og opholdssteder (seed 003, 2018).

Exactly the ten steps of O4.3, in order:

1. ``interest`` — the site is interested;
2. ``questions`` — questions to the Board's project leader, if any;
3. ``working_group`` — a working group of at least one management representative and
   two to three staff representatives;
4. ``application`` — the application form is sent;
5. ``initial_meeting`` — with management and the working group (the topics of O4.3
   step 5); one shared meeting for a joint programme of small sites (O4.4);
6. ``agreement`` — the Board writes the collaboration agreement (*samarbejdsaftale*);
7. ``theme_days`` — two connected theme days at the site (O4.1, O4.2), preceded by the
   focus-group interview at the start (O4.1);
8. ``draft_policy`` — the site sends its draft policy;
9. ``closing_meeting`` — the Board's feedback on the draft, and the focus-group
   interview at the end (O4.1);
10. ``final_policy`` — the site sends its final policy; this ends the programme.

The programme is created when the application is granted (O4.6), so steps 1–4 are done
at creation. Titles follow the catalogue's process steps for O4.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .. import facts
from ..definition import APPLICANT, BOARD, BOTH, Step, Workflow
from .roles import APPLICANT_OR_ON_BEHALF, DELIVER

WORKFLOW = Workflow(
    offer_code="O4",
    steps=(
        Step(
            key="interest",
            title=_("Interesse"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            description=_("Stedet er interesseret i et opkvalificeringsforløb."),
        ),
        Step(
            key="questions",
            title=_("Spørgsmål til projektlederen"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            description=_("Har stedet spørgsmål, kontakter det Socialstyrelsens projektleder."),
        ),
        Step(
            key="working_group",
            title=_("Arbejdsgruppe"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            produces=("working_group",),
            description=_(
                "Stedet nedsætter en arbejdsgruppe med mindst én fra ledelsen og to til tre "
                "medarbejderrepræsentanter."
            ),
        ),
        Step(
            key="application",
            title=_("Ansøgning"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            produces=("application",),
            description=_("Stedet udfylder og sender ansøgningsskemaet."),
        ),
        Step(
            key="initial_meeting",
            title=_("Indledende møde"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.INITIAL_MEETING_RECORDED,),
            produces=("meeting_minutes",),
            description=_(
                "Møde med ledelsen og arbejdsgruppen om stedets målgruppe, erfaringer og "
                "forventninger, Socialstyrelsens forventninger, skrivningen af politikken, "
                "implementeringen bagefter og de praktiske aftaler. Et fælles forløb for "
                "flere steder har ét fælles møde."
            ),
        ),
        Step(
            key="agreement",
            title=_("Samarbejdsaftale"),
            actor=BOARD,
            may_complete=DELIVER,
            requires=(facts.AGREEMENT_GENERATED,),
            produces=("collaboration_agreement",),
            description=_(
                "Socialstyrelsen skriver en samarbejdsaftale med det, der blev aftalt på mødet."
            ),
        ),
        Step(
            key="theme_days",
            title=_("To temadage"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.START_FOCUS_GROUP_RECORDED, facts.TWO_THEME_DAYS_HELD),
            produces=("focus_group_notes",),
            description=_(
                "Fokusgruppeinterview ved start og to sammenhængende temadage på stedet; "
                "stedet sørger for lokale, forplejning og AV-udstyr."
            ),
        ),
        Step(
            key="draft_policy",
            title=_("Udkast til politik"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            requires=(facts.DRAFT_POLICY_RECEIVED,),
            produces=("draft_policy",),
            description=_(
                "Stedet sender sit udkast til politik til forebyggelse, tidlig opsporing og "
                "kvalificeret håndtering af sager om overgreb mod børn og unge."
            ),
        ),
        Step(
            key="closing_meeting",
            title=_("Afsluttende møde"),
            actor=BOTH,
            may_complete=DELIVER,
            requires=(facts.FEEDBACK_GIVEN, facts.END_FOCUS_GROUP_RECORDED),
            produces=("feedback", "focus_group_notes"),
            description=_(
                "Socialstyrelsen giver sparring, bl.a. på udkastet til politik, og der holdes "
                "fokusgruppeinterview ved afslutningen."
            ),
        ),
        Step(
            key="final_policy",
            title=_("Endelig politik"),
            actor=APPLICANT,
            may_complete=APPLICANT_OR_ON_BEHALF,
            requires=(facts.FINAL_POLICY_RECEIVED,),
            produces=("final_policy",),
            description=_("Stedet sender den endelige politik, og forløbet er afsluttet."),
            ends_programme=True,
        ),
    ),
    created_after="application",
)
