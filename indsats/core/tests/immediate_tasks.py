"""A pytest plugin (loaded with ``-p`` in pyproject.toml): the suite runs tasks at once.

Most tests are about what a user's action does, and many read Django's ``mail.outbox``
right after it; with the immediate backend the e-mail task runs inside the action, through
the same outbox code as in production, so those tests see the message without a worker.
The tests that are about the queue itself (indsats/core/tests/test_outbox*.py,
test_worker*.py) switch to the database backend, or run the real worker process.
"""

from __future__ import annotations

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def pytest_configure(config):
    from django.test.utils import override_settings

    override_settings(TASKS=IMMEDIATE_TASKS).enable()
