"""The worker's own schedule: each job once per slot, however many workers look (C13)."""

import datetime

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from indsats.core.models import ScheduledRun
from indsats.core.schedule import SCHEDULE, Job, due_slots, enqueue_due

from .immediate_tasks import DATABASE_TASKS

DAILY = Job("daily", "indsats.core.tasks.sweep_outbox", at=datetime.time(6, 0))
EVERY_FIVE = Job("often", "indsats.core.tasks.sweep_outbox", every=datetime.timedelta(minutes=5))
COPENHAGEN = datetime.timezone(datetime.timedelta(hours=1))


def local(hour, minute, day=28):
    return datetime.datetime(2026, 11, day, hour, minute, 30)


class TestSlots:
    def test_a_daily_job_is_due_from_its_time_until_midnight(self):
        assert DAILY.slot(local(5, 59)) is None
        assert DAILY.slot(local(6, 0)) == "2026-11-28"
        assert DAILY.slot(local(23, 59)) == "2026-11-28"
        assert DAILY.slot(local(6, 0, day=29)) == "2026-11-29"

    def test_a_frequent_job_has_one_slot_per_interval(self):
        assert EVERY_FIVE.slot(local(10, 4)) == "2026-11-28T10:00"
        assert EVERY_FIVE.slot(local(10, 5)) == "2026-11-28T10:05"
        assert EVERY_FIVE.slot(local(0, 0)) == "2026-11-28T00:00"

    def test_it_lists_only_the_jobs_that_are_due(self):
        assert [job.name for job, _ in due_slots([DAILY, EVERY_FIVE], local(5, 0))] == ["often"]

    def test_a_job_needs_exactly_one_kind_of_timing(self):
        with pytest.raises(ValueError, match="either a time of day or an interval"):
            Job("both", "x.y", at=datetime.time(6), every=datetime.timedelta(hours=1))
        with pytest.raises(ValueError, match="either a time of day or an interval"):
            Job("neither", "x.y")
        with pytest.raises(ValueError, match="from a minute to a day"):
            Job("too often", "x.y", every=datetime.timedelta(seconds=10))

    def test_the_schedule_has_the_daily_reminders_and_the_outbox_sweep(self):
        names = {job.name for job in SCHEDULE}
        assert {"programme-reminders", "plan-reminders", "outbox-sweep"} <= names


@pytest.mark.django_db
def test_it_enqueues_each_due_job_once_however_often_it_looks(settings):
    settings.TASKS = DATABASE_TASKS
    at_seven = datetime.datetime(2026, 11, 28, 7, 0, tzinfo=COPENHAGEN)
    first = enqueue_due(at_seven, jobs=[DAILY, EVERY_FIVE])
    again = enqueue_due(at_seven + datetime.timedelta(minutes=1), jobs=[DAILY, EVERY_FIVE])
    later = enqueue_due(at_seven + datetime.timedelta(minutes=5), jobs=[DAILY, EVERY_FIVE])
    assert (first, again, later) == (["daily", "often"], [], ["often"])
    assert ScheduledRun.objects.count() == 3
    assert DBTaskResult.objects.filter(task_path="indsats.core.tasks.sweep_outbox").count() == 3


@pytest.mark.django_db
def test_the_daily_reminder_tasks_run_and_report(settings):
    """The scheduled tasks exist at their paths and run (at once, in the suite)."""
    from django.utils.module_loading import import_string

    for job in SCHEDULE:
        result = import_string(job.task_path).enqueue()
        assert result.status == TaskResultStatus.SUCCESSFUL, job.name
