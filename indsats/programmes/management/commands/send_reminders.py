from django.core.management.base import BaseCommand
from django.utils import timezone

from indsats.programmes.reminders import due_task_reminders, meeting_reminders


class Command(BaseCommand):
    help = (
        "Sender dagens påmindelser om opgaver, der forfalder, og møder i morgen. "
        "Kan køres flere gange samme dag uden at sende noget to gange."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        tasks = due_task_reminders(today)
        meetings = meeting_reminders(today)
        self.stdout.write(f"Påmindelser sendt: {tasks} om opgaver, {meetings} om møder.")
