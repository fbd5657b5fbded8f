"""The read log's filters (C12): person, period, kind of record and the record itself."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from indsats.accounts.models import BOARD_ROLES
from indsats.organisations.models import OrganisationKind

from .models import ReadKind, ReadLogEntry

SEARCH_LENGTH = 100


def person_choice(user) -> str:
    return f"{user.full_name} ({user.email})" if user.full_name else user.email


class ReadLogFilterForm(forms.Form):
    required_marks = "none"

    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Alle"),
    )
    kind = forms.ChoiceField(
        label=_("Art"), choices=[("", _("Alle"))] + list(ReadKind.choices), required=False
    )
    q = forms.CharField(
        label=_("Sag, forløb eller kommune"),
        required=False,
        max_length=SEARCH_LENGTH,
        help_text=_("F.eks. et referencenummer, en organisation eller en kommunekode."),
    )
    date_from = forms.DateField(
        label=_("Fra og med dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til og med dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = get_user_model().objects.filter(
            role__in=BOARD_ROLES, organisation__kind=OrganisationKind.BOARD
        )
        self.fields["person"].label_from_instance = person_choice

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to", _("Slutdatoen skal være samme dag som eller efter startdatoen.")
            )
        return data

    def entries(self):
        """The entries that match the filters, newest first (all of them if none is valid)."""
        entries = ReadLogEntry.objects.order_by("-at", "-id")
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["person"]:
            entries = entries.filter(user=data["person"])
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["q"]:
            entries = entries.filter(Q(label__icontains=data["q"]) | Q(object_id=data["q"]))
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
        return entries
