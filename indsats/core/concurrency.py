"""Optimistic locking: two people editing one record never silently overwrite each other.

A versioned model has an integer ``version``. The edit form carries the version the user
started from; saving checks it against the stored one under a row lock and refuses when
someone else saved in between. The caller shows the conflict, keeps what the user typed,
and lets them save again deliberately on top of the newer version.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .cleaning import MAX_INTEGER

# The version a form carries for a record that did not exist when the form was shown: if
# someone creates it meanwhile (a focus-group interview, say), saving is a conflict.
NEW = 0


def version_field(required: bool = True) -> forms.IntegerField:
    """The hidden version of an edit form: a whole number in the columns' range, so junk
    is a form error, never a server error (C12)."""
    return forms.IntegerField(
        widget=forms.HiddenInput, min_value=NEW, max_value=MAX_INTEGER, required=required
    )


@dataclass(frozen=True)
class EditConflict(Exception):
    """Someone saved the record after the user opened it."""

    stored_version: int
    changed_fields: dict[str, tuple[object, object]]  # field -> (stored value, your value)


def save_if_unchanged(instance, expected_version: int, fields: list[str]) -> None:
    """Save ``instance`` if its stored version is still ``expected_version``.

    Raises EditConflict naming the fields where the stored record now differs from what
    the user submitted; nothing is written then.
    """
    model = type(instance)
    with transaction.atomic():
        stored = model.objects.select_for_update().get(pk=instance.pk)
        if stored.version != expected_version:
            changed = {
                name: (getattr(stored, name), getattr(instance, name))
                for name in fields
                if getattr(stored, name) != getattr(instance, name)
            }
            raise EditConflict(stored_version=stored.version, changed_fields=changed)
        instance.version = stored.version + 1
        instance.save()


def delete_if_unchanged(instance, expected_version: int | None, before_delete=None):
    """Delete ``instance`` if its stored version is still ``expected_version``.

    Raises EditConflict, and deletes nothing, when the stored version is another (or the
    form carried none). ``before_delete(stored)`` runs first, in the same transaction: to
    save a change reason for the audit trail, say. Returns the record as it was when
    deleted, or None when someone else had deleted it already (what the user wanted too).
    """
    model = type(instance)
    with transaction.atomic():
        stored = model.objects.select_for_update().filter(pk=instance.pk).first()
        if stored is None:
            return None
        if expected_version is None or stored.version != expected_version:
            raise EditConflict(stored_version=stored.version, changed_fields={})
        if before_delete is not None:
            before_delete(stored)
        stored.delete()
    return stored


class VersionedModelForm(forms.ModelForm):
    """A ModelForm that carries the record's version and saves with save_if_unchanged."""

    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["version"].initial = NEW
            self.fields["version"].required = False

    def save(self, commit=True):
        instance = super().save(commit=False)
        if not commit:
            return instance
        if instance.pk is None:
            self._create(instance)
        else:
            try:
                compared = [name for name in self.fields if name != "version"]
                compared = [name for name in compared if name not in self._many_to_many()]
                save_if_unchanged(instance, self.cleaned_data["version"], compared)
            except EditConflict as conflict:
                self._report_conflict(conflict)
                raise
        self._save_m2m()  # like ModelForm.save(commit=True): many-to-many fields too
        return instance

    def _create(self, instance) -> None:
        """Save a new record; if someone created the same one a moment before (a unique
        constraint, e.g. one focus group per phase), that is an edit conflict."""
        try:
            with transaction.atomic():
                instance.save()
        except IntegrityError:
            instance.pk = None
            instance._state.adding = True
            # The other's record is new too: version 1. Saving again edits it, knowingly.
            conflict = EditConflict(stored_version=1, changed_fields={})
            self._report_conflict(conflict)
            raise conflict from None

    def _many_to_many(self) -> set[str]:
        return {field.name for field in self._meta.model._meta.many_to_many}

    def _report_conflict(self, conflict: EditConflict) -> None:
        # Let the user save again on top of the newer version, knowingly.
        data = self.data.copy()
        data["version"] = str(conflict.stored_version)
        self.data = data
        names = ", ".join(
            str(self.fields[name].label) for name in conflict.changed_fields if name in self.fields
        )
        message = _(
            "En anden har gemt ændringer i posten, mens du redigerede. Dine ændringer er ikke "
            "gemt endnu, men de står stadig i formularen."
        )
        if names:
            message = f"{message} " + str(_("Felter, der nu er ændret af den anden: %s.")) % names
        message = f"{message} " + str(_("Gem igen for at overskrive med dine værdier."))
        self.add_error(None, message)
        for name, (stored_value, _yours) in conflict.changed_fields.items():
            if name in self.fields:
                self.add_error(
                    name, _("Gemt af en anden: »%(value)s«.") % {"value": stored_value or "–"}
                )


CONFLICT = 409  # the status of a page that shows an edit conflict


def saved(form) -> bool:
    """Save a valid VersionedModelForm. False when someone else saved first: the form then
    carries the conflict message and what the user typed, and the view answers CONFLICT."""
    try:
        form.save()
    except EditConflict:
        return False
    return True
