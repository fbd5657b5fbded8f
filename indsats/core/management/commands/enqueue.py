"""manage.py enqueue COMMAND [ARGS]: run an import (or a daily job) in the worker (C13).

The arguments are checked here, with the command's own parser, so a mistake is reported at
once; the worker then runs it, and its output or error is kept with the task (admin site:
"Task results"). A file named in the arguments must be readable where the worker runs.
"""

from __future__ import annotations

from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand, CommandError

from indsats.core.tasks import QUEUEABLE_COMMANDS, run_command


class Command(BaseCommand):
    help = (
        "Sætter en import eller et dagligt job i kø til workeren, fx "
        "`enqueue import_statbank --table UND1 --years 2024`."
    )

    def add_arguments(self, parser):
        parser.add_argument("command_name", help=", ".join(sorted(QUEUEABLE_COMMANDS)))
        parser.add_argument("args", nargs="...", help="Kommandoens egne argumenter.")

    def handle(self, *args, command_name, **options):
        if command_name not in QUEUEABLE_COMMANDS:
            raise CommandError(
                f"{command_name} kan ikke sættes i kø. Mulige: "
                + ", ".join(sorted(QUEUEABLE_COMMANDS))
                + "."
            )
        command = load_command_class(get_commands()[command_name], command_name)
        parser = command.create_parser("manage.py", command_name)
        try:
            parser.parse_args(list(args))
        except CommandError as error:
            raise CommandError(f"{command_name}: {error}") from error
        result = run_command.enqueue(command_name, list(args))
        self.stdout.write(f"{command_name} er sat i kø (opgave {result.id}).")
