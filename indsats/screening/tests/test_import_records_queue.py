"""Press criticism and the minister's requests can be imported in the worker, as the other
imports can (manage.py enqueue; #10, C7, C13). The worker runs in this process, since it
must see this test's database."""

import io

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from indsats.core.tests.immediate_tasks import DATABASE_TASKS
from indsats.screening.models import MinisterialRequest, PressCriticism

from .conftest import DATA

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_worker_imports_press_criticism_and_requests(settings):
    settings.TASKS = DATABASE_TASKS
    for command, name in (
        ("import_press", "press.csv"),
        ("import_ministerial_requests", "ministerial_requests.csv"),
    ):
        call_command("enqueue", command, str(DATA / name), stdout=io.StringIO())
    assert not PressCriticism.objects.exists()
    call_command("worker", "--batch", "--no-schedule", "--no-startup-delay", stdout=io.StringIO())
    assert PressCriticism.objects.count() == 2
    assert MinisterialRequest.objects.count() == 2
    statuses = set(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == {TaskResultStatus.SUCCESSFUL}
