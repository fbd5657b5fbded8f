import json
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from indsats.screening.importers import import_statbank
from indsats.screening.importers.statbank import TABLES
from indsats.screening.management.importing import read_file, run_import
from indsats.screening.models import ScreeningSettings
from indsats.screening.statbank import StatbankClient, StatbankError, data_request, query_for


class Command(BaseCommand):
    help = (
        "Importerer UND1, UND3 eller FOLK1A fra Danmarks Statistik: fra en hentet CSV-fil "
        "(--file) eller direkte fra Statistikbankens API (--years)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--table", required=True, choices=sorted(TABLES), type=str.upper)
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", help="En CSV-fil hentet fra Statistikbanken.")
        source.add_argument(
            "--years",
            nargs="+",
            type=int,
            help="Hent disse år fra API'et (FOLK1A: kvartalet fra indstillingerne).",
        )
        source.add_argument(
            "--tableinfo", action="store_true", help="Vis kun tabellens variable og koder."
        )
        parser.add_argument("--api-url", default=None, help="Et andet API-endepunkt (test).")

    def handle(self, *args, table, file=None, years=None, tableinfo=False, api_url=None, **opts):
        client = StatbankClient(api_url or settings.STATBANK_API_URL)
        importer = partial(import_statbank, table)
        try:
            if tableinfo:
                info = client.tableinfo(table)
                self.stdout.write(json.dumps(info, ensure_ascii=False, indent=2))
                return
            if file:
                run_import(self, importer, read_file(file), Path(file).name, table)
                return
            periods = [str(year) for year in years]
            info = None
            if table == "FOLK1A":
                quarter = ScreeningSettings.current().child_count_quarter
                periods = [f"{year}K{quarter}" for year in years]
            elif table == "UND3":
                info = client.tableinfo(table)
            variables = query_for(table, periods, info)
            self.stderr.write(f"Henter {table} for {', '.join(periods)} …")
            data = client.data_csv(table, variables)
        except StatbankError as exc:
            raise CommandError(f"Statistikbanken svarede ikke som ventet: {exc}") from exc
        body = json.dumps(data_request(table, variables), ensure_ascii=False)
        run_import(self, importer, data, f"{client.url_for('data')} {body}", table)
