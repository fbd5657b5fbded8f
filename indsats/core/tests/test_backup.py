"""manage.py backup / restore (C13): a round trip gives back every row of every table —
the audit trail included, with the same ids — and every uploaded file, checksum for
checksum; a restore refuses to overwrite data unless told, and refuses a damaged archive."""

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from indsats.applications.documents import add_version
from indsats.applications.models import DocumentKind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POLICY = b"Politik mod vold og overgreb, Fjordbakken\n" * 200


def _every_row() -> dict[str, list[str]]:
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def _every_file() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _wipe():
    # Keep PostgreSQL's sequences where they are: a reset would make the next test's rows
    # collide with the reference data that the test database is given back after this one.
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()


@pytest.fixture
def data(applicant, make_application):
    application = make_application("O1", applicant.organisation, applicant, submitted=True)
    add_version(
        DocumentKind.DRAFT_POLICY,
        file=ContentFile(POLICY, name="politik.pdf"),
        original_name="politik.pdf",
        content_type="application/pdf",
        size=len(POLICY),
        user=applicant,
        application=application,
    )
    assert LogEntry.objects.exists()
    return application


def test_it_restores_every_row_and_every_file_after_a_wipe(data, tmp_path):
    rows, files = _every_row(), _every_file()
    audit_entries = LogEntry.objects.count()
    assert files
    assert rows["auditlog_logentry"]
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115

    _wipe()
    assert not LogEntry.objects.exists()
    assert not _every_file()

    call_command("restore", archive, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    assert _every_file() == files
    assert _every_row() == rows
    assert LogEntry.objects.count() == audit_entries  # not one new entry per object


def test_it_refuses_to_overwrite_data_unless_forced(data, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    rows = _every_row()
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", archive)
    data.reference = "ÆNDRET-EFTER-BACKUP"
    data.save()
    call_command("restore", archive, force=True, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    assert _every_row() == rows


def test_it_refuses_a_damaged_archive_before_changing_anything(data, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member)
            if member.name.startswith("media/"):
                body = content.read().replace(b"Fjordbakken", b"Fjordbakkxn")
                member.size = len(body)
                target.addfile(member, io.BytesIO(body))
            else:
                target.addfile(member, content)
    _wipe()
    with pytest.raises(CommandError, match=r"is damaged \(checksum\)"):
        call_command("restore", damaged)
    assert not LogEntry.objects.exists()  # nothing was restored halfway


def test_it_refuses_an_archive_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore", junk)
