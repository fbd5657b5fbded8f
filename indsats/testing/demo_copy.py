"""The demo data in tests: loaded once per test process, copied after that (C13).

Loading the demo data takes seconds (ten years of synthetic statistics, cases with
documents and letters), yet it is only a few thousand rows and a few files. The first
load in a process keeps them; a later load into a database that holds what the first
one held before it (the migrations' reference data) puts the same rows back with plain
SQL in milliseconds, on SQLite and on PostgreSQL, inside a transaction or not.

A copy is used only where the database holds as many rows in each table as it did
before that copy's load: a test that makes rows of its own before it asks for the demo
data gets a real load, and loses nothing.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class _Copy:
    tables: dict[str, object]  # table -> its rows, as the database's own copy format
    media: Path
    users: list


# Per test database of this process (pytest-xdist workers have their own) and rows per
# table before the load: the copy of the load from that state.
_copies: dict[tuple[str, str, tuple[int, ...]], _Copy] = {}


def load_demo_data_copied():
    """``indsats.core.demo.load_demo_data()``, from this process's copy where it can."""
    from indsats.core.demo import load_demo_data

    tables = _tables()
    key = (connection.vendor, str(connection.settings_dict["NAME"]), _counts(tables))
    copy = _copies.get(key)
    if copy is not None:
        _restore(copy, tables)
        return copy.users
    users = load_demo_data()
    media = Path(tempfile.mkdtemp(prefix="indsats-demo-media-"))
    atexit.register(shutil.rmtree, media, ignore_errors=True)
    shutil.copytree(settings.MEDIA_ROOT, media, dirs_exist_ok=True)
    _copies[key] = _Copy(_save_rows(tables), media, users)
    return users


def _tables() -> list[str]:
    """Every table of the models, many-to-many tables included, in a fixed order."""
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _counts(tables: list[str]) -> tuple[int, ...]:
    quote = connection.ops.quote_name
    # Our own table names, quoted: nothing from outside goes into these statements.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return tuple(cursor.fetchone())


def _save_rows(tables: list[str]) -> dict[str, object]:
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                # COPY's text format gives every type back exactly (json, arrays, ...).
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    rows[table] = b"".join(bytes(block) for block in copy)
            else:
                cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
                columns = [column[0] for column in cursor.description]
                rows[table] = (columns, cursor.fetchall())
    return rows


def _restore(copy: _Copy, tables: list[str]) -> None:
    quote = connection.ops.quote_name
    # The foreign keys are deferred to the commit, so the order of the tables is free.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table in tables:
            saved = copy.tables[table]
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as stream:
                    stream.write(saved)
                continue
            columns, rows = saved
            if rows:
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
        if connection.vendor == "postgresql":
            models = apps.get_models(include_auto_created=True)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    shutil.copytree(copy.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
