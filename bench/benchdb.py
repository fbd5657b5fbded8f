"""The benchmarks' own database (#11, C13), set up before Django is.

PostgreSQL when DATABASE_URL is set: the same server, but always the database
``indsats_bench`` (created or emptied here), never the one DATABASE_URL names. Otherwise a
SQLite file in a temporary folder. Either way the bench never touches var/ or a test
database. Import this module first, then call ``setup()``; it runs ``django.setup()``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_DATABASE = "indsats_bench"
SQLITE_FILE = Path(tempfile.gettempdir()) / "indsats-bench" / "bench.sqlite3"


def bench_database_url() -> str:
    """The address of the bench database (see the module's docstring)."""
    given = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if given.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(given)
        return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{SQLITE_FILE}"


def _recreate_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def setup(*, fresh: bool = False, quiet: bool = True) -> str:
    """Point Django at the bench database, optionally empty it first, migrate; return its URL.

    DEBUG is off (as in production), so Django keeps no list of every query in memory.
    """
    url = bench_database_url()
    if fresh:
        if url.startswith("postgres"):
            _recreate_postgres(url)
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indsats.settings")
    os.environ.setdefault("DEBUG", "off")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0 if quiet else 1, interactive=False)
    return url


def describe(url: str) -> str:
    """The database for a report, without any password."""
    if url.startswith("postgres"):
        parts = urlsplit(url)
        return f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{BENCH_DATABASE}"
    return f"SQLite {SQLITE_FILE}"
