from indsats.screening.importers import import_vulnerable_children
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Importerer andelen af sårbare børn pr. kommune og år (kommunekode;år;andel_sårbare_pct)."
    )
    importer = staticmethod(import_vulnerable_children)
    label = "Sårbare børn"
