"""Data a module's tests share and only read, built once and rolled back at the end (C13).

Used by the ``world`` of the authorisation matrix and the fuzzing, and by the demo data
of the readable-pages crawl. Each test runs in a savepoint inside the module's
transaction, so what a test changes is undone before the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from django.db import connection, transaction
from django.test import override_settings

Built = TypeVar("Built")


@contextmanager
def built_for_the_module(
    django_db_blocker, media_root: Path, build: Callable[[], Built]
) -> Iterator[Built]:
    """What ``build()`` makes, in a transaction rolled back when the block ends; its files
    in ``media_root``.

    Its foreign keys are checked once, right after the build. PostgreSQL defers the checks
    to the end of the transaction, and pytest-django checks the constraints at the end of
    every test inside the test's savepoint; rolling that back made the shared data's
    checks pending again, so each test ran all of them again (65 ms a test for the world).
    """
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        built = build()
        connection.check_constraints()
        yield built
        transaction.set_rollback(True)
