"""Correcting and cancelling the records of a programme, with history (C6, C10).

A correction is an edit of the record through its own form (``delivery_forms``,
``event_forms``) with a reason where it matters: the reason is saved on the record
(``change_reason``), so the audit trail shows it beside the fields that changed. A
cancellation saves its reason first and then deletes the record, so the trail has both,
and the record's entries stay in the programme's history
(``Correctable.get_additional_data``). Both compare the version the user started from with
the stored one, so nobody overwrites or cancels what someone else has just saved without
seeing it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import delete_if_unchanged, version_field


def meeting_dates(meetings) -> list[tuple[str, object]]:
    """(kind, local date) of each meeting, for the date-order rules."""
    return [(meeting.kind, timezone.localdate(meeting.starts_at)) for meeting in meetings]


class CorrectionReasonMixin:
    """For a VersionedModelForm with ``change_reason``: the field appears only when an
    existing record is edited, starts empty (each correction gives its own reason), and is
    required when one of ``reason_required_for`` changes."""

    reason_help = ""
    reason_required_for: tuple[str, ...] = ()
    reason_missing = _("Skriv en begrundelse for ændringen.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("change_reason")
        if field is None:
            return
        if self.instance.pk is None:
            del self.fields["change_reason"]
            return
        field.required = False
        field.widget = forms.Textarea(attrs={"rows": 3})
        field.help_text = self.reason_help
        self.initial["change_reason"] = ""

    def clean(self):
        cleaned = super().clean()
        if "change_reason" in self.fields:
            reason = (cleaned.get("change_reason") or "").strip()
            cleaned["change_reason"] = reason
            changed = set(self.changed_data) & set(self.reason_required_for)
            if changed and not reason:
                self.add_error("change_reason", self.reason_missing)
        return cleaned


class CancelForm(forms.Form):
    """Cancel (delete) a record: the version the user saw, and the reason."""

    version = version_field(required=False)
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, reason_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.required = reason_required
        field.help_text = (
            _("Begrundelsen gemmes i forløbets historik.")
            if reason_required
            else _("Frivilligt. En begrundelse gemmes i forløbets historik.")
        )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.fields["reason"].required and not reason:
            raise forms.ValidationError(_("Skriv en begrundelse."))
        return reason


@dataclass(frozen=True)
class Cancellable:
    """What cancelling one kind of record means: its words, where the page returns to,
    whether a reason is required, and when it cannot be cancelled at all."""

    model: type[models.Model]
    section: str  # the programme page's section to return to
    heading: str
    button: str
    done: str
    reason_required: bool
    refused: Callable[[models.Model], str] = lambda record: ""


def cancel_record(record, expected_version: int | None, reason: str, cancelled_text: str):
    """Delete ``record`` if nobody has saved it since ``expected_version``, after saving
    ``cancelled_text % reason`` as its change reason (the audit trail's "why").

    Raises EditConflict, and deletes nothing, when the stored version is another.
    Returns the record as it was when deleted; None when someone else deleted it first.
    """

    def record_the_reason(stored):
        stored.change_reason = cancelled_text % {"reason": reason or gettext("ingen begrundelse")}
        stored.version += 1
        stored.save(update_fields=["change_reason", "version"])

    return delete_if_unchanged(record, expected_version, before_delete=record_the_reason)
