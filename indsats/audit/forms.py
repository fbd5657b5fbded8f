"""The filters of the read log and of the audit trail (C12): person, period, kind of record
and the record itself. Both keep their filters in the address."""

from __future__ import annotations

from auditlog.models import LogEntry
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from indsats.accounts.models import BOARD_ROLES
from indsats.organisations.models import OrganisationKind

from .models import ReadKind, ReadLogEntry
from .registry import AUDITED_MODELS

SEARCH_LENGTH = 100


def person_choice(user) -> str:
    return f"{user.full_name} ({user.email})" if user.full_name else user.email


class _PeriodFilter(forms.Form):
    """From and to a date, both included; the end may not come before the start."""

    required_marks = "none"

    date_from = forms.DateField(
        label=_("Fra og med dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til og med dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to", _("Slutdatoen skal være samme dag som eller efter startdatoen.")
            )
        return data

    def _in_period(self, entries, field: str):
        data = self.cleaned_data
        if data["date_from"]:
            entries = entries.filter(**{f"{field}__date__gte": data["date_from"]})
        if data["date_to"]:
            entries = entries.filter(**{f"{field}__date__lte": data["date_to"]})
        return entries


class ReadLogFilterForm(_PeriodFilter):
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

    field_order = ["person", "kind", "q", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = get_user_model().objects.filter(
            role__in=BOARD_ROLES, organisation__kind=OrganisationKind.BOARD
        )
        self.fields["person"].label_from_instance = person_choice

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
        return self._in_period(entries, "at")


def _kinds_of_record() -> list[tuple[str, str]]:
    """The kinds of record in the trail, by their plural names, alphabetically."""
    kinds = ContentType.objects.get_for_models(*AUDITED_MODELS)
    named = [
        (str(content_type.pk), capfirst(model._meta.verbose_name_plural))
        for model, content_type in kinds.items()
    ]
    return sorted(named, key=lambda choice: choice[1])


class TrailFilterForm(_PeriodFilter):
    """Who changed what and when: a person (name or e-mail), the kind of record, the kind
    of change, a word from the record's name, and a period."""

    person = forms.CharField(
        label=_("Udført af"),
        required=False,
        max_length=SEARCH_LENGTH,
        help_text=_("Navn eller e-mailadresse, eller en del af dem."),
    )
    kind = forms.ChoiceField(label=_("Art"), required=False)
    action = forms.ChoiceField(
        label=_("Hændelse"),
        required=False,
        choices=[
            ("", _("Alle")),
            (str(LogEntry.Action.CREATE), _("Oprettet")),
            (str(LogEntry.Action.UPDATE), _("Ændret")),
            (str(LogEntry.Action.DELETE), _("Slettet")),
        ],
    )
    q = forms.CharField(
        label=_("Hvad"),
        required=False,
        max_length=SEARCH_LENGTH,
        help_text=_("F.eks. et referencenummer, en organisation eller en kommune."),
    )

    field_order = ["person", "kind", "action", "q", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle")), *_kinds_of_record()]

    def entries(self):
        """The matching changes, newest first (all of them if a filter is not valid)."""
        entries = LogEntry.objects.order_by("-timestamp", "-pk")
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["person"]:
            entries = entries.filter(
                Q(actor__full_name__icontains=data["person"])
                | Q(actor__email__icontains=data["person"])
            )
        if data["kind"]:
            entries = entries.filter(content_type_id=int(data["kind"]))
        if data["action"]:
            entries = entries.filter(action=int(data["action"]))
        if data["q"]:
            entries = entries.filter(object_repr__icontains=data["q"])
        return self._in_period(entries, "timestamp")
