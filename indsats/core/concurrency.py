"""Optimistic locking: two people editing one record never silently overwrite each other.

A versioned model has an integer ``version``. The edit form carries the version the user
started from; saving checks it against the stored one under a row lock and refuses when
someone else saved in between. The caller shows the conflict, keeps what the user typed,
and lets them save again deliberately on top of the newer version.

A VersionedModelForm also carries a fingerprint of the values it was shown with
(``based_on``), so a conflict names only the fields the other person changed, not those
the user changed, and shows each of the other's values as a person reads it: a date, a
time or a number in Danish, a choice's label, "Ja" or "Nej" (C11, C12). A field only the
other changed is redisplayed with the other's value, so saving again keeps their change;
a field both changed keeps the user's value, beside the other's, for the user to decide.
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
    if isinstance(value, decimal.Decimal) and value.is_finite() and value == value.to_integral():
        value = int(value)  # 2, not 2,0: a whole number as the lists show it
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


def _as_sent(widget: forms.Widget, value) -> list[str]:
    """What the browser sends back for ``value`` (a form field's prepared value) drawn in
    ``widget``: no entry for an unticked checkbox, one per chosen option of a multiple
    choice, otherwise the text the input shows."""
    if isinstance(widget, forms.CheckboxInput):
        return ["on"] if widget.check_test(value) else []
    shown = widget.format_value(value)
    if isinstance(shown, list | tuple):  # a choice widget: the chosen options
        sent = ["" if option is None else str(option) for option in shown]
        return sent if getattr(widget, "allow_multiple_selected", False) else sent[:1]
    return ["" if shown is None else str(shown)]


def _put(data, key: str, sent: list[str]) -> None:
    if not sent:
        data.pop(key, None)
    elif hasattr(data, "setlist"):  # a QueryDict, as a request has
        data.setlist(key, sent)
    else:
        data[key] = sent[0] if len(sent) == 1 else sent


class VersionedModelForm(forms.ModelForm):
    """A ModelForm that carries the record's version and saves with save_if_unchanged."""

    version = version_field()
    based_on = FingerprintField()

    # Fields each save fills in afresh, so never taken over from the other's save: a
    # reason explains the one correction it was given with, not the user's.
    filled_in_afresh: tuple[str, ...] = ("change_reason",)

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
        stored = None
        if self.instance.pk is not None:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).first()
            if stored is not None:  # the user's values are now based on the stored ones
                data["based_on"] = fingerprint(stored, self._compared())
        # A field filled in afresh (a change reason) is the user's own for this save: the
        # other's is no value to choose between or take over, so it is not named at all.
        changed = [
            name
            for name in conflict.changed_fields
            if name in self.fields and name not in self.filled_in_afresh
        ]
        seen = _tokens(self.cleaned_data.get("based_on"))
        taken_over = []
        if seen and stored is not None:
            # A field the user left as shown takes the other's value: saving it again
            # unchanged would silently undo their change.
            for name in changed:
                untouched = _token(name, _raw(self.instance, name)) in seen
                if untouched and self._take_over(data, name, _raw(stored, name)):
                    taken_over.append(name)
        self.data = data
        to_decide = [name for name in changed if name not in taken_over]

        def labels(names):
            return ", ".join(str(self.fields[name].label) for name in names)

        message = str(
            _(
                "En anden har gemt ændringer i posten, mens du redigerede. Dine ændringer er "
                "ikke gemt endnu, men de står stadig i formularen."
            )
        )
        if taken_over:
            message += " " + str(
                _("Felter, der er opdateret med den andens ændringer: %s.")
            ) % labels(taken_over)
        if to_decide and seen:
            message += " " + str(
                _("Felter, hvor du skal vælge mellem din og den andens værdi: %s.")
            ) % labels(to_decide)
        elif to_decide:  # without a fingerprint it is not known who changed what
            message += " " + str(_("Felter, der nu er ændret af den anden: %s.")) % labels(
                to_decide
            )
        if taken_over and not to_decide:
            message += " " + str(_("Gem igen for at gemme dine ændringer oven på den andens."))
        else:
            message += " " + str(_("Gem igen for at overskrive med dine værdier."))
        self.add_error(None, message)
        for name in changed:
            stored_value = (
                getattr(stored, name) if stored is not None else conflict.changed_fields[name][0]
            )
            shown = {"value": display_value(self.fields[name], stored_value)}
            if name in taken_over:
                self.add_error(name, _("Opdateret med den andens ændring: »%(value)s«.") % shown)
            else:
                self.add_error(name, _("Gemt af en anden: »%(value)s«.") % shown)

    def _take_over(self, data, name: str, value) -> bool:
        """Put the stored ``value`` of field ``name`` in ``data`` as its widget sends it
        back. False, and ``data`` as it was, when it would not come back as that value (a
        widget of several inputs, say, or a value the field no longer accepts): then the
        user decides, as for a field both changed."""
        field = self.fields[name]
        if name in self.filled_in_afresh or field.disabled or isinstance(field, forms.FileField):
            return False
        key = self.add_prefix(name)
        sent = _as_sent(field.widget, field.prepare_value(value))
        trial = data.copy()
        _put(trial, key, sent)
        try:
            back = field.clean(field.widget.value_from_datadict(trial, self.files, key))
        except forms.ValidationError:
            return False
        if _canonical(field.prepare_value(back)) != _canonical(field.prepare_value(value)):
            return False
        _put(data, key, sent)
        return True


CONFLICT = 409  # the status of a page that shows an edit conflict


def saved(form) -> bool:
    """Save a valid VersionedModelForm. False when someone else saved first: the form then
    carries the conflict message and what the user typed, and the view answers CONFLICT."""
    try:
        form.save()
    except EditConflict:
        return False
    return True
