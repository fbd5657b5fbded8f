from django import forms
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import VersionedModelForm
from indsats.core.forms import DanishIntegerField

from . import cvr
from .models import MunicipalContact, Organisation


class PlacementSiteForm(VersionedModelForm):
    """A placement site's details. A CVR number that fails the modulus-11 check is a
    warning: the form asks the user to confirm it rather than refusing it."""

    # Wider than the stored 8 digits: people type "DK 1234 5678"; clean_cvr normalises it.
    cvr = forms.CharField(label=_("CVR-nummer"), max_length=20, help_text=_("8 cifre."))
    confirm_cvr = forms.BooleanField(
        label=_("Jeg har kontrolleret CVR-nummeret, og det er korrekt"),
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "site_type",
            "cvr",
            "municipality",
            "address",
            "postcode",
            "city",
            "employee_count",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        help_texts = {
            "municipality": _("Den kommune, stedet ligger i."),
            "employee_count": _("Alle fastansatte, også deltid."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "1.000" employees is a thousand, not one (Django's IntegerField drops ".000").
        count = self.fields["employee_count"]
        self.fields["employee_count"] = DanishIntegerField(
            label=count.label, help_text=count.help_text, min_value=1
        )
        for name in ("site_type", "cvr", "municipality", "employee_count"):
            self.fields[name].required = True
        self.fields["municipality"].queryset = self.fields["municipality"].queryset.select_related(
            "region"
        )
        if not self._needs_cvr_confirmation():
            # Only a number that fails the check asks for a confirmation.
            del self.fields["confirm_cvr"]

    def _needs_cvr_confirmation(self) -> bool:
        if not self.is_bound:
            return False
        result = cvr.check(self.data.get(self.add_prefix("cvr"), ""))
        if not result.well_formed or result.checksum_ok:
            return False
        return not (
            self.instance.pk is not None
            and self.instance.cvr == result.normalised
            and self.instance.cvr_checksum_confirmed
        )

    def clean_cvr(self):
        result = cvr.check(self.cleaned_data["cvr"])
        if not result.well_formed:
            raise forms.ValidationError(
                _("Et CVR-nummer består af 8 cifre og begynder ikke med 0."), code="format"
            )
        return result.normalised

    def clean(self):
        cleaned = super().clean()
        if "confirm_cvr" in self.fields and not cleaned.get("confirm_cvr"):
            number = cleaned.get("cvr")
            if number:
                # At the number, which is what is wrong (or must be confirmed below it).
                self.add_error(
                    "cvr",
                    forms.ValidationError(
                        _(
                            "CVR-nummeret %(cvr)s består ikke kontrollen af kontrolcifferet. "
                            "Tjek nummeret, eller bekræft, at det er korrekt."
                        ),
                        code="cvr_checksum",
                        params={"cvr": number},
                    ),
                )
        return cleaned

    def save(self, commit=True):
        self.instance.kind = "placement_site"
        number = self.cleaned_data["cvr"]
        self.instance.cvr_checksum_confirmed = not cvr.has_valid_checksum(number)
        return super().save(commit)


class MunicipalContactForm(VersionedModelForm):
    """A contact person in a municipality; an e-mail or a phone number to reach them."""

    class Meta:
        model = MunicipalContact
        fields = ["name", "title", "role", "email", "phone", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "role": _("Ansvarlig for beredskabet er den, Socialstyrelsen kontakter om revisionen."),
            "note": _("Kun til Socialstyrelsens medarbejdere, fx hvornår personen træffes."),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Skriv en e-mail eller et telefonnummer."))
        return cleaned
