from indsats.screening.importers import import_comparison_groups
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Importerer sammenligningsgrupper, ét par pr. linje (kommunekode;sammenligningskommune)."
    importer = staticmethod(import_comparison_groups)
    label = "Sammenligningsgrupper"
