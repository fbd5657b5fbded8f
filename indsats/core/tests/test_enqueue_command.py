"""Imports run in the worker: manage.py enqueue puts a command on the queue (C7, C13).

About the queue, so the database backend as in production; the worker runs in this
process (``worker --batch``), since it must see this test's database.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from indsats.screening.models import StatisticValue
from indsats.screening.tests.conftest import DATA

from .immediate_tasks import DATABASE_TASKS

# The worker commits and closes its connection, as in production: a real transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_TASKS


def enqueue(*args):
    out = io.StringIO()
    call_command("enqueue", *args, stdout=out)
    return out.getvalue()


def work_off_the_queue():
    call_command("worker", "--batch", "--no-schedule", "--no-startup-delay", stdout=io.StringIO())


def test_it_runs_an_import_in_the_worker_and_keeps_its_output():
    said = enqueue("import_statbank", "--table", "UND1", "--file", str(DATA / "und1_2022_2023.csv"))
    assert "import_statbank er sat i kø" in said
    assert not StatisticValue.objects.exists()  # not yet: the worker imports
    work_off_the_queue()
    assert StatisticValue.objects.count() == 8
    result = DBTaskResult.objects.get(task_path="indsats.core.tasks.run_command")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert "8 nye" in result.return_value


def test_a_failing_import_fails_its_task_with_the_line_numbers():
    enqueue("import_statbank", "--table", "UND1", "--file", str(DATA / "und1_unknown_code.csv"))
    work_off_the_queue()
    result = DBTaskResult.objects.get(task_path="indsats.core.tasks.run_command")
    assert result.status == TaskResultStatus.FAILED
    assert "Linje 4: ukendt kommunekode »999«" in result.traceback
    assert not StatisticValue.objects.exists()


def test_it_refuses_a_command_that_may_not_run_on_the_queue():
    with pytest.raises(CommandError, match="flush kan ikke sættes i kø"):
        enqueue("flush", "--no-input")
    assert not DBTaskResult.objects.exists()


def test_it_refuses_arguments_the_command_would_refuse():
    with pytest.raises(CommandError, match="import_statbank: .*--table"):
        enqueue("import_statbank", "--file", "x.csv")
    assert not DBTaskResult.objects.exists()
