"""Forms of the allocation back office: capacity, a consultant's hours, a move in the
queue, and the weights of the O1.4 criteria."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import VersionedModelForm
from indsats.core.forms import DanishDecimalField

from .models import OfferCapacity
from .periods import parse_period


class PeriodField(forms.CharField):
    """A year (2027) or a quarter (2027-K1), stored by its canonical key."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            return parse_period(value).key
        except ValueError as problem:
            raise forms.ValidationError(str(problem)) from problem


class CapacityForm(VersionedModelForm):
    consultant_hours = DanishDecimalField(
        label=_("Konsulenttimer i alt"),
        required=False,
        min_value=Decimal("0"),
        max_digits=7,
        decimal_places=1,
        help_text=_("Frivilligt. Timer, Socialstyrelsen kan bruge på forløbet i perioden."),
    )

    class Meta:
        model = OfferCapacity
        fields = ["places", "consultant_hours", "average_programme_days", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "places": _("Hvor mange forløb Socialstyrelsen kan starte i perioden."),
        }


class NewPeriodForm(forms.Form):
    period = PeriodField(
        label=_("Periode"),
        max_length=10,
        help_text=_("Et år, fx 2027, eller et kvartal, fx 2027-K1."),
    )


class ConsultantHoursForm(forms.Form):
    """One field per consultant: their available hours in the period."""

    def __init__(self, *args, consultants=(), initial_hours=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_hours = initial_hours or {}
        for consultant in consultants:
            self.fields[f"hours_{consultant.pk}"] = DanishDecimalField(
                label=consultant.full_name or consultant.email,
                required=False,
                min_value=Decimal("0"),
                max_digits=6,
                decimal_places=1,
                initial=initial_hours.get(consultant.pk),
            )
        self.consultants = list(consultants)

    def hours(self) -> dict[int, Decimal | None]:
        return {c.pk: self.cleaned_data.get(f"hours_{c.pk}") for c in self.consultants}


class MoveForm(forms.Form):
    """Move an application (its whole unit) to another place in the queue, with a reason.

    ``positions`` are the queue's places by reference and ``queue_length`` its number of
    places, from the plan the move is made on: a place outside 1–``queue_length`` or the
    application's own place is an error at the field (C5, C12). The labels name the
    application, so that an error says which of the page's move forms it concerns."""

    required_marks = "none"
    reference = forms.CharField(widget=forms.HiddenInput, max_length=20)
    to_position = forms.IntegerField(label=_("Ny plads"))
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Begrundelsen gemmes i sagen. Den er intern og vises ikke for ansøgeren."),
        error_messages={"required": _("Skriv, hvorfor ansøgningen flyttes.")},
    )

    def __init__(self, *args, positions=None, queue_length=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.positions = dict(positions or {})
        self.queue_length = queue_length
        reference = str(self.data.get("reference", "")).strip()[:20]
        if reference:
            self.fields["to_position"].label = _("Ny plads for %(reference)s") % {
                "reference": reference
            }
            self.fields["reason"].label = _("Begrundelse for flytningen af %(reference)s") % {
                "reference": reference
            }
        self.fields["to_position"].error_messages["invalid"] = _("Skriv pladsen som et helt tal.")

    def clean(self):
        cleaned = super().clean()
        reference = cleaned.get("reference")
        if reference is None:
            return cleaned
        current = self.positions.get(reference)
        if current is None:
            raise forms.ValidationError(
                _("%(reference)s står ikke i køen og kan ikke flyttes."),
                params={"reference": reference},
                code="not_queued",
            )
        position = cleaned.get("to_position")
        if position is None:
            return cleaned
        if not 1 <= position <= self.queue_length:
            if self.queue_length == 1:
                message = _("Køen har kun plads 1; der er ingen anden plads at flytte til.")
            else:
                message = _("Vælg en plads mellem 1 og %(count)s.") % {"count": self.queue_length}
            self.add_error("to_position", forms.ValidationError(message, code="out_of_range"))
        elif position == current:
            self.add_error(
                "to_position",
                forms.ValidationError(
                    _("%(reference)s står allerede på plads %(position)s. Vælg en anden plads."),
                    params={"reference": reference, "position": position},
                    code="same_place",
                ),
            )
        return cleaned


class WeightsForm(forms.Form):
    """The weight of each O1.4 criterion (a whole number, 0–10; 1 by default)."""

    def __init__(self, *args, rules=(), weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        weights = weights or {}
        self.rules = list(rules)
        for rule in self.rules:
            self.fields[f"weight_{rule.pk}"] = forms.IntegerField(
                label=str(rule), min_value=0, max_value=10, initial=weights.get(rule.pk, 1)
            )

    def weights(self) -> dict[int, int]:
        return {rule.pk: self.cleaned_data[f"weight_{rule.pk}"] for rule in self.rules}
