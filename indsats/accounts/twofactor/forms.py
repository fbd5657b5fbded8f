from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """The code asked for after the password: from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Kode"),
        help_text=_(
            "De 6 cifre, som godkendelsesappen viser lige nu – eller en af dine reservekoder."
        ),
        max_length=40,
        error_messages={"required": _("Skriv koden fra din godkendelsesapp.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
                "class": "input-width-s",
            }
        ),
    )


class EnrolForm(forms.Form):
    """The first code from a newly added app, which proves it was set up right."""

    code = forms.CharField(
        label=_("Kode fra appen"),
        help_text=_("De 6 cifre, som appen viser for Indsats."),
        max_length=40,
        error_messages={"required": _("Skriv de 6 cifre fra appen.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "input-width-xs",
            }
        ),
    )


class ResetForm(forms.Form):
    """An administrator's reason for resetting someone's second factor (kept in the trail)."""

    reason = forms.CharField(
        label=_("Begrundelse"),
        help_text=_("Fx »Mistet telefon, henvendte sig personligt den 3. marts«."),
        max_length=500,
        error_messages={"required": _("Skriv, hvorfor totrinsbekræftelsen nulstilles.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Skriv, hvorfor totrinsbekræftelsen nulstilles."))
        return reason
