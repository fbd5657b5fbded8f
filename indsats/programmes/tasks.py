"""Background tasks of the programmes (C10, C13): the daily reminders, scheduled by the
worker (indsats.core.schedule); each reminder is sent once however often this runs."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from .reminders import due_task_reminders, meeting_reminders


@task()
def send_daily_reminders() -> dict:
    today = timezone.localdate()
    return {"tasks": due_task_reminders(today), "meetings": meeting_reminders(today)}
