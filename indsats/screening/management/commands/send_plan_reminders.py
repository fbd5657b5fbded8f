from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from indsats.screening.reminders import send_plan_reminders


class Command(BaseCommand):
    help = (
        "Sender én påmindelse til Socialstyrelsens indbakke om beredskaber, der snart skal "
        "revideres eller er over fristen. Kan køres hver dag: ingen påmindelse sendes to gange."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-of", type=date.fromisoformat, help="Dato (i dag).")

    def handle(self, *args, as_of=None, **options):
        sent = send_plan_reminders(as_of or timezone.localdate())
        if sent:
            names = ", ".join(item.plan.municipality.name for item in sent)
            self.stdout.write(self.style.SUCCESS(f"Påmindelse sendt om {len(sent)}: {names}."))
        else:
            self.stdout.write("Ingen nye beredskaber at minde om.")
