"""What every offer's application form shares.

A form is built from the application's saved answers (raw strings, exactly as typed), so
that a draft can be incomplete and nothing typed is ever lost; validating it is what
submitting means. Each offer's form lives in its own module.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import has_nul, without_nul

from ..models import Enquiry


def answers_from_post(form_class, post) -> dict:
    """The submitted values of the form's fields, as JSON-able raw strings.

    Without NUL characters, which PostgreSQL cannot store in JSON (C12); see
    ``had_nul`` for telling the user."""
    answers = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            answers[name] = [without_nul(value) for value in post.getlist(name)]
        elif name in post:
            answers[name] = without_nul(post.get(name))
    return answers


def had_nul(form_class, post) -> bool:
    """True when a posted answer held a NUL character (which ``answers_from_post`` drops)."""
    return any(has_nul(post.getlist(name)) for name in form_class.base_fields if name in post)


def answers_as_data(answers: dict) -> MultiValueDict:
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in answers.items()}
    )


class OfferApplicationForm(forms.Form):
    """Base for the offers' forms: knows the offer and the applying organisation."""

    enquiry = forms.ModelChoiceField(
        label=_("Henvendelse, ansøgningen bygger på"),
        queryset=Enquiry.objects.none(),
        required=False,
        empty_label=_("Ingen henvendelse"),
        help_text=_("Vælg jeres henvendelse, hvis I har haft et indledende møde om den."),
    )

    def __init__(self, *args, offer, organisation, **kwargs):
        self.offer = offer
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.fields["enquiry"].queryset = Enquiry.objects.filter(
            organisation=organisation, offer=offer
        )
        if not self.fields["enquiry"].queryset.exists():
            del self.fields["enquiry"]

    def summary(self) -> list[tuple[str, str]]:
        """(label, answer) for each field, as the applicant reviews it before sending."""
        rows = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            rows.append((str(field.label), _display(field, value)))
        return rows

    def show_unjudged(self, saved_by_colleague: dict | None = None) -> None:
        """Show what was typed without judging it: a draft that could not be saved (an
        edit conflict) is still a draft, so no field is required yet. Only the fields a
        colleague saved differently are marked, with what the colleague saved."""
        self._errors = ErrorDict(renderer=self.renderer)
        self.cleaned_data = {}
        for name, raw in (saved_by_colleague or {}).items():
            if name in self.fields:
                self.add_error(
                    name,
                    _("Gemt i kladden nu: »%(value)s«.")
                    % {"value": _shown_raw(self.fields[name], raw)},
                )

    def apply_to(self, application) -> None:
        """Copy what the rest of the system reads from typed columns onto the application."""
        application.enquiry = self.cleaned_data.get("enquiry")

    def apply_relations(self, application) -> None:
        """Set many-to-many relations; the application has been saved."""


def _display(field, value) -> str:
    if value in (None, "", [], ()) or (hasattr(value, "exists") and not value.exists()):
        return str(_("Ikke udfyldt"))
    if isinstance(field, forms.BooleanField):
        return str(_("Ja")) if value else str(_("Nej"))
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, int):
        return number_format(value, force_grouping=True)  # "1.000" in Danish
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(item) for item in value)
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return str(dict(field.choices).get(value, value))
    return str(value)


def _blank(value):
    """A blank answer, an empty list and a missing one (an unticked checkbox) are the same."""
    return None if value in (None, "", []) else value


def differing_answers(stored: dict, yours: dict) -> dict:
    """The answers (raw, as stored) that differ from ``yours``; a blank answer, an empty
    list and a missing one (an unticked checkbox) are the same."""
    return {
        name: stored.get(name)
        for name in sorted({*stored, *yours})
        if _blank(stored.get(name)) != _blank(yours.get(name))
    }


def _answer_token(name: str, value) -> str:
    canonical = json.dumps(_blank(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{name}\x00{canonical}".encode()).hexdigest()[:12]


def answers_fingerprint(answers: dict, names) -> str:
    """The draft's answers to ``names`` as the edit page shows them, one short digest per
    answer (like ``core.concurrency.fingerprint`` per field): no answer can be read from
    it, yet it tells after an edit conflict which answers a colleague changed since."""
    answers = answers or {}
    return ".".join(sorted(_answer_token(name, answers.get(name)) for name in names))


def changed_by_colleague(stored: dict, yours: dict, based_on: str | None, names) -> dict:
    """The answers (raw, as stored) a colleague saved since the page was shown: those whose
    stored value is not the one the page was shown with (``based_on``). Without a
    fingerprint (an older page), those that differ from what was submitted."""
    seen = frozenset(token for token in (based_on or "").split(".") if token)
    stored = stored or {}
    if not seen:
        return differing_answers(stored, yours)
    return {
        name: stored.get(name)
        for name in sorted(names)
        if _answer_token(name, stored.get(name)) not in seen
    }


def _shown_raw(field, raw) -> str:
    """A stored raw answer as the applicant reads it: a choice by its label, a checkbox as
    yes or no, a date in the language's format; what the field cannot read, as typed."""
    if isinstance(field, forms.BooleanField):
        return _display(field, field.to_python(raw))
    try:
        return _display(field, field.clean(raw))
    except forms.ValidationError:
        if raw in (None, "", []):
            return str(_("Ikke udfyldt"))
        return ", ".join(raw) if isinstance(raw, list) else str(raw)


def shown_answer(field, raw, records: dict[str, str]) -> str:
    """A stored raw answer as the applicant reads it (``_shown_raw``), outside a form: a
    choice of records by the text in ``records`` (stored id -> text), read in bulk by the
    caller, so that many applications' answers cost no query each (C13)."""
    if not isinstance(field, forms.ModelChoiceField):
        return _shown_raw(field, raw)
    if raw in (None, "", []):
        return str(_("Ikke udfyldt"))
    ids = raw if isinstance(raw, list) else [raw]
    return ", ".join(records.get(str(pk), str(_("Findes ikke længere"))) for pk in ids)


def not_in_future(value: datetime.date) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("Datoen kan ikke ligge efter i dag."), code="future")


def not_in_past(value: datetime.date) -> None:
    if value and value < timezone.localdate():
        raise forms.ValidationError(_("Datoen kan ikke ligge før i dag."), code="past")


def date_field(label, help_text="", validators=()):
    return forms.DateField(
        label=label,
        help_text=help_text or _("Skriv datoen som dd-mm-åååå eller vælg den."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
        validators=list(validators),
    )


def confirmation(label, help_text="", message=None):
    """A checkbox that must be ticked for the application to be submitted."""
    return forms.BooleanField(
        label=label,
        help_text=help_text,
        required=True,
        error_messages={"required": message or _("Dette skal være på plads, før I kan søge.")},
    )


# The longest answer in a text box, and the longest enquiry.
MAX_ANSWER_LENGTH = 5000


def text_area(label, help_text="", required=True, rows=5):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=MAX_ANSWER_LENGTH,
    )
