"""The jobs the worker runs by itself, with no cron (C13).

Each job is due once per slot: a daily job from its time of day (local time) until
midnight, so a worker started late in the day still runs it that day; a frequent job once
per interval. ``enqueue_due`` records each (job, slot) as a ScheduledRun before it
enqueues the job, in one transaction, so however many workers look, a slot is enqueued
once; the jobs themselves are idempotent too (reminders are keyed, the sweep claims).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str  # dotted path of a django-tasks Task
    at: datetime.time | None = None  # daily, from this local time
    every: datetime.timedelta | None = None  # or once per interval since midnight

    def __post_init__(self):
        if (self.at is None) == (self.every is None):
            raise ValueError(f"Job {self.name} needs either a time of day or an interval.")
        if self.every is not None and not (
            datetime.timedelta(minutes=1) <= self.every <= datetime.timedelta(days=1)
        ):
            raise ValueError(f"Job {self.name}: the interval must be from a minute to a day.")

    def slot(self, local_now: datetime.datetime) -> str | None:
        """The slot due at ``local_now`` (a naive or local time), or None if none is."""
        if self.at is not None:
            return local_now.date().isoformat() if local_now.time() >= self.at else None
        since_midnight = datetime.timedelta(
            hours=local_now.hour, minutes=local_now.minute, seconds=local_now.second
        )
        start = (since_midnight // self.every) * self.every
        minutes = int(start.total_seconds()) // 60
        return f"{local_now.date().isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"


SCHEDULE = (
    Job(
        "programme-reminders",
        "indsats.programmes.tasks.send_daily_reminders",
        at=datetime.time(6, 0),
    ),
    Job(
        "plan-reminders",
        "indsats.screening.tasks.send_due_plan_reminders",
        at=datetime.time(6, 0),
    ),
    Job("prune-finished-tasks", "indsats.core.tasks.prune_finished_tasks", at=datetime.time(3, 0)),
    Job(
        "outbox-sweep",
        "indsats.core.tasks.sweep_outbox",
        every=datetime.timedelta(minutes=5),
    ),
)


def due_slots(jobs, local_now: datetime.datetime) -> list[tuple[Job, str]]:
    return [(job, slot) for job in jobs if (slot := job.slot(local_now)) is not None]


def enqueue_due(now: datetime.datetime | None = None, jobs=SCHEDULE) -> list[str]:
    """Enqueue every job whose slot is due and not yet enqueued; returns their names."""
    from .models import ScheduledRun

    local_now = timezone.localtime(now or timezone.now())
    enqueued = []
    for job, slot in due_slots(jobs, local_now):
        if ScheduledRun.objects.filter(job=job.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, slot=slot)
                import_string(job.task_path).enqueue()
        except IntegrityError:
            continue  # another worker got there first
        logger.info("Scheduled job %s enqueued for %s", job.name, slot)
        enqueued.append(job.name)
    return enqueued
