"""The core's background tasks (C13): sending e-mail from the outbox, and housekeeping.

Tasks take only ids and plain values (they are stored as JSON until a worker runs them).
"""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from . import outbox

# The commands an operator may put on the queue (manage.py enqueue): the imports, which
# may wait on Statistics Denmark's API, and the daily jobs, to run them now.
QUEUEABLE_COMMANDS = frozenset(
    {
        "import_statbank",
        "import_boernehus",
        "import_vulnerable_children",
        "import_plans",
        "import_comparison_groups",
        "import_press",
        "import_ministerial_requests",
        "send_reminders",
        "send_plan_reminders",
    }
)

# How long the queue keeps a finished task's row; the outbox keeps every e-mail itself.
KEEP_SUCCESSFUL_TASKS_DAYS = 14
KEEP_FAILED_TASKS_DAYS = 90
KEEP_SCHEDULED_RUNS_DAYS = 30


@task()
def deliver_email(message_id: int) -> str:
    return outbox.deliver(message_id)


@task()
def sweep_outbox() -> int:
    return outbox.sweep()


@task()
def prune_finished_tasks() -> str:
    """Finished tasks' rows and old schedule records go; the outbox stays."""
    from .models import ScheduledRun

    if isinstance(deliver_email.get_backend(), DatabaseBackend):
        call_command(
            "prune_db_task_results",
            queue_name="*",
            min_age_days=KEEP_SUCCESSFUL_TASKS_DAYS,
            failed_min_age_days=KEEP_FAILED_TASKS_DAYS,
            verbosity=0,
        )
    cutoff = timezone.now() - datetime.timedelta(days=KEEP_SCHEDULED_RUNS_DAYS)
    deleted, _ = ScheduledRun.objects.filter(enqueued_at__lt=cutoff).delete()
    return f"{deleted} scheduled runs pruned"


@task()
def run_command(name: str, args: list[str]) -> str:
    """Run a management command in the worker; its output is the task's result (shown in
    the admin site's task results), and a CommandError fails the task with the message."""
    if name not in QUEUEABLE_COMMANDS:
        raise ValueError(f"{name} may not run on the queue")
    output = io.StringIO()
    call_command(name, *args, stdout=output, stderr=output)
    return output.getvalue()
