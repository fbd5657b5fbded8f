from indsats.screening.importers import import_ministerial_requests
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Importerer henvendelser fra ministeren (kommunekode;modtaget;reference;status;bemærkning)."
    )
    importer = staticmethod(import_ministerial_requests)
    label = "Henvendelser fra ministeren"
