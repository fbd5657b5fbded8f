"""manage.py restore ARCHIVE [--force]: put a backup's database and files back."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indsats.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores the database and the files under MEDIA_ROOT from an archive made by "
        "`manage.py backup`, after checking every checksum. Refuses to replace a database "
        "or MEDIA_ROOT that already holds data unless --force is given (C13)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data that is there now (it is lost).",
        )

    def handle(self, *args, archive, force=False, **options):
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        try:
            result = restore_backup(archive, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored the backup made {result.created_at}: the database and {result.files} files."
        )
        if result.unapplied_migrations:
            self.stdout.write(
                "The backup is older than this code: run `manage.py migrate` before serving "
                f"({len(result.unapplied_migrations)} migrations to apply)."
            )
