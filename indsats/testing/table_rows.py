"""Every row of the test database, kept in memory and put back with plain SQL (C13).

Used for data the tests need again and again: the migrations' reference data at the start
of each browser test, and the demo data (``demo_copy``). A few thousand rows are put back
in milliseconds, where Django's serialized rollback or a fresh load take up to seconds.
Both databases: SQLite through SELECT and INSERT, PostgreSQL through COPY, whose text
format gives every type back exactly (json, arrays, times).
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def tables() -> list[str]:
    """Every table of the models, many-to-many tables included, in a fixed order."""
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def counts(names: list[str]) -> tuple[int, ...]:
    """The number of rows in each table, in one query."""
    quote = connection.ops.quote_name
    # Our own table names, quoted: nothing from outside goes into these statements.
    each = ", ".join(f"(SELECT COUNT(*) FROM {quote(name)})" for name in names)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {each}")
        return tuple(cursor.fetchone())


def save(names: list[str]) -> dict[str, object]:
    """The rows of each table, in the database's own format for ``put_back``."""
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for name in names:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(name)} TO STDOUT") as copy:
                    rows[name] = b"".join(bytes(block) for block in copy)
            else:
                cursor.execute(f"SELECT * FROM {quote(name)}")  # noqa: S608
                columns = [column[0] for column in cursor.description]
                rows[name] = (columns, cursor.fetchall())
    return rows


def emptying(names) -> list[str]:
    """Statements that delete every row of the tables ``names``, for one transaction:
    the foreign keys are deferred to its commit, so the order is free. Faster than
    TRUNCATE for tables of a few rows, which PostgreSQL gives new files each time."""
    quote = connection.ops.quote_name
    return [f"DELETE FROM {quote(name)}" for name in names]  # noqa: S608 - our own tables


def put_back(saved: dict[str, object]) -> None:
    """Make the tables hold exactly ``saved``: every other row goes, in one transaction."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in emptying(saved):
            cursor.execute(statement)
        for name, rows in saved.items():
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(name)} FROM STDIN") as stream:
                    stream.write(rows)
                continue
            columns, values = rows
            if values:
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(name)} ({names}) VALUES ({marks})",  # noqa: S608
                    values,
                )
        if connection.vendor == "postgresql":
            # SQLite moves its counters past inserted ids by itself.
            models = apps.get_models(include_auto_created=True)
            cursor.execute(";".join(connection.ops.sequence_reset_sql(no_style(), models)))
