"""manage.py backup [--output PATH]: the database and the uploaded files in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from indsats.core.backup import BackupError, create_backup, default_archive_name


class Command(BaseCommand):
    help = (
        "Writes one tar.gz archive with the database (SQLite online backup or pg_dump), "
        "the files under MEDIA_ROOT and a manifest with checksums (C13)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the archive (default: var/backups/indsats-backup-<time>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        output = output or settings.VAR_DIR / "backups" / default_archive_name(timezone.now())
        if output.exists():
            raise CommandError(f"{output} exists already; choose another --output.")
        try:
            manifest = create_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup written to {output}: the {manifest['database']['vendor']} database "
            f"and {len(manifest['files'])} files."
        )
