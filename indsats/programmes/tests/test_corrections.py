"""Correcting, moving and cancelling a programme's records, with history (C6, C10; #9):
the rules are checked again on every change, a reason is kept in the audit trail, dates
must come in the programme's order, and two people never overwrite each other."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.programmes.models import Goal, HourEntry, Meeting, Task, ThemeDay
from indsats.programmes.tests.dates import began_long_ago
from indsats.programmes.timeline import timeline_for
from indsats.testing.factories import new_programme

pytestmark = pytest.mark.django_db

MONDAY = date(2030, 3, 4)
TUESDAY = date(2030, 3, 5)
THURSDAY = date(2030, 3, 7)
ASCENSION_2027 = date(2027, 5, 6)  # Kristi himmelfartsdag


@pytest.fixture
def programme(placement_site):
    """An O4 programme of Opholdsstedet Granbakken."""
    return began_long_ago(new_programme("O4", placement_site, "OK-2030-0009"))


@pytest.fixture
def o1_programme(aarhus):
    """An O1 Temaforløb of Aarhus Kommune with O1.1's cap of 25 hours."""
    return began_long_ago(new_programme("O1", aarhus, "TF-2030-0009", hour_cap=25))


def _url(name, programme, *more):
    return reverse(f"programmes:{name}", args=[programme.pk, *more])


def _day_data(day, **changes):
    data = {"date": day.isoformat(), "place": "Granbakken", "topics": "Lovgivning"}
    return {"gap_reason": "", "version": 1, **data, **changes}


def _logged_reasons(record) -> list[str]:
    """The reasons the audit trail holds for ``record``, oldest first."""
    entries = LogEntry.objects.get_for_object(record).order_by("timestamp", "pk")
    return [
        entry.changes_dict["change_reason"][1]
        for entry in entries
        if entry.action == LogEntry.Action.UPDATE and "change_reason" in entry.changes_dict
    ]


def _at_ten(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=10))


# --- Theme days -----------------------------------------------------------------------------


def test_it_refuses_a_moved_theme_day_that_breaks_the_connected_days_rule(
    client, consultant, programme
):
    """C6 (#9): 'a moved theme day breaking the connected-days rule is refused and the old
    date kept' — at the field, with the reason that explains the rule."""
    ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken")
    second = ThemeDay.objects.create(programme=programme, date=TUESDAY, place="Granbakken")
    client.force_login(consultant)
    response = client.post(
        _url("theme_day_edit", programme, second.pk),
        _day_data(THURSDAY, change_reason="Stedet har personalemøde tirsdag"),
    )
    assert response.status_code == 200
    assert "lige efter hinanden" in str(response.context["form"].errors["gap_reason"])
    second.refresh_from_db()
    assert second.date == TUESDAY
    assert second.version == 1


def test_it_moves_a_theme_day_with_a_reason_and_keeps_the_reason_in_the_audit_trail(
    client, consultant, programme
):
    """C6, C10 (#9): a move needs a reason; the trail shows the old and new date and why."""
    first = ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken")
    client.force_login(consultant)
    no_reason = client.post(_url("theme_day_edit", programme, first.pk), _day_data(THURSDAY))
    assert no_reason.status_code == 200
    assert "hvorfor temadagen flyttes" in str(no_reason.context["form"].errors["change_reason"])
    moved = client.post(
        _url("theme_day_edit", programme, first.pk),
        _day_data(THURSDAY, change_reason="Lederen er syg mandag"),
    )
    assert moved.status_code == 302
    first.refresh_from_db()
    assert (first.date, first.version) == (THURSDAY, 2)
    assert _logged_reasons(first) == ["Lederen er syg mandag"]
    entry = LogEntry.objects.get_for_object(first).latest("timestamp")
    assert entry.changes_dict["date"] == [MONDAY.isoformat(), THURSDAY.isoformat()]
    assert "version" not in entry.changes_dict  # no counter in the history (#9)


def test_it_refuses_a_theme_day_before_the_initial_meeting_at_the_date(
    client, consultant, programme
):
    """C6 (#9): 'theme days not before the initial meeting' — refused at its field."""
    Meeting.objects.create(
        programme=programme, kind="initial", starts_at=_at_ten(TUESDAY), place="Granbakken"
    )
    client.force_login(consultant)
    response = client.post(_url("theme_day_add", programme), _day_data(MONDAY, version=""))
    assert response.status_code == 200
    assert "før det indledende møde den 5. marts 2030" in str(
        response.context["form"].errors["date"]
    )
    assert not programme.theme_days.exists()


def test_it_refuses_a_theme_day_on_a_danish_public_holiday_without_a_reason(
    client, consultant, programme
):
    """C6 (#9): Kristi himmelfartsdag 2027 is not a working day."""
    client.force_login(consultant)
    response = client.post(_url("theme_day_add", programme), _day_data(ASCENSION_2027))
    assert response.status_code == 200
    assert "Kristi himmelfartsdag" in str(response.context["form"].errors["gap_reason"])
    assert not programme.theme_days.exists()


def test_it_tells_the_second_of_two_moving_a_theme_day_and_overwrites_nothing(
    client, consultant, manager, programme
):
    """C6 concurrency (#9): the second save gets 409 and keeps what was typed."""
    day = ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken")
    client.force_login(consultant)
    client.post(
        _url("theme_day_edit", programme, day.pk),
        _day_data(MONDAY, place="Festsalen", change_reason="Større lokale"),
    )
    client.force_login(manager)
    response = client.post(
        _url("theme_day_edit", programme, day.pk),
        _day_data(MONDAY, place="Kantinen", change_reason="Billigere"),
    )
    assert response.status_code == 409
    assert "Kantinen" in response.content.decode()
    day.refresh_from_db()
    assert day.place == "Festsalen"


def test_it_cancels_a_theme_day_with_a_reason_and_keeps_it_in_the_programme_history(
    client, consultant, programme
):
    """C6, C10 (#9): the cancelled day is gone; the reason and the deletion stay."""
    day = ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken")
    client.force_login(consultant)
    no_reason = client.post(_url("theme_day_cancel", programme, day.pk), {"version": 1})
    assert no_reason.status_code == 200
    assert ThemeDay.objects.filter(pk=day.pk).exists()
    done = client.post(
        _url("theme_day_cancel", programme, day.pk),
        {"version": 1, "reason": "Stedet er lukket efter vandskade"},
    )
    assert done.status_code == 302
    assert not ThemeDay.objects.filter(pk=day.pk).exists()
    history = timeline_for(programme, for_staff=True)
    texts = " ".join(event.text + " ".join(event.details) for event in history)
    assert "Aflyst: Stedet er lukket efter vandskade" in texts
    assert "slettede" in texts


def test_it_does_not_cancel_a_held_theme_day(client, consultant, programme):
    """C6: a held day is corrected, not cancelled."""
    day = ThemeDay.objects.create(
        programme=programme, date=date(2024, 5, 2), place="Granbakken", held=True
    )
    client.force_login(consultant)
    response = client.post(
        _url("theme_day_cancel", programme, day.pk), {"version": 1, "reason": "Fejl"}
    )
    assert response.status_code == 200
    assert "markeret som holdt" in response.content.decode()
    assert ThemeDay.objects.filter(pk=day.pk).exists()


def test_it_refuses_a_cancellation_of_a_record_changed_since_it_was_shown(
    client, consultant, programme
):
    """C6 concurrency (#9): cancelling what someone else has just changed is refused."""
    day = ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken", version=2)
    client.force_login(consultant)
    response = client.post(
        _url("theme_day_cancel", programme, day.pk), {"version": 1, "reason": "Aflyst"}
    )
    assert response.status_code == 409
    assert ThemeDay.objects.filter(pk=day.pk).exists()


# --- Meetings -------------------------------------------------------------------------------


def _meeting_data(starts, **changes):
    data = {
        "kind": "initial",
        "starts_at": timezone.localtime(starts).strftime("%Y-%m-%dT%H:%M"),
        "place": "Granbakken",
        "participants": "",
        "minutes": "",
        "agreed_end": "",
        "version": 1,
    }
    return {**data, **changes}


def test_it_refuses_minutes_for_a_meeting_in_the_future_at_the_minutes(
    client, consultant, programme
):
    """C6 (#9): 'minutes not for a meeting in the future'."""
    starts = timezone.now() + timedelta(days=3)
    meeting = Meeting.objects.create(
        programme=programme, kind="initial", starts_at=starts, place="Granbakken"
    )
    client.force_login(consultant)
    response = client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(starts, minutes="Vi talte om målgruppen."),
    )
    assert response.status_code == 200
    assert "når mødet er holdt" in str(response.context["form"].errors["minutes"])
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_it_refuses_a_closing_meeting_before_the_theme_days_at_its_time(
    client, consultant, programme
):
    """C6 (#9): 'a closing meeting not before the theme days'."""
    ThemeDay.objects.create(programme=programme, date=TUESDAY, place="Granbakken")
    client.force_login(consultant)
    response = client.post(
        _url("meeting_add", programme),
        _meeting_data(_at_ten(MONDAY), kind="closing", version=""),
    )
    assert response.status_code == 200
    assert "før temadagene" in str(response.context["form"].errors["starts_at"])
    assert not programme.meetings.exists()


def test_it_cancels_an_upcoming_meeting_and_tells_everyone_why(
    client, consultant, site_applicant, programme
):
    """C6, C10 (#9): the participants are told the meeting is off, with the reason."""
    meeting = Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.now() + timedelta(days=5),
        place="Granbakken",
    )
    client.force_login(consultant)
    response = client.post(
        _url("meeting_cancel", programme, meeting.pk),
        {"version": 1, "reason": "Lederen er blevet syg"},
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert len(mail.outbox) == 1
    assert "aflyst" in mail.outbox[0].subject
    assert "Lederen er blevet syg" in mail.outbox[0].body
    assert site_applicant.email in mail.outbox[0].to


def test_it_does_not_cancel_a_meeting_that_has_minutes(client, consultant, programme):
    """C6: a meeting with minutes has been held."""
    meeting = Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.now() - timedelta(days=1),
        place="Granbakken",
        minutes="Referat",
    )
    client.force_login(consultant)
    client.post(_url("meeting_cancel", programme, meeting.pk), {"version": 1, "reason": "x"})
    assert Meeting.objects.filter(pk=meeting.pk).exists()


# --- Hours ----------------------------------------------------------------------------------


def _entry(programme, consultant, hours, day=date(2026, 3, 2)):
    return HourEntry.objects.create(
        programme=programme,
        date=day,
        hours=Decimal(hours),
        description="Sparring",
        consultant=consultant,
    )


def _hours_data(entry, hours, **changes):
    data = {
        "date": entry.date.isoformat(),
        "hours": hours,
        "description": entry.description,
        "consultant": entry.consultant_id,
        "change_reason": "",
        "version": entry.version,
    }
    return {**data, **changes}


@pytest.mark.parametrize("typed", ["2,5", "2.5"])
def test_it_stores_two_and_a_half_hours_typed_with_a_comma_or_a_point(
    client, consultant, o1_programme, typed
):
    """C11 (#9): '"2,5" hours stored 25' no more."""
    client.force_login(consultant)
    response = client.post(
        _url("hours_add", o1_programme),
        {
            "date": date(2026, 3, 2).isoformat(),
            "hours": typed,
            "description": "Sparring",
            "consultant": consultant.pk,
        },
    )
    assert response.status_code == 302
    assert HourEntry.objects.get(programme=o1_programme).hours == Decimal("2.5")
    page = client.get(_url("hours_edit", o1_programme, HourEntry.objects.get().pk))
    assert 'value="2,5"' in page.content.decode()


def test_it_corrects_an_hour_entry_only_with_a_reason_and_keeps_it_in_the_trail(
    client, consultant, o1_programme
):
    """C6, C10 (#9): 'a corrected hour entry' has a reason, shown in the audit trail."""
    entry = _entry(o1_programme, consultant, "3")
    client.force_login(consultant)
    no_reason = client.post(_url("hours_edit", o1_programme, entry.pk), _hours_data(entry, "2"))
    assert no_reason.status_code == 200
    assert "change_reason" in no_reason.context["form"].errors
    corrected = client.post(
        _url("hours_edit", o1_programme, entry.pk),
        _hours_data(entry, "2,5", change_reason="Mødet sluttede en halv time før"),
    )
    assert corrected.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("2.5")
    assert _logged_reasons(entry) == ["Mødet sluttede en halv time før"]


def test_it_checks_a_corrected_entry_against_the_cap_and_the_managers_raise(
    client, consultant, manager, o1_programme
):
    """C6, O1.1 (#9): the corrected entry replaces the old one under the cap; past the cap
    it is refused, after a manager's raise it is allowed."""
    _entry(o1_programme, consultant, "20")
    entry = _entry(o1_programme, consultant, "4")
    client.force_login(consultant)
    within = client.post(
        _url("hours_edit", o1_programme, entry.pk),
        _hours_data(entry, "5", change_reason="En time glemt"),
    )
    assert within.status_code == 302  # 20 + 5 = 25: the cap reached, not passed
    entry.refresh_from_db()
    past = client.post(
        _url("hours_edit", o1_programme, entry.pk),
        _hours_data(entry, "6", change_reason="Endnu en time"),
    )
    assert past.status_code == 200
    assert "timeloftet på 25 timer" in str(past.context["form"].errors["hours"])
    client.force_login(manager)
    client.post(_url("hour_cap", o1_programme), {"hour_cap": 30, "reason": "Ekstra undervisning"})
    client.force_login(consultant)
    raised = client.post(
        _url("hours_edit", o1_programme, entry.pk),
        _hours_data(entry, "6", change_reason="Endnu en time"),
    )
    assert raised.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("6")


def test_it_deletes_an_hour_entry_with_a_reason_and_the_total_follows(
    client, consultant, o1_programme
):
    """C6 (#9): a wrong entry can be removed; the reason stays in the history."""
    entry = _entry(o1_programme, consultant, "4")
    client.force_login(consultant)
    response = client.post(
        _url("hour_entry_cancel", o1_programme, entry.pk),
        {"version": 1, "reason": "Registreret på det forkerte forløb"},
    )
    assert response.status_code == 302
    assert o1_programme.hour_entries.summary().total == 0
    history = " ".join(
        " ".join(event.details) for event in timeline_for(o1_programme, for_staff=True)
    )
    assert "Slettet: Registreret på det forkerte forløb" in history


# --- Goals, tasks, and who may -------------------------------------------------------------


def test_it_edits_a_task_and_refuses_a_deadline_on_a_public_holiday(client, consultant, programme):
    """C6 (#9): public holidays count like weekends in deadlines; the refusal names the
    holiday and the next working day."""
    task = Task.objects.create(
        programme=programme, title="Send dagsorden", due_on=MONDAY, created_by=consultant
    )
    client.force_login(consultant)
    data = {"title": "Send dagsorden", "due_on": ASCENSION_2027.isoformat(), "version": 1}
    refused = client.post(_url("task_edit", programme, task.pk), data)
    assert refused.status_code == 200
    error = str(refused.context["form"].errors["due_on"])
    assert "Kristi himmelfartsdag" in error
    assert "7. maj 2027" in error
    data["due_on"] = TUESDAY.isoformat()
    assert client.post(_url("task_edit", programme, task.pk), data).status_code == 302
    task.refresh_from_db()
    assert task.due_on == TUESDAY


def test_it_deletes_a_goal_and_a_task_without_a_reason(client, consultant, aarhus):
    """C6 (#9): goals and tasks can be removed; a reason is optional."""
    programme = began_long_ago(new_programme("O2", aarhus, "UF-2030-0009"))
    goal = Goal.objects.create(programme=programme, text="Beredskabet er kendt", order=1)
    task = Task.objects.create(
        programme=programme, title="Ring", due_on=MONDAY, created_by=consultant
    )
    client.force_login(consultant)
    assert client.post(_url("goal_cancel", programme, goal.pk), {"version": 1}).status_code == 302
    assert client.post(_url("task_cancel", programme, task.pk), {"version": 1}).status_code == 302
    assert not Goal.objects.exists()
    assert not Task.objects.exists()


def test_it_lets_only_those_who_deliver_correct_or_cancel(
    client, site_applicant, other_applicant, consultant, programme
):
    """C6 (#9): the site's own users see the programme but may not change it (403);
    another organisation does not learn it exists (404)."""
    day = ThemeDay.objects.create(programme=programme, date=MONDAY, place="Granbakken")
    for user, status in ((site_applicant, 403), (other_applicant, 404)):
        client.force_login(user)
        assert client.get(_url("theme_day_edit", programme, day.pk)).status_code == status
        response = client.post(
            _url("theme_day_cancel", programme, day.pk), {"version": 1, "reason": "x"}
        )
        assert response.status_code == status
    assert ThemeDay.objects.filter(pk=day.pk).exists()
    client.force_login(consultant)
    assert client.get(_url("theme_day_edit", programme, day.pk)).status_code == 200


def test_it_shows_the_programme_page_with_danish_dates_and_the_correction_links(
    client, consultant, o1_programme
):
    """C11 (#9): "28.11.2026" in tables, "2,5" hours, links to correct and delete."""
    entry = _entry(o1_programme, consultant, "2.5", day=date(2026, 11, 28))
    with time_machine.travel(datetime(2026, 12, 1, 12, tzinfo=timezone.get_current_timezone())):
        client.force_login(consultant)  # signed in that day: sessions time out (C12)
        html = client.get(reverse("programmes:detail", args=[o1_programme.pk])).content.decode()
    assert "<td>28.11.2026</td><td>2,5</td>" in html
    assert _url("hours_edit", o1_programme, entry.pk) in html
    assert _url("hour_entry_cancel", o1_programme, entry.pk) in html


def test_it_does_not_let_an_edit_opened_before_a_task_was_done_undo_it(
    client, consultant, programme
):
    """C6 concurrency (#9): marking a task done counts as a change to the task."""
    task = Task.objects.create(
        programme=programme, title="Send dagsorden", due_on=MONDAY, created_by=consultant
    )
    client.force_login(consultant)
    client.post(_url("task_done", programme, task.pk))
    response = client.post(
        _url("task_edit", programme, task.pk),
        {"title": "Send dagsorden i dag", "due_on": MONDAY.isoformat(), "version": 1},
    )
    assert response.status_code == 409
    task.refresh_from_db()
    assert (task.title, task.is_done) == ("Send dagsorden", True)


def test_it_tells_everyone_why_a_meeting_was_moved(client, consultant, site_applicant, programme):
    """C10 (#9): the reason for a move goes with the notice of the move."""
    meeting = Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.now() + timedelta(days=5),
        place="Granbakken",
    )
    client.force_login(consultant)
    later = timezone.now() + timedelta(days=8)
    response = client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(later, change_reason="Lederen er på kursus"),
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Begrundelse: Lederen er på kursus" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert _logged_reasons(meeting) == ["Lederen er på kursus"]
