"""/healthz answers 200 when the database answers and 503 when it does not."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[3]

# Asks /healthz from a fresh Django process, so that the database it talks to is the one
# named by DATABASE_URL in that process, not the test database of this one.
_ASK_HEALTHZ = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="localhost")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


@pytest.mark.django_db
def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


@pytest.mark.parametrize(
    "unreachable_database",
    [
        "sqlite:////nonexistent-directory/indsats.sqlite3",
        "postgres://postgres@127.0.0.1:1/indsats?connect_timeout=2",
    ],
)
def test_it_answers_503_when_the_database_is_gone(unreachable_database):
    env = {**os.environ, "DATABASE_URL": unreachable_database, "INDSATS_MODE": "development"}
    env.pop("DEBUG", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter with a fixed script
        [sys.executable, "-c", _ASK_HEALTHZ],
        cwd=PROJECT_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "indsats.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "unavailable", "database": "down"}}


@pytest.mark.django_db
def test_it_reports_the_oldest_waiting_task_and_the_outbox_when_asked_in_full(client, settings):
    """/healthz?full: the queue's and the outbox's backlog, for monitoring (C13)."""
    import datetime

    import time_machine

    from indsats.core.mail import send_templated
    from indsats.core.models import OutgoingEmail, OutgoingEmailStatus

    from .immediate_tasks import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    start = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for address in ("a@kommune.test", "b@kommune.test"):
            send_templated(
                "accounts/email/access_request_received",
                {"user": {"full_name": "Kim Fiktiv"}},
                [address],
            )
    OutgoingEmail.objects.filter(recipients=["b@kommune.test"]).update(
        status=OutgoingEmailStatus.FAILED
    )
    with time_machine.travel(start + datetime.timedelta(seconds=90), tick=False):
        plain = client.get("/healthz")
        full = client.get("/healthz?full")
    assert plain.json() == {"status": "ok", "database": "up"}
    assert full.status_code == 200
    assert full.json() == {
        "status": "ok",
        "database": "up",
        "tasks": {"waiting": 2, "oldest_waiting_seconds": 90},
        "outbox": {"waiting": 1, "oldest_waiting_seconds": 90, "failed": 1},
    }


def test_it_answers_503_in_full_too_when_the_database_is_gone():
    env = {
        **os.environ,
        "DATABASE_URL": "sqlite:////nonexistent-directory/indsats.sqlite3",
        "INDSATS_MODE": "development",
        "DJANGO_SETTINGS_MODULE": "indsats.settings",
    }
    env.pop("DEBUG", None)
    script = _ASK_HEALTHZ.replace('get("/healthz"', 'get("/healthz?full"')
    result = subprocess.run(  # noqa: S603 - our own interpreter with a fixed script
        [sys.executable, "-c", script],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "unavailable", "database": "down"}}
