"""Application for a Temaforløb (O1): a delimited topic, decided at chef level."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import MAX_FORM_INTEGER
from indsats.core.forms import DanishIntegerField

from .base import OfferApplicationForm, confirmation, date_field, not_in_future, text_area


class DeliveryForm(models.TextChoices):
    SPARRING = "sparring", _("Sparring")
    ADVICE = "advice", _("Rådgivning")
    TEACHING = "teaching", _("Undervisning")


class EarlierHelp(models.TextChoices):
    NO = "no", _("Nej")
    YES = "yes", _("Ja")
    UNKNOWN = "unknown", _("Ved ikke")


class TemaforloebForm(OfferApplicationForm):
    topic = forms.CharField(  # O1.1
        label=_("Emne"),
        max_length=300,
        help_text=_(
            "Det afgrænsede emne inden for overgreb mod børn, I vil arbejde med. "
            "Fx »børnesamtaler for myndighedsrådgivere«."
        ),
    )
    delivery_forms = forms.MultipleChoiceField(
        label=_("Form"),
        choices=DeliveryForm.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vælg en eller flere."),
        error_messages={
            "required": _("Vælg mindst én form: sparring, rådgivning eller undervisning.")
        },
    )
    participants = text_area(
        _("Målgruppe"),
        _("Hvem skal deltage? Fx faggrupper, afdelinger og omtrent hvor mange."),
        rows=3,
    )
    motivation = text_area(
        _("Motivation"),
        _("Hvorfor vil I arbejde med emnet nu, og hvad skal forløbet føre til?"),
    )
    decision_by_name = forms.CharField(  # O1.3
        label=_("Besluttet af (navn)"),
        max_length=200,
        help_text=_("Den chef, der har besluttet at søge."),
        error_messages={"required": _("Skriv navnet på den chef, der har besluttet at søge.")},
    )
    decision_by_title = forms.CharField(
        label=_("Chefens stilling"),
        max_length=200,
        help_text=_("Fx børne- og familiechef eller direktør."),
    )
    decision_date = date_field(_("Dato for beslutningen"), validators=[not_in_future])
    decided_at_chef_level = confirmation(  # O1.3
        _("Beslutningen om at søge er truffet på chefniveau"),
        message=_("Ansøgningen skal være besluttet på chefniveau i kommunen."),
    )
    staff_resources = text_area(  # O1.3
        _("Afsatte medarbejderressourcer"),
        _("Hvem deltager, og hvor meget tid er sat af?"),
        rows=3,
    )
    management_backing = text_area(
        _("Ledelsens opbakning"),
        _("Beskriv, hvordan ledelsen bakker op og deltager."),
        rows=3,
    )
    planned_hours = DanishIntegerField(
        label=_("Forventet antal timer"),
        min_value=1,
        max_value=MAX_FORM_INTEGER,
        required=False,
    )
    earlier_help = forms.ChoiceField(
        label=_("Har kommunen tidligere fået bistand fra Socialstyrelsen om overgreb?"),
        choices=EarlierHelp.choices,
        widget=forms.RadioSelect,
        help_text=_("Om forebyggelse, opsporing eller håndtering af vold og seksuelle overgreb."),
    )
    earlier_help_details = text_area(_("Hvis ja: hvornår og hvad?"), required=False, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The cap is the offer's (O1.1: 25 hours), so it can change by date.
        cap = self.offer.hour_cap
        field = self.fields["planned_hours"]
        field.help_text = _("Højst %(cap)s timer i alt.") % {"cap": cap}
        field.max_value = cap
        field.validators.append(
            MaxValueValidator(cap, _("Et temaforløb er højst %(limit_value)s timer."))
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("earlier_help") == EarlierHelp.YES and not cleaned.get(
            "earlier_help_details"
        ):
            self.add_error(
                "earlier_help_details",
                _("Fortæl kort, hvornår og hvilken bistand I fik."),
            )
        return cleaned
