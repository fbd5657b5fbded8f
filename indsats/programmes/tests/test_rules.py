"""The rules of delivering a programme on their own (C6; no database): the hours cap
(O1.1), the two connected theme days (O4.1, O4.3 step 7) and overdue tasks."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from indsats.programmes import rules

MONDAY = date(2027, 3, 1)
TUESDAY = date(2027, 3, 2)
WEDNESDAY = date(2027, 3, 3)
FRIDAY = date(2027, 3, 5)
SATURDAY = date(2027, 3, 6)
NEXT_MONDAY = date(2027, 3, 8)
NEXT_TUESDAY = date(2027, 3, 9)

hours = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("30"), places=1)
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
working_days = days.filter(rules.is_working_day)


def D(text):
    return Decimal(text)


# --- Hours (O1.1) ---------------------------------------------------------------------------


def test_it_warns_when_the_total_reaches_20_of_25_hours():
    """O1.1: up to 25 hours; the log warns at 20."""
    assert not rules.check_new_hours(D("15"), D("4.5"), 25).warning
    verdict = rules.check_new_hours(D("15"), D("5"), 25)
    assert verdict.allowed
    assert verdict.warning
    assert verdict.after.total == D("20")
    assert "20 af 25 timer" in str(rules.hours_warning_text(verdict.after))


def test_it_refuses_an_entry_that_would_pass_the_25_hour_cap():
    """O1.1 / C6: a new entry past the cap is refused, and the reason names the cap."""
    verdict = rules.check_new_hours(D("24"), D("1.5"), 25)
    assert not verdict.allowed
    assert "25" in str(verdict.reason)
    assert verdict.after.total == D("24")  # nothing is added


def test_it_allows_reaching_the_cap_exactly():
    """O1.1: 'up to 25 hours' includes the 25th."""
    verdict = rules.check_new_hours(D("24"), D("1"), 25)
    assert verdict.allowed
    assert verdict.after.reached
    assert not verdict.after.over


def test_it_allows_more_hours_after_the_cap_is_raised():
    """C6: a manager may raise the cap; the same entry is then allowed."""
    assert not rules.check_new_hours(D("25"), D("3"), 25).allowed
    assert rules.check_new_hours(D("25"), D("3"), 30).allowed


def test_it_never_refuses_hours_on_a_programme_without_a_cap():
    """C6: only offers with a cap (O1.1) limit the hours."""
    verdict = rules.check_new_hours(D("300"), D("8"), None)
    assert verdict.allowed
    assert not verdict.warning
    assert rules.warning_threshold(None) is None


def test_it_refuses_zero_or_negative_hours():
    """C6: an entry in the hours log is hours actually given."""
    assert not rules.check_new_hours(D("0"), D("0"), 25).allowed
    assert not rules.check_new_hours(D("0"), D("-1"), 25).allowed


@given(logged=st.lists(hours, max_size=8), new=hours, cap=st.integers(min_value=1, max_value=60))
def test_it_allows_an_entry_exactly_when_the_new_total_stays_within_the_cap(logged, new, cap):
    """O1.1: the cap is never passed, and nothing under it is refused."""
    total = sum(logged, D("0"))
    verdict = rules.check_new_hours(total, new, cap)
    assert verdict.allowed == (total + new <= cap)
    if verdict.allowed:
        assert verdict.after.total == total + new
        assert verdict.warning == (total + new >= rules.warning_threshold(cap))


@given(cap=st.integers(min_value=1, max_value=200))
def test_it_warns_before_the_cap_is_reached(cap):
    """O1.1: the warning comes at or before the cap, never after it (20 of 25)."""
    threshold = rules.warning_threshold(cap)
    assert threshold <= cap
    assert rules.HoursStatus(total=Decimal(cap), cap=cap).warning


# --- Theme days (O4.1, O4.3 step 7) ---------------------------------------------------------


def test_it_accepts_two_consecutive_working_days():
    """O4.1: two connected theme days."""
    assert rules.check_theme_day([MONDAY], TUESDAY).allowed
    assert rules.check_theme_day([TUESDAY], MONDAY).allowed  # in either order


def test_it_counts_friday_and_the_following_monday_as_connected():
    """O4.1: connected means consecutive working days, so Friday → Monday is connected."""
    assert rules.are_connected(FRIDAY, NEXT_MONDAY)
    assert rules.check_theme_day([FRIDAY], NEXT_MONDAY).allowed


def test_it_refuses_a_gap_between_the_theme_days_without_a_reason():
    """C6: 'a gap is refused unless a reason is given'."""
    verdict = rules.check_theme_day([MONDAY], WEDNESDAY)
    assert not verdict.allowed
    assert verdict.needs_reason
    assert not rules.check_theme_day([MONDAY], WEDNESDAY, "   ").allowed
    assert not rules.check_theme_day([FRIDAY], NEXT_TUESDAY).allowed


def test_it_accepts_a_gap_when_a_reason_is_given():
    """C6: a gap with a reason is accepted."""
    assert rules.check_theme_day([MONDAY], WEDNESDAY, "Stedet holder personalemøde").allowed


def test_it_refuses_a_weekend_theme_day_without_a_reason():
    """O4.1: theme days are on working days; a weekend day needs a reason."""
    assert not rules.check_theme_day([], SATURDAY).allowed
    assert rules.check_theme_day([], SATURDAY, "Weekendseminar").allowed
    assert not rules.are_connected(FRIDAY, SATURDAY)


def test_it_refuses_a_third_theme_day_even_with_a_reason():
    """O4.1: two theme days, no more."""
    verdict = rules.check_theme_day([MONDAY, TUESDAY], WEDNESDAY, "Ekstra dag")
    assert not verdict.allowed
    assert not verdict.needs_reason


def test_it_refuses_two_theme_days_on_the_same_date():
    """O4.1: two days, not one day twice."""
    assert not rules.check_theme_day([MONDAY], MONDAY, "grund").allowed


@given(day=working_days)
def test_it_connects_every_working_day_with_the_next(day):
    """O4.1: the next working day is always connected, whichever is added first."""
    following = rules.next_working_day(day)
    assert rules.is_working_day(following)
    # Three days over a weekend; six over Easter (Wednesday to the Tuesday after).
    assert 1 <= (following - day).days <= 6
    assert rules.check_theme_day([day], following).allowed
    assert rules.check_theme_day([following], day).allowed


@given(first=working_days, second=working_days)
def test_it_asks_for_a_reason_exactly_when_the_days_are_not_consecutive(first, second):
    """C6: without a reason, a pair of working days is accepted iff they are connected;
    with a reason, any two different days are accepted."""
    assume(first != second)
    connected = rules.next_working_day(min(first, second)) == max(first, second)
    assert rules.check_theme_day([first], second).allowed == connected
    assert rules.check_theme_day([first], second, "Aftalt med stedet").allowed


@given(existing=st.lists(days, min_size=2, max_size=2, unique=True), new=days)
def test_it_never_allows_more_than_two_theme_days(existing, new):
    """O4.1: a third theme day is refused whatever the dates or reason."""
    assert not rules.check_theme_day(existing, new, "grund").allowed


# --- Tasks -----------------------------------------------------------------------------------


@dataclass
class FakeTask:
    due_on: date
    done_at: object = None


def test_it_marks_a_task_overdue_only_after_its_due_date():
    """C6: tasks with due dates and an overdue view."""
    today = WEDNESDAY
    assert rules.is_overdue(TUESDAY, None, today)
    assert not rules.is_overdue(WEDNESDAY, None, today)  # due today is not late yet
    assert not rules.is_overdue(TUESDAY, "2027-03-02T10:00", today)  # done


@given(due=days, today=days, done=st.booleans())
def test_it_never_calls_a_done_task_overdue(due, today, done):
    """C6: a done task is never overdue; an open one is exactly when its date has passed."""
    overdue = rules.is_overdue(due, "done" if done else None, today)
    assert overdue == (not done and due < today)
    assert rules.is_overdue(due, None, due + timedelta(days=1))


# --- Danish public holidays (C6, issue #9) --------------------------------------------------

ASCENSION_2027 = date(2027, 5, 6)  # Kristi himmelfartsdag, a Thursday


def test_it_refuses_a_theme_day_on_a_danish_public_holiday_without_a_reason():
    """C6: a theme day on Kristi himmelfartsdag 2027 is not on a working day; the reason
    names the holiday."""
    assert not rules.is_working_day(ASCENSION_2027)
    verdict = rules.check_theme_day([], ASCENSION_2027)
    assert not verdict.allowed
    assert verdict.needs_reason
    assert "Kristi himmelfartsdag" in str(verdict.reason)
    assert rules.check_theme_day([], ASCENSION_2027, "Stedet holder åbent").allowed


def test_it_connects_the_days_either_side_of_a_holiday():
    """C6: the holiday counts like a weekend, so Wednesday and Friday are connected, and
    Wednesday and the holiday itself are not."""
    assert rules.are_connected(ASCENSION_2027 - timedelta(days=1), ASCENSION_2027 + timedelta(1))
    assert not rules.are_connected(ASCENSION_2027 - timedelta(days=1), ASCENSION_2027)


@given(day=days)
def test_it_never_calls_a_holiday_a_working_day(day):
    """C6: public holidays count like weekends in the theme-day rule."""
    from indsats.core import workdays

    if workdays.is_public_holiday(day):
        assert not rules.is_working_day(day)
        assert not rules.check_theme_day([], day).allowed


# --- Dates in order (C6, issue #9) ----------------------------------------------------------


def test_it_refuses_a_theme_day_before_the_initial_meeting_and_names_its_date():
    """C6: theme days come after the initial meeting (O4.3 steps 5 and 7)."""
    problem = rules.theme_day_date_problem(MONDAY, initial_meeting=TUESDAY, closing_meeting=None)
    assert "før det indledende møde" in str(problem)
    assert "2. marts 2027" in str(problem)
    assert rules.theme_day_date_problem(TUESDAY, TUESDAY, None) == ""


def test_it_refuses_a_theme_day_after_the_closing_meeting():
    """C6: the closing meeting (O4.3 step 9) comes after the theme days."""
    assert rules.theme_day_date_problem(FRIDAY, MONDAY, closing_meeting=WEDNESDAY)
    assert rules.theme_day_date_problem(WEDNESDAY, MONDAY, closing_meeting=WEDNESDAY) == ""


def test_it_refuses_a_closing_meeting_before_the_theme_days():
    """C6: 'a closing meeting not before the theme days'."""
    problem = rules.meeting_date_problem("closing", MONDAY, [TUESDAY, WEDNESDAY], [])
    assert "før temadagene" in str(problem)
    assert rules.meeting_date_problem("closing", WEDNESDAY, [TUESDAY, WEDNESDAY], []) == ""


def test_it_refuses_an_initial_meeting_moved_past_the_first_theme_day():
    """C6: the initial meeting cannot be moved after the theme days or the closing meeting."""
    assert rules.meeting_date_problem("initial", WEDNESDAY, [TUESDAY], [])
    assert rules.meeting_date_problem("initial", FRIDAY, [], [("closing", WEDNESDAY)])
    assert rules.meeting_date_problem("other", FRIDAY, [TUESDAY], [("closing", MONDAY)]) == ""


def test_it_refuses_minutes_for_a_meeting_in_the_future():
    """C6: 'minutes not for a meeting in the future'; an empty text is no minutes."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    now = datetime(2027, 3, 1, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))
    later = now + timedelta(hours=2)
    assert "kl. 14.00" in str(rules.minutes_problem(later, now, minutes_written=True))
    assert rules.minutes_problem(later, now, minutes_written=False) == ""
    assert rules.minutes_problem(now, now, minutes_written=True) == ""


@given(
    initial=st.none() | days,
    closing=st.none() | days,
    day=days,
)
def test_it_accepts_a_theme_day_exactly_between_the_meetings(initial, closing, day):
    """C6: refused exactly when before the initial or after the closing meeting."""
    out_of_order = (initial is not None and day < initial) or (
        closing is not None and day > closing
    )
    assert bool(rules.theme_day_date_problem(day, initial, closing)) == out_of_order


@given(theme_days=st.lists(days, max_size=2), day=days)
def test_it_accepts_a_closing_meeting_exactly_when_no_theme_day_is_later(theme_days, day):
    """C6: the closing meeting is never before a theme day."""
    refused = bool(rules.meeting_date_problem("closing", day, theme_days, []))
    assert refused == any(theme_day > day for theme_day in theme_days)


# --- Corrected hours (C6, issue #9) ---------------------------------------------------------


def test_it_allows_a_correction_that_stays_within_the_cap_with_the_other_entries():
    """C6 / O1.1: 24 logged, of which a 4-hour entry is corrected to 5: 25, allowed."""
    assert rules.check_corrected_hours(D("24"), D("4"), D("5"), 25).allowed
    assert not rules.check_corrected_hours(D("24"), D("4"), D("5.5"), 25).allowed
    assert rules.check_corrected_hours(D("24"), D("4"), D("5.5"), 30).allowed  # raised cap


@given(
    others=st.lists(hours, max_size=6),
    old=hours,
    new=hours,
    cap=st.none() | st.integers(min_value=1, max_value=60),
)
def test_it_allows_a_correction_exactly_when_the_new_total_stays_within_the_cap(
    others, old, new, cap
):
    """C6 / O1.1: a correction replaces the entry; the rule is the new entry's rule."""
    total = sum(others, D("0")) + old
    verdict = rules.check_corrected_hours(total, old, new, cap)
    assert verdict.allowed == (cap is None or sum(others, D("0")) + new <= cap)
    if verdict.allowed:
        assert verdict.after.total == sum(others, D("0")) + new


def test_it_writes_the_hours_in_its_messages_as_the_language_does():
    """C11 (#9): "2,5" in Danish, "2.5" in English, never the Python value."""
    from django.utils import translation

    status = rules.HoursStatus(total=D("22.5"), cap=25)
    with translation.override("da"):
        assert "22,5 af 25 timer" in str(rules.hours_warning_text(status))
        assert "2,5 timer tilbage" in str(rules.hours_warning_text(status))
    with translation.override("en"):
        text = str(rules.hours_warning_text(status))
    assert "22.5" in text
    assert "2.5" in text
    assert "22,5" not in text
