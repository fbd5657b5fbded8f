"""The decision letter, in Danish, built from the decision and the assessment."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indsats.core.letters import Letter, Section

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


def decision_letter(decision) -> Letter:
    application = decision.application
    organisation = application.organisation
    opening = OPENINGS[decision.outcome] % {"offer": application.offer.name}
    sections = [
        Section(heading="", paragraphs=(opening,)),
        Section(heading=_("Begrundelse"), paragraphs=(decision.reason,)),
    ]
    assessment = getattr(application, "assessment", None)
    if assessment is not None:
        rows = tuple(
            (
                judgement.rule.text,
                f"{judgement.get_judgement_display()}: {judgement.reason}",
            )
            for judgement in assessment.judgements.select_related("rule")
            if judgement.judgement in (Judgement.MET, Judgement.NOT_MET, Judgement.UNCLEAR)
        )
        if rows:
            sections.append(Section(heading=_("Vores vurdering"), rows=rows))
    if decision.outcome == DecisionOutcome.GRANT:
        sections.append(
            Section(
                heading=_("Det videre forløb"),
                paragraphs=(
                    _(
                        "En konsulent fra Socialstyrelsen kontakter jer for at aftale det "
                        "første møde. I kan følge forløbet i Indsats."
                    ),
                ),
            )
        )
    return Letter(
        title=_("Afgørelse om %(offer)s") % {"offer": application.offer.name},
        date=timezone.localdate(decision.decided_at),
        recipient_lines=(organisation.name,),
        reference=application.reference or "",
        sections=tuple(sections),
        closing=(_("Venlig hilsen"), str(decision.decided_by), settings.BOARD_NAME),
    )
