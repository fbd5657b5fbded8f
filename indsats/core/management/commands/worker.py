"""manage.py worker: runs the background tasks and the schedule of daily jobs (C13).

It is django-tasks-db's ``db_worker`` (same options) with the scheduler of
``indsats.core.schedule`` in a thread beside it, so no cron is needed. Run one or more
per installation; they share the work through the database.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django.db import connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from indsats.core.schedule import enqueue_due

logger = logging.getLogger(__name__)

SCHEDULE_CHECK_SECONDS = 30


class Scheduler(threading.Thread):
    """Enqueues the scheduled jobs that are due, every ``interval`` seconds."""

    def __init__(self, interval: float = SCHEDULE_CHECK_SECONDS):
        super().__init__(name="indsats-scheduler", daemon=True)
        self.interval = interval

    def run(self):
        while True:
            try:
                enqueue_due()
            except Exception:
                logger.exception("The scheduler could not enqueue the due jobs")
            finally:
                connection.close()  # this thread's own connection
            time.sleep(self.interval)


class Command(DatabaseWorkerCommand):
    help = (
        "Kører baggrundsopgaverne (e-mails, påmindelser, importer) og planlægger de daglige "
        "job. Samme valgmuligheder som db_worker, plus --no-schedule."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Planlæg ikke de daglige job (en anden worker gør det).",
        )
        # Reloading is for `make run` to ask for; a production worker keeps running.
        parser.set_defaults(reload=False)

    def handle(self, *args, schedule=True, **options):
        if schedule:
            if options["batch"]:
                # One look at the schedule, then the queue is worked off and the worker ends.
                enqueue_due()
            elif not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                # Not in the reloader's watching parent: only in the process that works.
                Scheduler().start()
        super().handle(*args, **options)
