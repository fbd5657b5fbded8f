"""Load the 5 regions and 98 municipalities with their official codes, the Board, and one
applicant organisation per municipality, so that every fresh database has them."""

import csv
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _rows(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def load(apps, schema_editor):
    Region = apps.get_model("organisations", "Region")
    Municipality = apps.get_model("organisations", "Municipality")
    Organisation = apps.get_model("organisations", "Organisation")
    regions = {}
    for row in _rows("regioner.csv"):
        regions[row["kode"]], _ = Region.objects.update_or_create(
            code=row["kode"], defaults={"name": row["navn"]}
        )
    for row in _rows("kommuner.csv"):
        municipality, _ = Municipality.objects.update_or_create(
            code=row["kode"],
            defaults={"name": row["navn"], "region": regions[row["regionskode"]]},
        )
        Organisation.objects.get_or_create(
            kind="municipality",
            municipality=municipality,
            defaults={"name": f"{municipality.name} Kommune"},
        )
    Organisation.objects.get_or_create(kind="board", defaults={"name": "Socialstyrelsen"})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
