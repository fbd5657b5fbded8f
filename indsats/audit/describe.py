"""Audit log entries in plain Danish, for timelines and the audit trail page (C10).

A person reads what happened in words: "Status: fra »Indsendt« til »Bevilget«", "Svar
ændret: Emne, Målgruppe". Never an internal key, a field name, a Python value or a version
counter: a field is named by its label, a choice by its display text, a key by the label
its app registered (``register_labels``), and bookkeeping fields are left out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

#: Fields that only keep the books: who reads the trail learns nothing from them.
BOOKKEEPING_FIELDS = frozenset({"id", "version", "updated_at", "password", "token"})
#: A value longer than this is said to have changed, not shown.
LONGEST_SHOWN_VALUE = 140
_INTERNAL_KEY = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")

# model -> a function giving the sentence for one of its entries (or None: the usual one).
_SENTENCES: dict[type, Callable[[LogEntry, str], str | None]] = {}

# (model, field name) -> a function giving {stored key: label}: the labels of a JSON
# field's keys (an application's answers) or of a field holding a key (a workflow step).
_LABELS: dict[tuple[type, str], Callable[[], Mapping[str, str]]] = {}


def register_labels(model, field_name: str, labels: Callable[[], Mapping[str, str]]) -> None:
    """Name the keys stored in ``model.field_name`` for the trail (called from ``ready()``)."""
    _LABELS[(model, field_name)] = labels


def register_sentence(model, sentence: Callable[[LogEntry, str], str | None]) -> None:
    """Say an entry of ``model`` in its own words (called from ``ready()``): ``sentence``
    gets the entry and the actor's name and builds the sentence in the active language
    when the trail is read, from the entry's recorded values (a record whose whole story is
    that it was made, such as a reset of someone's second factor, reads better as "Anne
    Holm nulstillede …" than as "Anne Holm oprettede nulstilling …")."""
    _SENTENCES[model] = sentence


def recorded_value(entry: LogEntry, field_name: str) -> str | None:
    """The value a field got in ``entry`` as recorded (a text, as django-auditlog keeps
    it), or None when the entry did not record it."""
    values = (entry.changes_dict or {}).get(field_name)
    if not values:
        return None
    new = list(values)[-1]
    return None if new in (None, "None") else str(new)


def _labels_for(model, field_name: str) -> Mapping[str, str]:
    for klass in model.__mro__ if model is not None else ():
        labels = _LABELS.get((klass, field_name))
        if labels is not None:
            return labels()
    return {}


@dataclass(frozen=True)
class FieldChange:
    """One changed field: its label, and the old and new values in words (``old`` and
    ``new`` are empty when the change is only named, as for answers or a long text)."""

    field: str
    old: str = ""
    new: str = ""
    what: str = ""  # for a named change: which parts changed, e.g. "Emne, Målgruppe"

    @property
    def shows_values(self) -> bool:
        return bool(self.old or self.new)

    def __str__(self) -> str:
        if self.shows_values:
            return _("%(field)s: fra »%(old)s« til »%(new)s«") % {
                "field": self.field,
                "old": self.old,
                "new": self.new,
            }
        if self.what:
            return _("%(field)s ændret: %(what)s") % {"field": self.field, "what": self.what}
        return _("%(field)s ændret") % {"field": self.field}


@dataclass(frozen=True)
class Described:
    entry: LogEntry
    actor: str
    sentence: str
    changes: list[FieldChange]


def actor_name(entry: LogEntry) -> str:
    if entry.actor_id is not None and entry.actor is not None:
        return str(entry.actor)
    return entry.actor_email or _("Systemet")


def describe(entry: LogEntry) -> Described:
    """'Anne Holm ændrede organisation »Solhjem«' with the fields and their values."""
    model = entry.content_type.model_class()
    thing = str(model._meta.verbose_name) if model is not None else _("en post")
    actor = actor_name(entry)
    verb = {
        LogEntry.Action.CREATE: _("oprettede"),
        LogEntry.Action.UPDATE: _("ændrede"),
        LogEntry.Action.DELETE: _("slettede"),
    }.get(entry.action, _("så"))
    own_sentence = _SENTENCES.get(model)
    sentence = own_sentence(entry, actor) if own_sentence is not None else None
    if sentence is None:
        sentence = _("%(actor)s %(verb)s %(thing)s »%(name)s«") % {
            "actor": actor,
            "verb": verb,
            "thing": thing,
            "name": readable_name(model, entry.object_repr),
        }
    changes = []
    if entry.action == LogEntry.Action.UPDATE and model is not None:
        for name, values in (entry.changes_dict or {}).items():
            change = field_change(model, name, values)
            if change is not None:
                changes.append(change)
    return Described(entry=entry, actor=actor, sentence=sentence, changes=changes)


def _all_labels(model) -> dict[str, str]:
    """Every registered label of the model's fields, in the active language."""
    labels: dict[str, str] = {}
    for field in model._meta.get_fields():
        labels.update({key: str(label) for key, label in _labels_for(model, field.name).items()})
    return labels


def readable_name(model, name: str) -> str:
    """An object's recorded name with any registered key in it replaced by its label (a
    step recorded as "OK-2026-0001: working_group" reads "OK-2026-0001: Arbejdsgruppe"),
    and a label recorded in Danish ending it given in the reader's language."""
    if model is None or not name:
        return name
    labels = _all_labels(model)
    if not labels:
        return name
    name = _INTERNAL_KEY.sub(lambda match: labels.get(match.group(), match.group()), name)
    head, separator, tail = name.rpartition(": ")
    if separator and get_language() != "da":
        with override("da"):
            keys_by_danish = {label: key for key, label in _all_labels(model).items()}
        if tail in keys_by_danish:
            return f"{head}{separator}{labels[keys_by_danish[tail]]}"
    return name


def field_change(model, name: str, values) -> FieldChange | None:
    """The change of field ``name`` from ``values[0]`` to ``values[1]`` in words, or None
    when it is bookkeeping that a person need not read."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # a field since removed: its name is all we would have
    if name in BOOKKEEPING_FIELDS or getattr(field, "auto_now", False):
        return None
    if not getattr(field, "concrete", False) or field.many_to_many or field.one_to_many:
        return None
    old, new = (list(values) + [None, None])[:2]
    label = capfirst(str(field.verbose_name))
    labels = _labels_for(model, name)
    if isinstance(field, models.JSONField):
        return FieldChange(label, what=_changed_parts(old, new, labels))
    shown_old, shown_new = _shown(field, old, labels), _shown(field, new, labels)
    if shown_old is None or shown_new is None:
        return FieldChange(label)
    if max(len(shown_old), len(shown_new)) > LONGEST_SHOWN_VALUE:
        return FieldChange(label)
    return FieldChange(label, shown_old, shown_new)


def _changed_parts(old, new, labels: Mapping[str, str]) -> str:
    """The labels of a JSON object's keys that differ, in the order of the labels."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ""
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    named = [str(label) for key, label in labels.items() if key in changed]
    unnamed = len([key for key in changed if key not in labels])
    if unnamed and named:
        named.append(_("andet"))
    return ", ".join(named)


def _shown(field, value, labels: Mapping[str, str]) -> str | None:
    """The value as a person reads it, or None when it cannot be said in words."""
    if value in (None, "", "None", [], {}):
        return _("(tom)")
    if field.choices:
        choice = dict(field.flatchoices).get(value)
        return str(choice) if choice is not None else None
    if field.is_relation:
        try:
            related = field.related_model._default_manager.filter(pk=value).first()
        except (TypeError, ValueError):
            related = None
        return str(related) if related is not None else _("(slettet)")
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return _("ja") if value in (True, "True") else _("nej")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is None:
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        day = parse_date(str(value)[:10])
        return formats.date_format(day, "DATE_FORMAT") if day is not None else None
    if isinstance(field, models.DecimalField | models.FloatField | models.IntegerField):
        try:
            return formats.localize(Decimal(str(value)).normalize(), use_l10n=True)
        except InvalidOperation:
            return None
    if isinstance(value, int | float):
        return formats.localize(value)
    text = str(value)
    if text in labels:
        return str(labels[text])
    if "|" in text and all(part in labels for part in text.split("|")):
        return " / ".join(str(labels[part]) for part in text.split("|"))
    if _INTERNAL_KEY.fullmatch(text) or text.startswith(("{", "[")):
        return None
    return text
