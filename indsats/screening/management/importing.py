"""What the import commands share: reading the file, the progress bar, and errors."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ..importers import ImportFailed
from .progress import ProgressBar


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"Filen {path} kan ikke læses: {exc.strerror}.") from exc


def run_import(command: BaseCommand, importer, data: bytes, origin: str, label: str):
    """Import and print the summary; an ImportFailed becomes a CommandError listing lines."""
    try:
        result = importer(data, origin, progress=ProgressBar(command.stderr, label))
    except ImportFailed as failure:
        raise CommandError(
            "Intet er importeret. Ret filen og prøv igen:\n"
            + "\n".join(str(error) for error in failure.errors)
        ) from failure
    command.stdout.write(command.style.SUCCESS(result.summary()))
    return result


class ImportCommand(BaseCommand):
    """``manage.py <command> FILE``: import one file with ``importer``."""

    importer = None
    label = ""

    def add_arguments(self, parser):
        parser.add_argument("path", help="Stien til CSV-filen (UTF-8, semikolon).")

    def handle(self, *args, path, **options):
        data = read_file(path)
        run_import(self, type(self).importer, data, Path(path).name, self.label)
