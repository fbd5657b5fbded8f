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


def _deleted_ids(models, programme) -> dict:
    """The ids of the programme's cancelled (deleted) records of each model: their audit
    entries name the programme (``Correctable.get_additional_data``), so the history
    keeps a cancelled theme day or a deleted hour entry and the reason given. One query
    for every model."""
    content_types = ContentType.objects.get_for_models(*models)
    model_of = {content_type.pk: model for model, content_type in content_types.items()}
    deleted = {model: [] for model in models}
    for content_type_id, object_pk in LogEntry.objects.filter(
        content_type__in=content_types.values(),
        action=LogEntry.Action.DELETE,
        additional_data__programme=programme.pk,
    ).values_list("content_type_id", "object_pk"):
        deleted[model_of[content_type_id]].append(object_pk)
    return deleted


def _related_objects(programme):
    """(model, ids) for the programme and every record that belongs to it."""
    from indsats.applications.models import Document, DocumentVersion

    managers = [
        getattr(programme, name)
        for name in ("meetings", "theme_days", "focus_groups", "hour_entries", "goals", "tasks")
    ]
    deleted = _deleted_ids([manager.model for manager in managers], programme)
    related = [(type(programme), [programme.pk])]
    for manager in managers:
        # Through .all(): the programme page has prefetched these rows already.
        ids = [record.pk for record in manager.all()]
        related.append((manager.model, ids + deleted[manager.model]))
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
        for record in programme.steps.all()  # prefetched with completed_by on the page
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
