"""The two municipalities whose official name is not "<name> Kommune": their applicant
organisations are renamed from the generated name, unless someone has renamed them."""

from django.db import migrations

RENAMED = {
    "København": ("København Kommune", "Københavns Kommune"),
    "Bornholm": ("Bornholm Kommune", "Bornholms Regionskommune"),
}


def rename(apps, schema_editor, *, backwards=False):
    Organisation = apps.get_model("organisations", "Organisation")
    for municipality_name, (generated, official) in RENAMED.items():
        old, new = (official, generated) if backwards else (generated, official)
        Organisation.objects.filter(
            kind="municipality", municipality__name=municipality_name, name=old
        ).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_municipal_contacts")]
    operations = [migrations.RunPython(rename, rename_back)]
