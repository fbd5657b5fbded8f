"""The demo data in tests: loaded once per test process, copied after that (C13).

Loading the demo data takes seconds (ten years of synthetic statistics, cases with
documents and letters), yet it is only a few thousand rows and a few files. The first
load in a process keeps them; a later load into a database that holds what the first
one held before it (the migrations' reference data) puts the same rows back
(``table_rows``) in milliseconds, on SQLite and on PostgreSQL, inside a transaction or not.

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

from django.conf import settings
from django.db import connection

from indsats.testing import table_rows


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

    tables = table_rows.tables()
    key = (connection.vendor, str(connection.settings_dict["NAME"]), table_rows.counts(tables))
    copy = _copies.get(key)
    if copy is not None:
        table_rows.put_back(copy.tables)
        shutil.copytree(copy.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        return copy.users
    users = load_demo_data()
    media = Path(tempfile.mkdtemp(prefix="indsats-demo-media-"))
    atexit.register(shutil.rmtree, media, ignore_errors=True)
    shutil.copytree(settings.MEDIA_ROOT, media, dirs_exist_ok=True)
    _copies[key] = _Copy(table_rows.save(tables), media, users)
    return users
