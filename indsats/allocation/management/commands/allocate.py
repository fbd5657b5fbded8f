from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from indsats.allocation.periods import parse_period
from indsats.allocation.rules import OFFERS, AllocationInputError, Plan
from indsats.allocation.simulate import plan_to_json, plan_to_table, simulate

# Bad input ends with exit status 2, as argparse does for bad arguments.
BAD_INPUT = 2


def bad_input(message: str) -> CommandError:
    return CommandError(message, returncode=BAD_INPUT)


class Command(BaseCommand):
    help = (
        "Viser fordelingen af et tilbuds forløb i en periode efter de offentliggjorte "
        "kriterier (C5), med begrundelser. --simulate FIL beregner en tænkt fordeling fra "
        "en JSON-fil uden at røre sagerne."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--simulate", metavar="FIL", help="JSON-fil med tilbud, kapacitet og ansøgninger."
        )
        parser.add_argument("--offer", help="Tilbuddet: O1, O2, O3 eller O4.")
        parser.add_argument("--period", help="Perioden: et år (2027) eller et kvartal (2027-K1).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis kun planen; bekræft og send intet."
        )
        parser.add_argument(
            "--confirm-as",
            metavar="EMAIL",
            help="Bekræft planen som denne leder: afgørelser, venteliste og breve.",
        )
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(self, *args, **options):
        simulating = bool(options["simulate"])
        plan = self._simulate(options) if simulating else self._from_database(options)
        self.stdout.write(self._render(plan, options["format"]), ending="")

    def _render(self, plan: Plan, output_format: str) -> str:
        return plan_to_json(plan) if output_format == "json" else plan_to_table(plan)

    def _simulate(self, options) -> Plan:
        for option in ("offer", "period", "confirm_as"):
            if options[option]:
                raise bad_input(
                    _(
                        "--simulate beregner kun en tænkt fordeling fra filen; "
                        "brug ikke --%(option)s."
                    )
                    % {"option": option.replace("_", "-")}
                )
        path = Path(options["simulate"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise bad_input(
                _("Filen %(path)s kan ikke læses: %(problem)s") % {"path": path, "problem": exc}
            ) from None
        try:
            return simulate(text)
        except AllocationInputError as exc:
            raise bad_input(str(exc)) from None

    def _from_database(self, options) -> Plan:
        offer = (options["offer"] or "").strip().upper()
        if not offer or not options["period"]:
            raise bad_input(_("Angiv --offer og --period, eller --simulate FIL."))
        if offer not in OFFERS:
            raise bad_input(
                _("Ukendt tilbud »%(offer)s«; vælg O1, O2, O3 eller O4.")
                % {"offer": options["offer"]}
            )
        try:
            period = parse_period(options["period"])
        except ValueError as exc:
            raise bad_input(str(exc)) from None
        # Imported here so that --simulate needs nothing but the pure core.
        from indsats.allocation import confirmation, services

        if options["dry_run"] or not options["confirm_as"]:
            plan = services.plan_for_period(offer, period)
            if not options["dry_run"]:
                self.stderr.write(
                    _("Planen er ikke bekræftet. Bekræft den med --confirm-as EMAIL.")
                )
            return plan
        user = self._manager(options["confirm_as"])
        try:
            plan = confirmation.confirm_plan(offer, period, user)
        except (AllocationInputError, PermissionDenied, ValueError) as exc:
            raise bad_input(str(exc) or _("Brugeren må ikke bekræfte planen.")) from None
        self.stderr.write(
            _("Planen for %(offer)s, %(period)s er bekræftet af %(email)s.")
            % {"offer": offer, "period": period.label, "email": user.email}
        )
        return plan

    def _manager(self, email: str):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise bad_input(_("Der er ingen bruger med e-mailen %(email)s.") % {"email": email})
        return user
