"""Delivering a programme through its pages (C6): meetings, theme days, focus groups,
the hours log and its cap, goals, tasks, the programme's texts and consultants; who may
use them; and two staff members saving the same record at once."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from indsats.programmes.models import (
    FocusGroup,
    Goal,
    HourEntry,
    Meeting,
    Programme,
    ProgrammeRecord,
    Task,
    ThemeDay,
)
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import UserFactory, new_programme

pytestmark = pytest.mark.django_db

FRIDAY = date(2030, 3, 1)
NEXT_MONDAY = date(2030, 3, 4)
NEXT_WEDNESDAY = date(2030, 3, 6)


@pytest.fixture
def programme(placement_site):
    """An O4 programme of Opholdsstedet Granbakken."""
    return began_long_ago(new_programme("O4", placement_site, "OK-2030-0001"))


@pytest.fixture
def o1_programme(aarhus):
    """An O1 Temaforløb of Aarhus Kommune with O1.1's cap of 25 hours."""
    return began_long_ago(new_programme("O1", aarhus, "TF-2030-0001", hour_cap=25))


def _url(name, programme, *more):
    return reverse(f"programmes:{name}", args=[programme.pk, *more])


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _meeting_data(**changes):
    data = {
        "kind": "initial",
        "starts_at": (timezone.localtime() + timedelta(days=14)).strftime("%Y-%m-%dT10:00"),
        "place": "Granbakken, mødelokalet",
        "participants": "Leder\nTo medarbejdere",
        "minutes": "",
        "agreed_end": "",
    }
    data.update(changes)
    return data


# --- Meetings -------------------------------------------------------------------------------


def test_it_prefills_an_o4_initial_meeting_with_the_topics_of_step_5(client, consultant, programme):
    """O4.3 step 5: the initial meeting's minutes start from the topics to cover."""
    client.force_login(consultant)
    response = client.get(_url("meeting_add", programme))
    minutes = response.context["form"].initial["minutes"]
    assert response.context["form"].initial["kind"] == "initial"
    for topic in ("målgruppe", "erfaringer og udfordringer", "ledelsens rolle", "skrivegruppe"):
        assert topic in minutes
    assert "Implementering" in minutes
    assert "forventet afslutning" in minutes


def test_it_sets_a_meeting_and_tells_the_site_and_the_consultants(
    client, consultant, case_officer, site_applicant, other_applicant, programme
):
    """C6 / C10: a meeting is set; everyone at the site and the consultants get an e-mail."""
    programme.consultants.add(consultant)
    client.force_login(case_officer)
    response = client.post(_url("meeting_add", programme), _meeting_data())
    assert response.status_code == 302
    assert response["Location"].endswith(
        reverse("programmes:detail", args=[programme.pk]) + "#moeder"
    )
    meeting = Meeting.objects.get(programme=programme)
    assert meeting.kind == "initial"
    assert meeting.place == "Granbakken, mødelokalet"
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {site_applicant.email, consultant.email}
    assert "aftalt" in mail.outbox[0].subject
    assert "Granbakken, mødelokalet" in mail.outbox[0].body


def test_it_tells_everyone_when_a_meeting_is_moved_but_not_when_minutes_are_written(
    client, consultant, site_applicant, programme
):
    """C10: 'a meeting is set or moved' — writing the minutes is neither."""
    meeting = Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.now() + timedelta(days=7),
        place="Granbakken",
    )
    client.force_login(consultant)
    later = (timezone.localtime() + timedelta(days=9)).strftime("%Y-%m-%dT13:00")
    client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(starts_at=later, place="Granbakken", version=1),
    )
    assert len(mail.outbox) == 1
    assert "flyttet" in mail.outbox[0].subject
    with time_machine.travel(timezone.now() + timedelta(days=10)):  # minutes after the meeting
        client.force_login(consultant)  # ten days on, the first session has timed out (C12)
        client.post(
            _url("meeting_edit", programme, meeting.pk),
            _meeting_data(starts_at=later, place="Granbakken", minutes="Referat", version=2),
        )
    assert len(mail.outbox) == 1
    meeting.refresh_from_db()
    assert meeting.minutes == "Referat"
    assert meeting.version == 3


def test_it_tells_the_second_of_two_saving_a_meeting_and_loses_nothing(
    client, consultant, case_officer, programme
):
    """C6 concurrency: the second save is refused with 409, the first is kept, and the
    second person's text is still in the form."""
    meeting = Meeting.objects.create(
        programme=programme, kind="initial", starts_at=timezone.now(), place="Granbakken"
    )
    starts = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M")
    client.force_login(consultant)
    first = client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(
            starts_at=starts, place="Granbakken", minutes="Konsulentens referat", version=1
        ),
    )
    assert first.status_code == 302
    client.force_login(case_officer)
    second = client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(
            starts_at=starts, place="Granbakken", minutes="Sagsbehandlerens referat", version=1
        ),
    )
    assert second.status_code == 409
    meeting.refresh_from_db()
    assert meeting.minutes == "Konsulentens referat"
    assert "Sagsbehandlerens referat" in second.content.decode()
    assert "En anden har gemt ændringer" in second.content.decode()
    third = client.post(
        _url("meeting_edit", programme, meeting.pk),
        _meeting_data(
            starts_at=starts, place="Granbakken", minutes="Sagsbehandlerens referat", version=2
        ),
    )
    assert third.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Sagsbehandlerens referat"


def test_it_tells_the_second_of_two_saving_the_programme_texts_and_loses_nothing(
    client, consultant, manager, programme, monkeypatch
):
    """C6 concurrency, O4.3 step 9: two people writing the feedback at once."""
    monkeypatch.setattr(
        "indsats.programmes.delivery_forms.draft_policy_received", lambda programme: True
    )
    client.force_login(consultant)
    page = client.get(_url("record_edit", programme))
    assert list(page.context["form"].fields) == ["draft_feedback", "version", "based_on"]
    client.post(_url("record_edit", programme), {"draft_feedback": "Første udgave", "version": 1})
    client.force_login(manager)
    response = client.post(
        _url("record_edit", programme), {"draft_feedback": "Lederens udgave", "version": 1}
    )
    assert response.status_code == 409
    assert "Lederens udgave" in response.content.decode()
    record = ProgrammeRecord.objects.get(programme=programme)
    assert record.draft_feedback == "Første udgave"


# --- Theme days (O4.1) ----------------------------------------------------------------------


def _add_day(client, programme, day, reason=""):
    return client.post(
        _url("theme_day_add", programme),
        {
            "date": day.isoformat(),
            "place": "Granbakken",
            "topics": "Lovgivning",
            "gap_reason": reason,
        },
    )


def test_it_accepts_two_theme_days_on_friday_and_monday(client, consultant, programme):
    """O4.1: two connected theme days; Friday → Monday is connected."""
    client.force_login(consultant)
    assert _add_day(client, programme, FRIDAY).status_code == 302
    assert _add_day(client, programme, NEXT_MONDAY).status_code == 302
    assert list(programme.theme_days.values_list("date", flat=True)) == [FRIDAY, NEXT_MONDAY]


def test_it_refuses_a_gap_between_theme_days_unless_a_reason_is_given(
    client, consultant, programme
):
    """C6: 'a gap is refused unless a reason is given'."""
    client.force_login(consultant)
    _add_day(client, programme, FRIDAY)
    refused = _add_day(client, programme, NEXT_WEDNESDAY)
    assert refused.status_code == 200
    assert "gap_reason" in refused.context["form"].errors
    assert programme.theme_days.count() == 1
    accepted = _add_day(client, programme, NEXT_WEDNESDAY, reason="Stedet har personaledag mandag")
    assert accepted.status_code == 302
    assert programme.theme_days.get(date=NEXT_WEDNESDAY).gap_reason


def test_it_refuses_a_third_theme_day(client, consultant, programme):
    """O4.1: two theme days, no more."""
    client.force_login(consultant)
    _add_day(client, programme, FRIDAY)
    _add_day(client, programme, NEXT_MONDAY)
    assert _add_day(client, programme, NEXT_WEDNESDAY, reason="Ekstra").status_code == 200
    assert programme.theme_days.count() == 2


def test_it_marks_a_theme_day_held_only_once_its_date_has_come(client, consultant, programme):
    """O4.3 step 7: the theme days are held, not only planned."""
    past = ThemeDay.objects.create(programme=programme, date=date(2024, 5, 2), place="Stedet")
    future = ThemeDay.objects.create(programme=programme, date=FRIDAY, place="Stedet")
    client.force_login(consultant)
    client.post(_url("theme_day_held", programme, past.pk))
    client.post(_url("theme_day_held", programme, future.pk))
    past.refresh_from_db()
    future.refresh_from_db()
    assert past.held
    assert not future.held


# --- Focus groups (O4.1) --------------------------------------------------------------------


def test_it_records_and_corrects_the_focus_group_at_the_start(client, consultant, programme):
    """O4.1: a focus-group interview at the start, with notes; one per phase."""
    client.force_login(consultant)
    data = {"held_on": "2024-05-01", "participants": "Fem pædagoger", "notes": "Usikre på tegn"}
    assert client.post(_url("focus_group", programme, "start"), data).status_code == 302
    data.update(notes="Usikre på tegn og på underretning", version=1)
    client.post(_url("focus_group", programme, "start"), data)
    group = FocusGroup.objects.get(programme=programme)
    assert (group.phase, group.notes) == ("start", "Usikre på tegn og på underretning")
    assert client.get(_url("focus_group", programme, "midt")).status_code == 404


# --- Hours (O1.1) ---------------------------------------------------------------------------


def _log(client, programme, hours, consultant):
    return client.post(
        _url("hours_add", programme),
        {
            "date": timezone.localdate().isoformat(),
            "hours": hours,
            "description": "Sparring om beredskabet",
            "consultant": consultant.pk,
        },
    )


def test_it_warns_at_20_hours_and_refuses_past_the_25_hour_cap(client, consultant, o1_programme):
    """O1.1 / C6: warn at 20, refuse a new entry past 25."""
    client.force_login(consultant)
    first = _log(client, o1_programme, "19.5", consultant)
    assert not any("tilbage" in text for text in _messages(first))
    second = _log(client, o1_programme, "0.5", consultant)
    assert any("20 af 25 timer" in text for text in _messages(second))
    _log(client, o1_programme, "4", consultant)
    refused = _log(client, o1_programme, "1.5", consultant)
    assert refused.status_code == 200
    assert "timeloftet på 25 timer" in str(refused.context["form"].errors["hours"])
    assert sum(e.hours for e in HourEntry.objects.filter(programme=o1_programme)) == Decimal(24)


def test_it_allows_hours_past_25_after_a_manager_raises_the_cap_with_a_reason(
    client, consultant, manager, o1_programme
):
    """O1.1 / C6: 'unless a manager raises it with a reason'."""
    client.force_login(consultant)
    _log(client, o1_programme, "25", consultant)
    assert _log(client, o1_programme, "2", consultant).status_code == 200
    client.force_login(manager)
    no_reason = client.post(_url("hour_cap", o1_programme), {"hour_cap": 30, "reason": ""})
    assert no_reason.status_code == 200
    o1_programme.refresh_from_db()
    assert o1_programme.hour_cap == 25
    raised = client.post(
        _url("hour_cap", o1_programme),
        {"hour_cap": 30, "reason": "Kommunen ønsker en ekstra undervisningsgang"},
    )
    assert raised.status_code == 302
    o1_programme.refresh_from_db()
    assert o1_programme.hour_cap == 30
    assert "ekstra undervisningsgang" in o1_programme.hour_cap_reason
    client.force_login(consultant)
    assert _log(client, o1_programme, "2", consultant).status_code == 302


def test_it_does_not_let_a_consultant_raise_the_hour_cap(client, consultant, o1_programme):
    """O1.1 / C6: raising the cap is a manager's decision."""
    client.force_login(consultant)
    assert client.get(_url("hour_cap", o1_programme)).status_code == 403
    response = client.post(_url("hour_cap", o1_programme), {"hour_cap": 40, "reason": "Fordi"})
    assert response.status_code == 403
    o1_programme.refresh_from_db()
    assert o1_programme.hour_cap == 25


def test_it_refuses_to_lower_the_cap_through_the_raise_page(client, manager, o1_programme):
    """C6: the page raises the cap; a lower number is refused."""
    client.force_login(manager)
    response = client.post(_url("hour_cap", o1_programme), {"hour_cap": 20, "reason": "Fejl"})
    assert response.status_code == 200
    o1_programme.refresh_from_db()
    assert o1_programme.hour_cap == 25


# --- Goals, tasks, consultants --------------------------------------------------------------


def test_it_adds_goals_in_order_and_records_their_results(client, consultant, aarhus):
    """O2.1 / O2.4: concrete goals, then results against them."""
    programme = began_long_ago(new_programme("O2", aarhus, "UF-2030-0001"))
    client.force_login(consultant)
    client.post(_url("goal_add", programme), {"text": "Beredskabet er kendt", "result": ""})
    client.post(_url("goal_add", programme), {"text": "Alle kender tegnene", "result": ""})
    goals = list(Goal.objects.filter(programme=programme))
    assert [(g.text, g.order) for g in goals] == [
        ("Beredskabet er kendt", 1),
        ("Alle kender tegnene", 2),
    ]
    client.post(
        _url("goal_edit", programme, goals[0].pk),
        {"text": "Beredskabet er kendt", "result": "Gennemgået i alle afdelinger", "version": 1},
    )
    goals[0].refresh_from_db()
    assert goals[0].result == "Gennemgået i alle afdelinger"


def test_it_adds_a_task_and_marks_it_done(client, consultant, programme):
    """C6: tasks with due dates."""
    client.force_login(consultant)
    client.post(
        _url("task_add", programme),
        {"title": "Send dagsorden", "due_on": "2030-02-20", "assignee": consultant.pk},
    )
    task = Task.objects.get(programme=programme)
    assert (task.created_by, task.assignee, task.done_at) == (consultant, consultant, None)
    client.post(_url("task_done", programme, task.pk))
    task.refresh_from_db()
    assert task.done_at is not None


def test_it_assigns_consultants(client, case_officer, consultant, programme):
    """C6: consultants assigned."""
    client.force_login(case_officer)
    client.post(_url("consultants", programme), {"consultants": [consultant.pk]})
    assert list(programme.consultants.all()) == [consultant]
    client.force_login(consultant)
    assert client.get(_url("consultants", programme)).status_code == 403


# --- The include on the programme page ------------------------------------------------------


def test_it_shows_the_hours_warning_and_overdue_tasks_on_the_programme_page(
    consultant, o1_programme
):
    """C6: hours against the cap with the warning; tasks with an overdue view."""
    HourEntry.objects.create(
        programme=o1_programme,
        date=timezone.localdate(),
        hours=Decimal("21"),
        description="Undervisning",
        consultant=consultant,
    )
    Task.objects.create(
        programme=o1_programme,
        title="Ring til kommunen",
        due_on=timezone.localdate() - timedelta(days=1),
        created_by=consultant,
    )
    html = render_to_string(
        "programmes/includes/delivery.html", {"programme": o1_programme, "can_deliver": True}
    )
    assert "21</strong> af 25 timer" in html
    assert "Der er 4 timer tilbage" in html
    assert "Overskredet" in html
    assert reverse("programmes:hours_add", args=[o1_programme.pk]) in html


def _add_records(programme, consultant, count: int):
    """``count`` of each record the programme page shows, and one cancelled hour entry."""
    today = timezone.localdate()
    for number in range(count):
        Meeting.objects.create(
            programme=programme,
            kind="follow_up",
            starts_at=timezone.now() + timedelta(days=number),
            place="Granbakken",
        )
        ThemeDay.objects.create(programme=programme, date=today, place="Granbakken")
        HourEntry.objects.create(
            programme=programme, date=today, hours=1, description="Møde", consultant=consultant
        )
        Goal.objects.create(programme=programme, text=f"Mål {number}", order=number)
        Task.objects.create(
            programme=programme, title=f"Opgave {number}", due_on=today, created_by=consultant
        )
    cancelled = HourEntry.objects.create(
        programme=programme, date=today, hours=1, description="Fejl", consultant=consultant
    )
    cancelled.delete()


def test_the_programme_page_runs_as_many_queries_for_many_records_as_for_one(
    client, consultant, programme
):
    """C13: no query per meeting, theme day, hour entry, goal, task or history entry."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(consultant)
    _add_records(programme, consultant, 1)
    client.get(_url("detail", programme))  # the session's first save, the caches filled
    with CaptureQueriesContext(connection) as one:
        assert client.get(_url("detail", programme)).status_code == 200
    _add_records(programme, consultant, 6)
    with CaptureQueriesContext(connection) as many:
        page = client.get(_url("detail", programme))
    assert page.status_code == 200
    assert page.content.decode().count("Opgave ") >= 7  # every task is on the page
    assert len(many) == len(one)
    assert len(one) <= 21  # 33 before the page prefetched its records


def test_it_shows_applicants_the_programme_without_internal_records(consultant, programme):
    """C3 / C6: the site sees meetings and theme days, not the Board's tasks or links."""
    Task.objects.create(
        programme=programme, title="Intern opgave", due_on=FRIDAY, created_by=consultant
    )
    ThemeDay.objects.create(programme=programme, date=FRIDAY, place="Granbakkens sal")
    html = render_to_string(
        "programmes/includes/delivery.html", {"programme": programme, "can_deliver": False}
    )
    assert "Granbakkens sal" in html
    assert "Intern opgave" not in html
    assert reverse("programmes:meeting_add", args=[programme.pk]) not in html


# --- Who may use the delivery pages ---------------------------------------------------------


@pytest.fixture
def delivery_urls(programme, consultant):
    meeting = Meeting.objects.create(
        programme=programme, kind="initial", starts_at=timezone.now(), place="Granbakken"
    )
    day = ThemeDay.objects.create(programme=programme, date=date(2024, 5, 2), place="Stedet")
    goal = Goal.objects.create(programme=programme, text="Mål")
    task = Task.objects.create(
        programme=programme, title="Opgave", due_on=FRIDAY, created_by=consultant
    )
    return [
        _url("meeting_add", programme),
        _url("meeting_edit", programme, meeting.pk),
        _url("theme_day_add", programme),
        _url("theme_day_held", programme, day.pk),
        _url("focus_group", programme, "start"),
        _url("focus_group", programme, "end"),
        _url("hours_add", programme),
        _url("hour_cap", programme),
        _url("goal_add", programme),
        _url("goal_edit", programme, goal.pk),
        _url("task_add", programme),
        _url("task_done", programme, task.pk),
        _url("record_edit", programme),
        _url("consultants", programme),
    ]


def test_it_answers_404_on_every_delivery_url_to_an_applicant_of_another_organisation(
    client, other_applicant, delivery_urls
):
    """C6: another organisation's applicant never learns the programme exists."""
    client.force_login(other_applicant)
    for url in delivery_urls:
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"title": "x"}).status_code == 404, url


def test_it_refuses_the_sites_own_users_to_post_delivery_records(
    client, site_applicant, programme, delivery_urls
):
    """C6: the site sees its programme but does not write the Board's records."""
    client.force_login(site_applicant)
    for url in delivery_urls:
        response = client.post(
            url, {"title": "x", "text": "x", "hours": "1", "draft_feedback": "x", "version": 1}
        )
        assert response.status_code == 403, url
    assert not Goal.objects.exclude(text="Mål").exists()
    assert not HourEntry.objects.exists()
    assert not ProgrammeRecord.objects.exists()
    assert not programme.theme_days.filter(held=True).exists()


def test_it_sends_anonymous_visitors_to_the_login_page(client, delivery_urls):
    """C6: the delivery pages are for signed-in users."""
    login = reverse("accounts:login")
    for url in delivery_urls:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url


def test_it_keeps_a_record_of_one_programme_out_of_another(client, consultant, programme, aarhus):
    """C6: a meeting is edited only through its own programme's address."""
    other = new_programme("O1", aarhus, "TF-2030-0009")
    meeting = Meeting.objects.create(
        programme=programme, kind="initial", starts_at=timezone.now(), place="Granbakken"
    )
    client.force_login(consultant)
    assert client.get(_url("meeting_edit", other, meeting.pk)).status_code == 404


def test_it_lets_a_new_staff_member_deliver_without_setup(client, programme):
    """C6: any consultant can record on a programme (assignment is for notifications)."""
    newcomer = UserFactory(role="consultant")
    client.force_login(newcomer)
    assert client.get(_url("meeting_add", programme)).status_code == 200


def test_it_shows_every_delivery_form_to_a_manager(client, manager, delivery_urls):
    """C6: each record type has its page (the two POST-only actions answer 405 to GET)."""
    client.force_login(manager)
    for url in delivery_urls:
        response = client.get(url)
        expected = 405 if url.endswith(("/holdt/", "/udfoert/")) else 200
        assert response.status_code == expected, url
        if expected == 200:
            assert "<h1>" in response.content.decode(), url


def test_it_rechecks_the_cap_when_another_manager_raised_it_meanwhile(rf, manager, o1_programme):
    """C6: the raise is checked again on the locked row, so a later, lower raise that was
    valid against the page the manager saw does not undo another manager's higher one."""
    from indsats.programmes.delivery_forms import HourCapForm
    from indsats.programmes.models import hours_summary
    from indsats.programmes.views.delivery import _raise_hour_cap

    seen = hours_summary(o1_programme)  # 25, as on the page the manager opened
    form = HourCapForm({"hour_cap": 30, "reason": "Én gang mere"}, status=seen)
    assert form.is_valid()
    Programme.objects.filter(pk=o1_programme.pk).update(hour_cap=40)  # someone else, meanwhile
    request = rf.post("/")
    request.user = manager
    assert not _raise_hour_cap(request, o1_programme, form)
    assert "i mellemtiden sat til 40 timer" in form.errors["hour_cap"][0]
    o1_programme.refresh_from_db()
    assert o1_programme.hour_cap == 40
