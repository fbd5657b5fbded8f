"""What /healthz?full reports besides the database: the backlog of the task queue and of
the outbox (C13). A growing age means that no worker is running, or that it cannot keep up;
failed e-mails wait for an administrator in the admin site."""

from __future__ import annotations

import datetime

from django.db.models import Count, Min, Q
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import OutgoingEmail, OutgoingEmailStatus


def _age_seconds(since: datetime.datetime | None, now: datetime.datetime) -> int | None:
    return None if since is None else max(0, int((now - since).total_seconds()))


def task_backlog(now: datetime.datetime) -> dict:
    """Tasks due to run and not yet taken, and how long the oldest has waited since it
    became due (a task deferred to a later time waits from that time)."""
    never = Q(run_after=get_date_max())
    figures = DBTaskResult.objects.ready().aggregate(
        waiting=Count("pk"),
        enqueued=Min("enqueued_at", filter=never),
        deferred=Min("run_after", filter=~never),
    )
    due_since = [moment for moment in (figures["enqueued"], figures["deferred"]) if moment]
    return {
        "waiting": figures["waiting"],
        "oldest_waiting_seconds": _age_seconds(min(due_since, default=None), now),
    }


def outbox_backlog(now: datetime.datetime) -> dict:
    """E-mails not yet sent (waiting or being sent), and those given up on."""
    unsent = Q(status__in=[OutgoingEmailStatus.WAITING, OutgoingEmailStatus.SENDING])
    figures = OutgoingEmail.objects.aggregate(
        waiting=Count("pk", filter=unsent),
        oldest=Min("created_at", filter=unsent),
        failed=Count("pk", filter=Q(status=OutgoingEmailStatus.FAILED)),
    )
    return {
        "waiting": figures["waiting"],
        "oldest_waiting_seconds": _age_seconds(figures["oldest"], now),
        "failed": figures["failed"],
    }
