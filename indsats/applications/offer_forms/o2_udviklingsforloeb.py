"""Application for an Udviklingsforløb (O2): needs, goals, resources and backing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import OfferApplicationForm, confirmation, text_area


class UdviklingsforloebForm(OfferApplicationForm):
    needs = text_area(
        _("Kommunens behov"),
        _("Hvad fungerer ikke godt nok i dag i arbejdet mod overgreb (O2.1)?"),
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
    resources = text_area(
        _("Tid og ressourcer"),
        _("Hvem deltager, og hvor meget tid kan I sætte af (O2.3)?"),
        rows=3,
    )
    management_backing = confirmation(
        _("Ledelsen bakker op om forløbet"),
        message=_("Et udviklingsforløb kræver ledelsens opbakning (O2.3)."),
    )
    accepts_own_costs = confirmation(
        _("Kommunen betaler selv lokaler, forplejning og lignende"),
        _("Selve forløbet er gratis (O2.2)."),
        message=_("Kommunen skal selv afholde udgifter til lokaler og forplejning (O2.2)."),
    )

    def clean_proposed_goals(self):
        goals = [line.strip() for line in self.cleaned_data["proposed_goals"].splitlines()]
        if not any(goals):
            raise forms.ValidationError(_("Skriv mindst ét mål."))
        return self.cleaned_data["proposed_goals"]
