"""Optimistic locking: two people editing one record never silently overwrite each other.

A versioned model has an integer ``version``. The edit form carries the version the user
started from; saving checks it against the stored one under a row lock and refuses when
someone else saved in between. The caller shows the conflict, keeps what the user typed,
and lets them save again deliberately on top of the newer version.

A VersionedModelForm also carries a fingerprint of the values it was shown with
(``based_on``), so a conflict names only the fields the other person changed, not those
the user changed, and shows each of the other's values as a person reads it: a date, a
time or a number in Danish, a choice's label, "Ja" or "Nej" (C11, C12).
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
from dataclasses import dataclass

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext
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


EMPTY = "–"  # how an empty value is shown


def _raw(instance, name: str):
    """The stored value of field ``name``: a foreign key's key, not its object."""
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return getattr(instance, name, None)
    if field.concrete and not field.many_to_many:
        return field.value_from_object(instance)
    return getattr(instance, name, None)


def _canonical(value) -> str:
    """``value`` as one string, equal for equal values however they were loaded."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(datetime.UTC)
    elif isinstance(value, decimal.Decimal) and value.is_finite():
        value = format(value.normalize(), "f")
    try:
        return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)
    except TypeError:
        return repr(value)


def _token(name: str, value) -> str:
    return hashlib.sha256(f"{name}\x00{_canonical(value)}".encode()).hexdigest()[:12]


def fingerprint(instance, fields) -> str:
    """What ``instance`` holds in ``fields``, as short digests: no value or field name can
    be read from it, yet it tells later which fields someone else has changed since."""
    return ".".join(sorted(_token(name, _raw(instance, name)) for name in fields))


def _tokens(based_on: str | None) -> frozenset[str]:
    return frozenset(token for token in (based_on or "").split(".") if token)


def save_if_unchanged(
    instance, expected_version: int, fields: list[str], based_on: str | None = None
) -> None:
    """Save ``instance`` if its stored version is still ``expected_version``.

    Raises EditConflict naming the fields the other person changed: those where the
    stored record differs from ``based_on`` (the ``fingerprint`` of the record as the user
    was shown it), or, without it, from what the user submitted. Nothing is written then.
    """
    model = type(instance)
    with transaction.atomic():
        stored = model.objects.select_for_update().get(pk=instance.pk)
        if stored.version != expected_version:
            seen = _tokens(based_on)
            if seen:
                names = [n for n in fields if _token(n, _raw(stored, n)) not in seen]
            else:
                names = [n for n in fields if getattr(stored, n) != getattr(instance, n)]
            changed = {name: (getattr(stored, name), getattr(instance, name)) for name in names}
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


def _flat_choices(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):  # a group of choices
            yield from _flat_choices(label)
        else:
            yield value, label


def display_value(field: forms.Field | None, value) -> str:
    """A stored value as a person reads it, in the active language's formats: never a
    Python value, a key or a UTC timestamp."""
    if value is None or value == "" or value == [] or value == () or value == {}:
        return EMPTY
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, bool):
        return gettext("Ja") if value else gettext("Nej")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(display_value(field, item) for item in value)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        for choice, label in _flat_choices(field.choices):
            if str(choice) == str(value):
                return str(label)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, decimal.Decimal | float | int):
        return formats.number_format(value)  # 3,5
    return str(value)


class FingerprintField(forms.CharField):
    """The hidden fingerprint of the values an edit form was shown with. Bookkeeping: it
    never counts as a change the user made."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 4000)
        super().__init__(**kwargs)

    def has_changed(self, initial, data) -> bool:
        return False


class VersionedModelForm(forms.ModelForm):
    """A ModelForm that carries the record's version and saves with save_if_unchanged."""

    version = version_field()
    based_on = FingerprintField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"].initial = self.instance.version
            # When drawn: with the fields the form has by then, of the record as shown.
            self.fields["based_on"].initial = lambda: fingerprint(self.instance, self._compared())
        else:
            self.fields["version"].initial = NEW
            self.fields["version"].required = False

    def _compared(self) -> list[str]:
        """The fields compared with the stored record: the form's own, not its bookkeeping
        and not its many-to-many fields."""
        many = self._many_to_many()
        return [n for n in self.fields if n not in ("version", "based_on") and n not in many]

    def save(self, commit=True):
        instance = super().save(commit=False)
        if not commit:
            return instance
        if instance.pk is None:
            self._create(instance)
        else:
            try:
                save_if_unchanged(
                    instance,
                    self.cleaned_data["version"],
                    self._compared(),
                    based_on=self.cleaned_data.get("based_on"),
                )
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
        if self.instance.pk is not None:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).first()
            if stored is not None:  # the user's values are now based on the stored ones
                data["based_on"] = fingerprint(stored, self._compared())
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
                shown = display_value(self.fields[name], stored_value)
                self.add_error(name, _("Gemt af en anden: »%(value)s«.") % {"value": shown})


CONFLICT = 409  # the status of a page that shows an edit conflict


def saved(form) -> bool:
    """Save a valid VersionedModelForm. False when someone else saved first: the form then
    carries the conflict message and what the user typed, and the view answers CONFLICT."""
    try:
        form.save()
    except EditConflict:
        return False
    return True
