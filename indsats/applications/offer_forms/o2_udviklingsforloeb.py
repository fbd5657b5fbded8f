"""Application for an Udviklingsforløb (O2): needs, goals, resources and backing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import OfferApplicationForm, confirmation, text_area


class UdviklingsforloebForm(OfferApplicationForm):
    needs = text_area(  # O2.1
        _("Kommunens behov"),
        _("Hvad fungerer ikke godt nok i dag i arbejdet mod overgreb?"),
    )
    development_potential = text_area(
        _("Udviklingspotentiale"),
        _("Hvor ser I de største muligheder for at blive bedre?"),
    )
    proposed_goals = text_area(
        _("Forslag til konkrete mål"),
        _("Ét mål pr. linje. Målene aftales endeligt sammen med Socialstyrelsen."),
        rows=4,
    )
    resources = text_area(  # O2.3
        _("Tid og ressourcer"),
        _("Hvem deltager, og hvor meget tid kan I sætte af?"),
        rows=3,
    )
    management_backing = confirmation(  # O2.3
        _("Ledelsen bakker op om forløbet"),
        message=_("Et udviklingsforløb kræver ledelsens opbakning."),
    )
    accepts_own_costs = confirmation(  # O2.2
        _("Kommunen betaler selv lokaler, forplejning og lignende"),
        _("Selve forløbet er gratis."),
        message=_("Kommunen skal selv afholde udgifter til lokaler og forplejning."),
    )

    def clean_proposed_goals(self):
        goals = [line.strip() for line in self.cleaned_data["proposed_goals"].splitlines()]
        if not any(goals):
            raise forms.ValidationError(_("Skriv mindst ét mål."))
        return self.cleaned_data["proposed_goals"]
