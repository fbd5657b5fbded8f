from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from indsats.accounts.models import Role, User
from indsats.core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, load_demo_data


class Command(BaseCommand):
    help = "Indlæser demodata (fiktive personer og steder) og udskriver et login pr. rolle."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Gør kun noget, hvis databasen endnu ikke har brugere.",
        )

    def handle(self, *args, if_empty=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Demodata må ikke indlæses i produktion (INDSATS_MODE=production).")
        if if_empty and User.objects.exists():
            self.stdout.write("Databasen har allerede brugere; demodata indlæses ikke igen.")
        else:
            load_demo_data()
        self.print_logins()

    def print_logins(self):
        present = set(
            User.objects.filter(email__in=[d.email for d in DEMO_USERS]).values_list(
                "email", flat=True
            )
        )
        if not present:
            self.stdout.write("Der er ingen demo-logins i denne database.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Demo-logins (adgangskode for alle: {DEMO_PASSWORD})")
        )
        labels = dict(Role.choices)
        for demo in DEMO_USERS:
            if demo.email in present:
                self.stdout.write(f"  {labels[demo.role]:<16} {demo.email}")
        grouped = " ".join(DEMO_TOTP_SECRET[i : i + 4] for i in range(0, len(DEMO_TOTP_SECRET), 4))
        self.stdout.write(
            "Socialstyrelsens medarbejdere bekræfter login med en kode fra en godkendelsesapp.\n"
            f"  Demo-nøgle (den samme for alle medarbejder-logins): {grouped}\n"
            f"  Til appen: otpauth://totp/Indsats:demo?secret={DEMO_TOTP_SECRET}&issuer=Indsats\n"
            '  Koden lige nu: .venv/bin/python -c "import pyotp; '
            f"print(pyotp.TOTP('{DEMO_TOTP_SECRET}').now())\""
        )
