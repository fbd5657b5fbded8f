"""Audit log entries in plain Danish, for timelines and the audit trail page."""

from __future__ import annotations

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


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
    thing = str(model._meta.verbose_name) if model is not None else entry.content_type.model
    actor = actor_name(entry)
    verb = {
        LogEntry.Action.CREATE: _("oprettede"),
        LogEntry.Action.UPDATE: _("ændrede"),
        LogEntry.Action.DELETE: _("slettede"),
    }.get(entry.action, _("så"))
    sentence = _("%(actor)s %(verb)s %(thing)s »%(name)s«") % {
        "actor": actor,
        "verb": verb,
        "thing": thing,
        "name": entry.object_repr,
    }
    changes = []
    if entry.action == LogEntry.Action.UPDATE:
        for field, (old, new) in entry.changes_display_dict.items():
            changes.append(FieldChange(field=str(field), old=_shown(old), new=_shown(new)))
    return Described(entry=entry, actor=actor, sentence=sentence, changes=changes)


def _shown(value) -> str:
    if value in (None, "", "None"):
        return _("(tom)")
    return str(value)
