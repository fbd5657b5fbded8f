"""Importers, one module per source. Each reads a whole file before saving anything,
reports every error with its line number (ImportFailed), saves in one transaction, and
changes nothing when the same file comes again."""

from functools import partial

from django.utils.translation import gettext_lazy

from .base import ImportResult
from .boernehus import import_boernehus, import_vulnerable_children
from .csvformat import ImportFailed, LineError
from .plans import import_comparison_groups, import_plans
from .records import import_ministerial_requests, import_press
from .statbank import import_statbank

# What a file can be uploaded for: a SourceKind value, or one of the records below.
IMPORTERS = {
    "statbank_und1": partial(import_statbank, "UND1"),
    "statbank_und3": partial(import_statbank, "UND3"),
    "statbank_folk1a": partial(import_statbank, "FOLK1A"),
    "boernehus": import_boernehus,
    "vulnerable_children": import_vulnerable_children,
    "plans": import_plans,
    "comparison_groups": import_comparison_groups,
    # Records staff would otherwise type in one by one (#10): no DataSource kind of their
    # own, for each record keeps who recorded it and its history in the audit trail.
    "press": import_press,
    "ministerial_requests": import_ministerial_requests,
}
RECORD_IMPORT_LABELS = {
    "press": gettext_lazy("Kritik i pressen"),
    "ministerial_requests": gettext_lazy("Henvendelser fra ministeren"),
}

__all__ = [
    "IMPORTERS",
    "RECORD_IMPORT_LABELS",
    "ImportFailed",
    "ImportResult",
    "LineError",
    "import_boernehus",
    "import_comparison_groups",
    "import_ministerial_requests",
    "import_plans",
    "import_press",
    "import_statbank",
    "import_vulnerable_children",
]
