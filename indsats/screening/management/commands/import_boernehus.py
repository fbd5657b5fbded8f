from indsats.screening.importers import import_boernehus
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Importerer påbegyndte børnehussager pr. kommune og år (kommunekode;år;påbegyndte_sager)."
    )
    importer = staticmethod(import_boernehus)
    label = "Børnehussager"
