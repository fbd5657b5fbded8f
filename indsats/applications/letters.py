"""The decision letter, in Danish, built from the decision's text to the applicant.

Only what is written for the applicant goes in: the applicant text, which conditions and
criteria were met in plain words (no requirement ids, and never the judgements' internal
reasons or the decision's internal reason), what the applicant can do next, and whom to
ask (C4, C10).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indsats.core.letters import Letter, Section
from indsats.organisations.contacts import letter_recipient_lines

from .models import DecisionOutcome, Judgement

OPENINGS = {  # lazy: translated when a letter is written, in that request's language
    DecisionOutcome.GRANT: gettext_lazy("Vi har bevilget jeres ansøgning om %(offer)s."),
    DecisionOutcome.WAITING_LIST: gettext_lazy(
        "Vi har sat jeres ansøgning om %(offer)s på venteliste, fordi der ikke er kapacitet "
        "lige nu. Vi vender tilbage, så snart der er plads."
    ),
    DecisionOutcome.REJECT: gettext_lazy(
        "Vi må desværre give afslag på jeres ansøgning om %(offer)s."
    ),
}

NEXT_STEPS = {
    DecisionOutcome.GRANT: (
        gettext_lazy("Det videre forløb"),
        gettext_lazy(
            "En konsulent fra Socialstyrelsen kontakter jer for at aftale det første møde. "
            "I kan følge forløbet i Indsats."
        ),
    ),
    DecisionOutcome.WAITING_LIST: (
        gettext_lazy("Det kan I gøre nu"),
        gettext_lazy(
            "I beholder jeres plads på ventelisten og skal ikke gøre noget. Ændrer jeres "
            "forhold sig, så I fx opfylder flere af kriterierne ovenfor, så skriv til os. "
            "Ønsker I ikke længere forløbet, kan I trække ansøgningen tilbage i Indsats."
        ),
    ),
    DecisionOutcome.REJECT: (
        gettext_lazy("Det kan I gøre nu"),
        gettext_lazy(
            "I er velkomne til at søge igen, når de betingelser, der ikke var opfyldt, er på "
            "plads. Mener I, at vi har misforstået jeres ansøgning, eller vil I vide, hvad der "
            "skal til, så skriv til os. Så gennemgår vi sagen med jer."
        ),
    ),
}
# A refusal where no condition or criterion was judged not met (e.g. no capacity): the
# letter must not send the applicant looking for conditions to fix.
REJECT_WITH_NOTHING_UNMET = gettext_lazy(
    "I er velkomne til at søge igen. Mener I, at vi har misforstået jeres ansøgning, eller "
    "vil I vide mere om afgørelsen, så skriv til os. Så gennemgår vi sagen med jer."
)


def _contact_lines(application) -> tuple[str, ...]:
    """The Board's contact person: the case officer, or else the Board's inbox."""
    officer = application.case_officer
    reference = application.reference or ""
    if officer is not None and officer.email:
        who = _("Har I spørgsmål, så kontakt %(name)s på %(email)s.") % {
            "name": officer.full_name or officer.email,
            "email": officer.email,
        }
    else:
        who = _("Har I spørgsmål, så skriv til Socialstyrelsen på %(email)s.") % {
            "email": settings.BOARD_INBOX_EMAIL
        }
    return (
        who,
        _("Skriv jeres referencenummer %(reference)s i emnefeltet.") % {"reference": reference},
    )


def _assessed_rules(application) -> tuple[tuple[str, str], ...]:
    """Each condition and criterion judged met or not met, in plain words."""
    assessment = getattr(application, "assessment", None)
    if assessment is None:
        return ()
    return tuple(
        (judgement.rule.in_language("text"), str(judgement.get_judgement_display()))
        for judgement in assessment.judgements.select_related("rule")
        if judgement.judgement in (Judgement.MET, Judgement.NOT_MET)
    )


def _any_rule_not_met(application) -> bool:
    assessment = getattr(application, "assessment", None)
    return assessment is not None and any(
        judgement.judgement == Judgement.NOT_MET for judgement in assessment.judgements.all()
    )


def decision_letter(decision, signed_by=None) -> Letter:
    """The letter for ``decision`` (saved, or not yet: a preview), signed by ``signed_by``
    (who sends a corrected letter), or else by who made the decision."""
    application = decision.application
    organisation = application.organisation
    offer_name = application.offer.in_language("name")  # the letter's language (C11)
    opening = OPENINGS[decision.outcome] % {"offer": offer_name}
    sections = [
        Section(heading="", paragraphs=(opening,)),
        Section(heading=_("Begrundelse"), paragraphs=(decision.applicant_text,)),
    ]
    if decision.outcome != DecisionOutcome.GRANT:
        rows = _assessed_rules(application)
        if rows:
            sections.append(
                Section(heading=_("Sådan har vi vurderet betingelser og kriterier"), rows=rows)
            )
    heading, text = NEXT_STEPS[decision.outcome]
    if decision.outcome == DecisionOutcome.REJECT and not _any_rule_not_met(application):
        text = REJECT_WITH_NOTHING_UNMET
    sections.append(Section(heading=str(heading), paragraphs=(str(text),)))
    sections.append(Section(heading=_("Spørgsmål"), paragraphs=_contact_lines(application)))
    decided_at = decision.decided_at or timezone.now()
    return Letter(
        title=_("Afgørelse om %(offer)s") % {"offer": offer_name},
        date=timezone.localdate(decided_at),
        # A municipality's letter is for its contact person, when staff have named one (#9).
        recipient_lines=letter_recipient_lines(organisation),
        reference=application.reference or "",
        sections=tuple(sections),
        closing=(_("Venlig hilsen"), str(signed_by or decision.decided_by), settings.BOARD_NAME),
    )
