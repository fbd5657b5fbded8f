"""Application for a Fleksibelt rådgivningsforløb (O3): themes, areas and 8–12 months."""

from django import forms
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import MAX_FORM_INTEGER
from indsats.core.forms import DanishIntegerField

from .base import OfferApplicationForm, date_field, not_in_past, text_area


class Theme(models.TextChoices):
    DETECTION = "detection", _("Opsporing")
    INTERDISCIPLINARY = "interdisciplinary", _("Tværfagligt samarbejde")
    PSYCHOLOGICAL_VIOLENCE = "psychological_violence", _("Psykisk vold")
    OTHER = "other", _("Andet")


class Area(models.TextChoices):
    DAY_CARE = "day_care", _("Dagtilbud")
    SCHOOL = "school", _("Skole")
    AUTHORITY = "authority", _("Myndighed")
    OTHER = "other", _("Andet")


def _months_between(low: int, high: int):
    def validate(value: int) -> None:
        if value is not None and not low <= value <= high:
            raise forms.ValidationError(
                _("Et fleksibelt forløb varer mellem %(low)s og %(high)s måneder, ikke %(value)s.")
                % {"low": low, "high": high, "value": number_format(value, force_grouping=True)},
                code="duration",
            )

    return validate


class FleksibeltForm(OfferApplicationForm):
    themes = forms.MultipleChoiceField(
        label=_("Temaer"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst ét tema.")},
    )
    themes_other = forms.CharField(label=_("Andet tema"), max_length=200, required=False)
    areas = forms.MultipleChoiceField(
        label=_("Områder"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hvilke dele af børne- og ungeområdet skal forløbet rette sig mod?"),
        error_messages={"required": _("Vælg mindst ét område.")},
    )
    areas_other = forms.CharField(label=_("Andet område"), max_length=200, required=False)
    development_needs = text_area(  # O3.3
        _("Udviklingsbehov"),
        _("Hvad vil I gerne ændre for børnene, medarbejderne og lederne?"),
    )
    desired_start = date_field(_("Ønsket start"), validators=[not_in_past])
    # Bounded here too, so a huge number is an error at the field (C12); the offer's span
    # is checked below.
    duration_months = DanishIntegerField(
        label=_("Varighed i måneder"), min_value=1, max_value=MAX_FORM_INTEGER
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The offer's data decides the span (O3.1: 8–12 months), so it can change by date.
        low, high = self.offer.min_months, self.offer.max_months
        field = self.fields["duration_months"]
        field.help_text = _("Mellem %(low)s og %(high)s måneder.") % {"low": low, "high": high}
        field.validators.append(_months_between(low, high))

    def clean(self):
        cleaned = super().clean()
        for choice_field, other_field in (("themes", "themes_other"), ("areas", "areas_other")):
            chosen = "other" in cleaned.get(choice_field, [])
            if chosen and not cleaned.get(other_field):
                self.add_error(other_field, _("Skriv, hvad »andet« dækker over."))
            elif not chosen and cleaned.get(other_field):
                # Text under "Andet" without the tick would be saved but never read as chosen.
                self.add_error(other_field, _("Sæt kryds ved Andet, eller slet teksten."))
        return cleaned
