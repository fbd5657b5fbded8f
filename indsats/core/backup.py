"""Backup and restore of the whole service: the database and the uploaded files (C13).

One archive (tar.gz) holds ``manifest.json``, the database and ``media/``. The database
is copied by the database itself, not by dumpdata: SQLite's online backup API (a
consistent copy while the service runs) or ``pg_dump --format=custom``. So the restored
rows are the rows that were there, ids and audit trail included — a dumpdata/loaddata
round trip instead re-saves every object and writes a new audit entry for each.

The manifest records when the backup was made, the SHA-256 of the database copy and of
every file, and which migrations the database had. A restore checks every checksum
before it changes anything, and again for the files it wrote.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection

FORMAT = "indsats-backup/1"
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, for the operator."""


@dataclass(frozen=True)
class RestoreResult:
    files: int
    created_at: str
    unapplied_migrations: list[str]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(path inside MEDIA_ROOT with / separators, absolute path) of every file, sorted."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path.relative_to(root).as_posix(), path


def applied_migrations() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        rows = cursor.fetchall()
    migrations: dict[str, list[str]] = {}
    for app, name in rows:
        migrations.setdefault(app, []).append(name)
    return migrations


def default_archive_name(now: datetime.datetime) -> str:
    return f"indsats-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


# --- backup -------------------------------------------------------------------------


def create_backup(output: Path) -> dict:
    """Write the archive to ``output`` and return its manifest."""
    vendor = _vendor()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="indsats-backup-") as work:
        database_copy = Path(work) / DATABASE_FILES[vendor]
        _dump_database(vendor, database_copy)
        files = list(media_files(media_root))
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
            "database": {
                "vendor": vendor,
                "file": database_copy.name,
                "sha256": sha256_of(database_copy),
            },
            "migrations": applied_migrations(),
            "files": {name: sha256_of(path) for name, path in files},
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            content = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(content), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(content))
            archive.add(database_copy, arcname=database_copy.name)
            for name, path in files:
                archive.add(path, arcname=f"media/{name}")
        partial.replace(output)  # never a half-written archive under the real name
    return manifest


def _vendor() -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")
    return connection.vendor


def _dump_database(vendor: str, target: Path) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # consistent even while others write
        finally:
            copy.close()
    else:
        _run_postgres_tool(["pg_dump", "--format=custom", "--no-owner", f"--file={target}"])


def _run_postgres_tool(command: list[str]) -> None:
    """Run pg_dump/pg_restore against Django's database, with its credentials."""
    database = connection.settings_dict
    environ = {**os.environ, "PGDATABASE": database["NAME"]}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            environ[variable] = str(database[key])
    try:
        result = subprocess.run(  # noqa: S603 - fixed PostgreSQL client, no shell
            command, env=environ, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} was not found: install the PostgreSQL client programs "
            "(Debian: postgresql-client) in the same major version as the server."
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


# --- restore ------------------------------------------------------------------------


def database_is_empty() -> bool:
    """True when the database holds no users: only what the migrations put there."""
    if get_user_model()._meta.db_table not in connection.introspection.table_names():
        return True
    return not get_user_model().objects.exists()


def restore_backup(archive_path: Path, force: bool = False) -> RestoreResult:
    """Put the database and the files of ``archive_path`` in place of the current ones.

    Refuses, before changing anything, when the archive is damaged or from another kind
    of database, or (unless ``force``) when the database or MEDIA_ROOT already hold data.
    """
    vendor = _vendor()
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        if not database_is_empty():
            raise BackupError(
                "The database already holds data (it has users). Restoring would replace "
                "all of it; use --force if that is what you want."
            )
        if next(media_files(media_root), None) is not None:
            raise BackupError(
                f"{media_root} already holds files. Restoring would replace them; "
                "use --force if that is what you want."
            )
    with tempfile.TemporaryDirectory(prefix="indsats-restore-") as work:
        unpacked = Path(work)
        manifest = _unpack_and_verify(archive_path, unpacked)
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"The archive holds a {manifest['database']['vendor']} database; this "
                f"service runs on {vendor}."
            )
        _load_database(vendor, unpacked / manifest["database"]["file"])
        if applied_migrations() != manifest["migrations"]:
            raise BackupError("The restored database does not have the archive's migrations.")
        _replace_media(unpacked / "media", media_root, manifest["files"])
    cache.clear()  # pages cached from the data that was replaced
    return RestoreResult(
        files=len(manifest["files"]),
        created_at=manifest["created_at"],
        unapplied_migrations=_unapplied_migrations(),
    )


def _unpack_and_verify(archive_path: Path, target: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()
            for member in members:
                _check_member(member)
            archive.extractall(target, filter="data")
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BackupError(f"{archive_path} is not a readable backup archive: {exc}") from None
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{archive_path} has no readable {MANIFEST}.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive_path} is not an Indsats backup ({FORMAT}).")
    database = target / manifest["database"]["file"]
    if not database.is_file() or sha256_of(database) != manifest["database"]["sha256"]:
        raise BackupError(f"The database copy in {archive_path} is missing or damaged.")
    unpacked = {name for name, _path in media_files(target / "media")}
    if unpacked != set(manifest["files"]):
        raise BackupError(f"The files in {archive_path} do not match its manifest.")
    for name, checksum in manifest["files"].items():
        if sha256_of(target / "media" / name) != checksum:
            raise BackupError(f"The file {name} in {archive_path} is damaged (checksum).")
    return manifest


def _check_member(member: tarfile.TarInfo) -> None:
    path = PurePosixPath(member.name)
    allowed = member.name in (MANIFEST, *DATABASE_FILES.values()) or (
        path.parts[:1] == ("media",) and ".." not in path.parts and not path.is_absolute()
    )
    if not allowed or not (member.isfile() or member.isdir()):
        raise BackupError(f"The archive holds {member.name!r}, which no backup holds.")


def _load_database(vendor: str, copy: Path) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(copy)
        try:
            source.backup(connection.connection)  # page by page over the live database
        finally:
            source.close()
    else:
        connection.close()  # pg_restore drops tables: hold no locks on them
        _run_postgres_tool(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(copy),
            ]
        )
    connection.close()  # the next query sees the restored database afresh


def _replace_media(source: Path, media_root: Path, checksums: dict[str, str]) -> None:
    if media_root.is_dir():
        for entry in media_root.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    media_root.mkdir(parents=True, exist_ok=True)
    for name in checksums:
        destination = media_root / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, destination)
    for name, checksum in checksums.items():
        if sha256_of(media_root / name) != checksum:
            raise BackupError(f"{name} was not written correctly to {media_root}.")


def _unapplied_migrations() -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
