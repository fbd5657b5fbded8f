"""A programme's full history from the audit trail, in plain Danish (C10)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _

from indsats.audit.history import history_of

from .workflow import workflow_for


@dataclass(frozen=True)
class Event:
    when: datetime.datetime
    text: str
    details: tuple[str, ...] = ()


def _deleted_ids(model, programme) -> list:
    """The ids of the programme's cancelled (deleted) records of ``model``: their audit
    entries name the programme (``Correctable.get_additional_data``), so the history
    keeps a cancelled theme day or a deleted hour entry and the reason given."""
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            action=LogEntry.Action.DELETE,
            additional_data__programme=programme.pk,
        ).values_list("object_pk", flat=True)
    )


def _related_objects(programme):
    """(model, ids) for the programme and every record that belongs to it."""
    from indsats.applications.models import Document, DocumentVersion

    related = [(type(programme), [programme.pk])]
    for manager in ("meetings", "theme_days", "focus_groups", "hour_entries", "goals", "tasks"):
        queryset = getattr(programme, manager, None)
        if queryset is not None:
            ids = list(queryset.values_list("pk", flat=True))
            related.append((queryset.model, ids + _deleted_ids(queryset.model, programme)))
    documents = Document.objects.filter(
        Q(programme=programme) | Q(application__programme=programme)
    )
    related.append(
        (
            DocumentVersion,
            list(
                DocumentVersion.objects.filter(document__in=documents).values_list("pk", flat=True)
            ),
        )
    )
    return related


def timeline_for(programme, for_staff: bool) -> list[Event]:
    workflow = workflow_for(programme.offer.code)
    titles = {step.key: str(step.title) for step in workflow.steps}
    events = [
        Event(
            record.completed_at,
            _("Trinnet »%(step)s« blev gennemført af %(who)s")
            % {"step": titles.get(record.step, record.step), "who": record.completed_by},
            (record.note,) if record.note and for_staff else (),
        )
        for record in programme.steps.select_related("completed_by")
    ]
    if for_staff:
        events += [
            Event(
                described.entry.timestamp,
                described.sentence,
                tuple(str(change) for change in described.changes),
            )
            for described in history_of(_related_objects(programme))
        ]
    return sorted(events, key=lambda event: event.when)
