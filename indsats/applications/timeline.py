"""An application's history for its applicant, in plain Danish, from the audit trail."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.utils.translation import gettext as _

from indsats.audit.describe import actor_name

from .models import ApplicationStatus, DocumentVersion


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime.datetime
    text: str


def _status_sentence(status: str) -> str:
    return {
        ApplicationStatus.SUBMITTED: _("Ansøgningen blev sendt"),
        ApplicationStatus.GRANTED: _("Ansøgningen blev bevilget"),
        ApplicationStatus.WAITING_LIST: _("Ansøgningen blev sat på venteliste"),
        ApplicationStatus.REJECTED: _("Ansøgningen blev afslået"),
        ApplicationStatus.WITHDRAWN: _("Ansøgningen blev trukket tilbage"),
        ApplicationStatus.DRAFT: _("Ansøgningen blev åbnet igen som kladde"),
    }.get(status, _("Status blev ændret"))


def timeline_for(application) -> list[TimelineEvent]:
    events = []
    for entry in LogEntry.objects.get_for_object(application).select_related("actor"):
        who = actor_name(entry)
        if entry.action == LogEntry.Action.CREATE:
            events.append(
                TimelineEvent(entry.timestamp, _("%(who)s oprettede kladden") % {"who": who})
            )
        elif entry.action == LogEntry.Action.UPDATE and "status" in (entry.changes or {}):
            new_status = entry.changes["status"][1]
            events.append(
                TimelineEvent(
                    entry.timestamp,
                    _("%(what)s (%(who)s)") % {"what": _status_sentence(new_status), "who": who},
                )
            )
    versions = DocumentVersion.objects.filter(document__application=application).select_related(
        "document", "uploaded_by"
    )
    for version in versions:
        events.append(
            TimelineEvent(
                version.uploaded_at,
                _("%(who)s sendte %(kind)s, version %(number)s")
                % {
                    "who": version.uploaded_by,
                    "kind": version.document.get_kind_display().lower(),
                    "number": version.number,
                },
            )
        )
    return sorted(events, key=lambda event: event.when)


def staff_history(application) -> list:
    """Everything that happened to the application and its assessment, decisions and
    documents, as the audit trail recorded it (for the Board's case page)."""
    from indsats.audit.history import history_of

    from .models import Assessment, CriterionJudgement, Decision

    assessment_ids = list(
        Assessment.objects.filter(application=application).values_list("pk", flat=True)
    )
    return history_of(
        [
            (type(application), [application.pk]),
            (Assessment, assessment_ids),
            (
                CriterionJudgement,
                CriterionJudgement.objects.filter(assessment_id__in=assessment_ids).values_list(
                    "pk", flat=True
                ),
            ),
            (Decision, application.decisions.values_list("pk", flat=True)),
            (
                DocumentVersion,
                DocumentVersion.objects.filter(document__application=application).values_list(
                    "pk", flat=True
                ),
            ),
        ]
    )
