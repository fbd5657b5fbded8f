from indsats.screening.importers import import_press
from indsats.screening.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Importerer kritik i pressen (kommunekode;dato;medie;link;resumé)."
    importer = staticmethod(import_press)
    label = "Kritik i pressen"
