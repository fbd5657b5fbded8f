"""The rules of delivering a programme (C6), as pure functions: no ORM, no request.

* **Hours** (O1.1: sparring, advice or teaching of up to 25 hours). The cap comes from
  the programme (a manager may raise it, with a reason). The log warns when the total
  reaches ``WARNING_SHARE`` of the cap — 20 of O1.1's 25 hours — and refuses a new entry
  that would take the total past the cap. A programme without a cap is never refused.
* **Theme days** (O4.1, O4.3 step 7: two connected theme days at the site). Connected
  means consecutive working days — Monday to Friday except Danish public holidays — so a
  Friday and the following Monday are connected, and so are the Wednesday before
  Kristi himmelfartsdag and the Friday after it. A second day that is not connected to
  the first (a gap), or a day on a weekend or holiday, is refused unless a reason is
  given; a third theme day is always refused. A moved day is checked against the other.
* **Dates in order**: no record lies before the programme began; the theme days lie
  between the initial and the closing meeting; the focus group at the end comes after the
  one at the start and after the theme days; minutes are written for a meeting that has
  begun; the feedback on the draft policy is written once the draft has come.
* **Tasks**: a task is overdue when it is not done and its due date is before today.

The views and forms turn the stored records into the plain values these take.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from indsats.core import workdays

# --- Hours (O1.1) -------------------------------------------------------------------------

#: Warn when the logged total reaches this share of the cap: 20 of O1.1's 25 hours.
WARNING_SHARE = Decimal("0.8")
ZERO = Decimal("0")
ONE_PLACE = Decimal("0.1")


def warning_threshold(cap: int | Decimal | None) -> Decimal | None:
    """The total at which the log warns (20.0 for a cap of 25); None without a cap."""
    if cap is None:
        return None
    return (Decimal(cap) * WARNING_SHARE).quantize(ONE_PLACE)


@dataclass(frozen=True)
class HoursStatus:
    """The hours logged on a programme against its cap."""

    total: Decimal
    cap: int | None

    @property
    def warn_at(self) -> Decimal | None:
        return warning_threshold(self.cap)

    @property
    def remaining(self) -> Decimal | None:
        if self.cap is None:
            return None
        return max(Decimal(self.cap) - self.total, ZERO)

    @property
    def warning(self) -> bool:
        """The total has reached the warning threshold (O1.1: 20 hours)."""
        return self.warn_at is not None and self.total >= self.warn_at

    @property
    def reached(self) -> bool:
        """No more hours can be logged without a higher cap."""
        return self.cap is not None and self.total >= self.cap

    @property
    def over(self) -> bool:
        """More is logged than the cap allows (e.g. after the cap was set lower)."""
        return self.cap is not None and self.total > self.cap


@dataclass(frozen=True)
class HoursVerdict:
    """Whether a new entry may be logged, the status it would leave, and what to say."""

    allowed: bool
    after: HoursStatus
    reason: str = ""

    @property
    def warning(self) -> bool:
        return self.allowed and self.after.warning


def check_new_hours(logged_total: Decimal, new_hours: Decimal, cap: int | None) -> HoursVerdict:
    """May ``new_hours`` be logged on top of ``logged_total`` under ``cap`` (O1.1)?

    Refused when the hours are not positive, or when the new total would pass the cap;
    reaching the cap exactly is allowed.
    """
    new_hours = Decimal(new_hours)
    after = HoursStatus(total=Decimal(logged_total) + new_hours, cap=cap)
    if new_hours <= ZERO:
        return HoursVerdict(
            allowed=False,
            after=HoursStatus(total=Decimal(logged_total), cap=cap),
            reason=_("Antallet af timer skal være større end 0."),
        )
    if cap is not None and after.total > cap:
        remaining = max(Decimal(cap) - Decimal(logged_total), ZERO)
        return HoursVerdict(
            allowed=False,
            after=HoursStatus(total=Decimal(logged_total), cap=cap),
            reason=_(
                "Registreringen ville bringe forløbet over timeloftet på %(cap)s timer. Der "
                "er %(remaining)s timer tilbage. En leder kan hæve loftet med en begrundelse."
            )
            % {"cap": cap, "remaining": format_hours(remaining)},
        )
    return HoursVerdict(allowed=True, after=after)


def check_corrected_hours(
    logged_total: Decimal, old_hours: Decimal, new_hours: Decimal, cap: int | None
) -> HoursVerdict:
    """May an entry of ``old_hours`` be corrected to ``new_hours`` (O1.1)? The correction
    replaces the entry: the other entries' total plus the new hours must stay within the
    cap — the cap as it is now, a manager's raise included."""
    return check_new_hours(Decimal(logged_total) - Decimal(old_hours), new_hours, cap)


def hours_warning_text(status: HoursStatus) -> str:
    """The warning shown once the total reaches the threshold; empty before that."""
    if not status.warning:
        return ""
    return _(
        "Forløbet har nu brugt %(total)s af %(cap)s timer. Der er %(remaining)s timer tilbage."
    ) % {
        "total": format_hours(status.total),
        "cap": status.cap,
        "remaining": format_hours(status.remaining),
    }


def format_hours(value: Decimal | None) -> str:
    """A number of hours as the active language writes it: 20, 2,5 (English 2.5)."""
    if value is None:
        return ""
    value = Decimal(value).quantize(ONE_PLACE)
    return number_format(value, decimal_pos=0 if value == value.to_integral() else 1)


# --- Theme days (O4.1, O4.3 step 7) -------------------------------------------------------

MAX_THEME_DAYS = 2


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a Danish public holiday (``core.workdays``)."""
    return workdays.is_working_day(day)


def next_working_day(day: date) -> date:
    """The next working day after ``day`` (Friday → Monday; a holiday is skipped)."""
    return workdays.next_working_day(day)


def are_connected(first: date, second: date) -> bool:
    """Two theme days are connected when they are consecutive working days, in any order."""
    early, late = sorted((first, second))
    return is_working_day(early) and is_working_day(late) and next_working_day(early) == late


@dataclass(frozen=True)
class ThemeDayVerdict:
    """Whether a theme day may be added; ``needs_reason`` when a reason would allow it."""

    allowed: bool
    reason: str = ""
    needs_reason: bool = False


def check_theme_day(existing: Sequence[date], new: date, gap_reason: str = "") -> ThemeDayVerdict:
    """May a theme day on ``new`` be added next to the ``existing`` ones (O4.1)?"""
    existing = list(existing)
    explained = bool((gap_reason or "").strip())
    if len(existing) >= MAX_THEME_DAYS:
        return ThemeDayVerdict(
            allowed=False,
            reason=_("Forløbet har allerede sine to temadage. Der kan ikke tilføjes flere."),
        )
    if new in existing:
        return ThemeDayVerdict(allowed=False, reason=_("Der er allerede en temadag den dag."))
    if not is_working_day(new) and not explained:
        holiday = workdays.holiday_name(new)
        if holiday:
            reason = _(
                "%(date)s er en helligdag (%(holiday)s). Temadage holdes på hverdage. Skriv "
                "en begrundelse, hvis temadagen alligevel skal ligge den dag."
            ) % {"date": date_format(new, "DATE_FORMAT"), "holiday": holiday}
        else:
            reason = _(
                "Temadage holdes på hverdage (mandag til fredag). Skriv en begrundelse, hvis "
                "temadagen alligevel skal ligge i en weekend."
            )
        return ThemeDayVerdict(allowed=False, needs_reason=True, reason=reason)
    if existing and not are_connected(existing[0], new) and not explained:
        return ThemeDayVerdict(
            allowed=False,
            needs_reason=True,
            reason=_(
                "De to temadage skal ligge på hverdage lige efter hinanden (fredag og mandag "
                "tæller som sammenhængende). Skriv en begrundelse, hvis der skal være "
                "mellemrum mellem dagene."
            ),
        )
    return ThemeDayVerdict(allowed=True)


# --- Dates in the order the programme runs (O4.3 steps 5, 7 and 9) -------------------------


def _shown(day: date) -> str:
    return date_format(day, "DATE_FORMAT")


def theme_day_date_problem(
    day: date, initial_meeting: date | None, closing_meeting: date | None
) -> str:
    """Why a theme day cannot lie on ``day``: before the initial meeting, or after the
    closing meeting (the same day is allowed). Empty when the date is in order."""
    if initial_meeting is not None and day < initial_meeting:
        return _("En temadag kan ikke ligge før det indledende møde den %(date)s.") % {
            "date": _shown(initial_meeting)
        }
    if closing_meeting is not None and day > closing_meeting:
        return _("En temadag kan ikke ligge efter det afsluttende møde den %(date)s.") % {
            "date": _shown(closing_meeting)
        }
    return ""


def meeting_date_problem(
    kind: str, day: date, theme_days: Sequence[date], other_meetings: Sequence[tuple[str, date]]
) -> str:
    """Why a meeting of ``kind`` ("initial", "closing", ...) cannot lie on ``day``: the
    initial meeting comes before the theme days and the closing meeting, the closing
    meeting after them. Empty when the date is in order."""
    initials = [when for other_kind, when in other_meetings if other_kind == "initial"]
    closings = [when for other_kind, when in other_meetings if other_kind == "closing"]
    if kind == "initial":
        if theme_days and day > min(theme_days):
            return _("Det indledende møde kan ikke ligge efter den første temadag, %(date)s.") % {
                "date": _shown(min(theme_days))
            }
        if closings and day > min(closings):
            return _("Det indledende møde kan ikke ligge efter det afsluttende møde, %(date)s.") % {
                "date": _shown(min(closings))
            }
    if kind == "closing":
        if theme_days and day < max(theme_days):
            return _(
                "Det afsluttende møde kan ikke ligge før temadagene (den sidste er %(date)s)."
            ) % {"date": _shown(max(theme_days))}
        if initials and day < max(initials):
            return _("Det afsluttende møde kan ikke ligge før det indledende møde, %(date)s.") % {
                "date": _shown(max(initials))
            }
    return ""


def too_early_problem(day: date, earliest: date | None) -> str:
    """Why ``day`` cannot be a record's date: before ``earliest``, the day the programme
    began (it was created when the application was granted). Empty when it is not."""
    if earliest is not None and day < earliest:
        return _("Datoen kan ikke ligge før forløbet begyndte den %(date)s.") % {
            "date": _shown(earliest)
        }
    return ""


def agreed_end_problem(agreed_end: date, meeting_day: date) -> str:
    """The programme's agreed end cannot lie before the meeting that agreed it."""
    if agreed_end < meeting_day:
        return _("Den forventede afslutning kan ikke ligge før mødet den %(date)s.") % {
            "date": _shown(meeting_day)
        }
    return ""


def end_focus_group_date_problem(
    day: date, start_focus_group: date | None, theme_days: Sequence[date]
) -> str:
    """The focus group at the end (O4.1) comes after the one at the start and after the
    theme days. Empty when ``day`` is in order."""
    if start_focus_group is not None and day <= start_focus_group:
        return _(
            "Interviewet ved afslutningen skal ligge efter interviewet ved starten den %(date)s."
        ) % {"date": _shown(start_focus_group)}
    if theme_days and day <= max(theme_days):
        return _(
            "Interviewet ved afslutningen skal ligge efter temadagene (den sidste er %(date)s)."
        ) % {"date": _shown(max(theme_days))}
    return ""


def start_focus_group_date_problem(day: date, end_focus_group: date | None) -> str:
    """The focus group at the start comes before the one at the end (O4.1)."""
    if end_focus_group is not None and day >= end_focus_group:
        return _(
            "Interviewet ved starten skal ligge før interviewet ved afslutningen den %(date)s."
        ) % {"date": _shown(end_focus_group)}
    return ""


def feedback_problem(feedback_written: bool, draft_received: bool) -> str:
    """The Board's feedback on the draft policy (O4.3 step 9) is written once the draft
    has come: from every site of a joint programme."""
    if feedback_written and not draft_received:
        return _(
            "Feedback på udkastet kan først skrives, når udkastet til politik er modtaget "
            "(i et fælles forløb: fra hvert sted)."
        )
    return ""


def task_deadline_problem(due_on: date, today: date) -> str:
    """A new deadline cannot already have passed."""
    if due_on < today:
        return _("Fristen kan ikke ligge før i dag, %(date)s.") % {"date": _shown(today)}
    return ""


def second_initial_meeting_problem(kind: str, other_initial_meetings: Sequence[datetime]) -> str:
    """A programme has one initial meeting: another is refused while one is set (a
    cancelled meeting is deleted, so it no longer counts)."""
    if kind == "initial" and other_initial_meetings:
        return _(
            "Der er allerede et indledende møde: %(when)s. Ret det, eller aflys det først."
        ) % {"when": date_format(min(other_initial_meetings), "DATETIME_FORMAT")}
    return ""


def minutes_problem(meeting_starts: datetime, now: datetime, minutes_written: bool) -> str:
    """Minutes are for a meeting that has begun: refused for one in the future."""
    if minutes_written and meeting_starts > now:
        return _(
            "Der kan først skrives referat, når mødet er holdt. Mødet er sat til %(when)s."
        ) % {"when": date_format(meeting_starts, "DATETIME_FORMAT")}
    return ""


# --- Tasks ---------------------------------------------------------------------------------

T = TypeVar("T")


def is_overdue(due_on: date | None, done: object, today: date) -> bool:
    """Not done (``done`` is falsy, e.g. a done_at of None) and due before today."""
    return not done and due_on is not None and due_on < today
