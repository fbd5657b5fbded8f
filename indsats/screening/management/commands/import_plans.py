from indsats.screening.importers import import_plans
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Importerer beredskaber (kommunekode;godkendt;revideret;offentliggjort;url)."
    importer = staticmethod(import_plans)
    label = "Beredskaber"
