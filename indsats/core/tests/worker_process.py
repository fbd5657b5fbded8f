"""Real parts for the queue tests (C13): an SMTP server on 127.0.0.1, a database of the
test's own, and ``manage.py`` processes (the worker among them) that use it.

The worker is a separate process, so it cannot see pytest-django's test database (on
SQLite that one lives in memory); each test that runs it gets its own file (SQLite) or
its own database next to the suite's (PostgreSQL), migrated by a real ``manage.py migrate``.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings

from indsats.testing.server import PROJECT_DIR, free_port, scratch_postgresql_database


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 that keeps what it receives; it can be stopped and
    started again on the same port, as a mail relay goes down and comes back."""

    def __init__(self):
        self.port = free_port()
        self.received: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()
        self._controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.received.append(message)
        return "250 OK"

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def subjects(self) -> list[str]:
        with self._lock:
            return [str(message["subject"]) for message in self.received]


@contextlib.contextmanager
def separate_database(tmp_path: Path):
    """The address of an empty database of this test's own, on the suite's engine."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        yield f"sqlite:///{tmp_path / 'worker.sqlite3'}"
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with scratch_postgresql_database(f"worker_test_{worker}") as database_url:
        yield database_url


def environment(database_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a production-like process: the database queue, real SMTP."""
    env = {**os.environ}
    for name in ("DEBUG", "PYTEST_VERSION", "PYTEST_CURRENT_TEST"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="indsats.settings",
        INDSATS_MODE="development",
        DATABASE_URL=database_url,
        TASKS_BACKEND="database",
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def run_python(env: dict[str, str], code: str, timeout: float = 120):
    """Run ``code`` in a fresh Django process; it sets ``result``, which comes back as JSON."""
    script = f"import django, json\ndjango.setup()\n{code}\nprint(json.dumps(result))\n"
    result = subprocess.run(  # noqa: S603 - our own interpreter with the test's script
        [sys.executable, "-c", script],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def running_worker(env: dict[str, str], log_path: Path):
    """``manage.py worker`` as a process of its own, stopped (SIGTERM) at the end."""
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)


def wait_for(condition, timeout: float, what: str, log_path: Path | None = None):
    """Poll ``condition`` until it is true; fail naming ``what`` (with the worker's log)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    log = log_path.read_text(encoding="utf-8") if log_path and log_path.exists() else ""
    raise AssertionError(f"Timed out waiting for {what}.\nWorker log:\n{log}")
