"""Importers, one module per source. Each reads a whole file before saving anything,
reports every error with its line number (ImportFailed), saves in one transaction, and
changes nothing when the same file comes again."""

from functools import partial

from .base import ImportResult
from .boernehus import import_boernehus, import_vulnerable_children
from .csvformat import ImportFailed, LineError
from .plans import import_comparison_groups, import_plans
from .statbank import import_statbank

# The sources a file can be uploaded for, by SourceKind value.
IMPORTERS = {
    "statbank_und1": partial(import_statbank, "UND1"),
    "statbank_und3": partial(import_statbank, "UND3"),
    "statbank_folk1a": partial(import_statbank, "FOLK1A"),
    "boernehus": import_boernehus,
    "vulnerable_children": import_vulnerable_children,
    "plans": import_plans,
    "comparison_groups": import_comparison_groups,
}

__all__ = [
    "IMPORTERS",
    "ImportFailed",
    "ImportResult",
    "LineError",
    "import_boernehus",
    "import_comparison_groups",
    "import_plans",
    "import_statbank",
    "import_vulnerable_children",
]
