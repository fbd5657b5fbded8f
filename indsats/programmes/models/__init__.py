"""The programmes app's models: the programme and its completed steps (core), and the
records of delivering it — meetings, theme days, focus groups, hours, goals, tasks and
the programme's own texts (delivery)."""

from .core import Programme, ProgrammeStatus, StepRecord
from .delivery import (
    FocusGroup,
    FocusGroupPhase,
    Goal,
    HourEntry,
    Meeting,
    MeetingKind,
    ProgrammeRecord,
    Task,
    ThemeDay,
    effective_hour_cap,
    hours_summary,
    initial_meeting_minutes_template,
)

__all__ = [
    "FocusGroup",
    "FocusGroupPhase",
    "Goal",
    "HourEntry",
    "Meeting",
    "MeetingKind",
    "Programme",
    "ProgrammeRecord",
    "ProgrammeStatus",
    "StepRecord",
    "Task",
    "ThemeDay",
    "effective_hour_cap",
    "hours_summary",
    "initial_meeting_minutes_template",
]
