"""The screening's data (C7): imported statistics with their sources, the records staff keep
per municipality, the settings, and every run with its parameters and data versions."""

from .data import ComparisonGroup, DataSource, Measure, SourceKind, StatisticValue
from .records import MinisterialRequest, PreparednessPlan, PressCriticism, RequestStatus
from .screening import Decision, PlanReminder, ScreeningDecision, ScreeningRun, ScreeningSettings

__all__ = [
    "ComparisonGroup",
    "DataSource",
    "Decision",
    "Measure",
    "MinisterialRequest",
    "PlanReminder",
    "PreparednessPlan",
    "PressCriticism",
    "RequestStatus",
    "ScreeningDecision",
    "ScreeningRun",
    "ScreeningSettings",
    "SourceKind",
    "StatisticValue",
]
