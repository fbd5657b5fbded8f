"""Records of delivering a programme in the order it can happen (C6, O4.1, O4.3): nothing
dated before the programme began, the end after the start, the feedback after the draft,
one initial meeting; an edit of a record someone has deleted meanwhile; records named in
Danish; and no requirement ids in what users read."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import (
    Application,
    ApplicationStatus,
    Document,
    DocumentKind,
    DocumentVersion,
)
from indsats.programmes.models import (
    FocusGroup,
    HourEntry,
    Meeting,
    ProgrammeRecord,
    ThemeDay,
)
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import new_programme

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 29)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def programme(placement_site):
    """An O4 programme of Opholdsstedet Granbakken, begun today."""
    return new_programme("O4", placement_site, "OK-2030-0031")


@pytest.fixture
def old_programme(placement_site):
    return began_long_ago(new_programme("O4", placement_site, "OK-2030-0032"))


def _url(name, programme, *more):
    return reverse(f"programmes:{name}", args=[programme.pk, *more])


def _errors(response, field):
    return " ".join(str(error) for error in response.context["form"].errors.get(field, []))


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _meeting_data(when, **changes):
    data = {
        "kind": "other",
        "starts_at": when,
        "place": "Granbakken",
        "participants": "",
        "minutes": "",
        "agreed_end": "",
    }
    return {**data, **changes}


# --- Item: nothing before the programme began (C6) ------------------------------------------


def test_it_refuses_a_meeting_before_the_programme_began(client, consultant, programme):
    """C6: a meeting on 1 January 1999 is refused at the field, naming the earliest date."""
    client.force_login(consultant)
    began = timezone.localdate(programme.created_at)
    response = client.post(_url("meeting_add", programme), _meeting_data("1999-01-01T10:00"))
    assert response.status_code == 200
    assert "før forløbet begyndte" in _errors(response, "starts_at")
    assert f"{began.day}. " in _errors(response, "starts_at")
    assert not Meeting.objects.exists()


def test_it_takes_an_initial_meeting_held_after_the_enquiry_before_the_grant(
    client, consultant, programme, applicant
):
    """O1.2: enquiry, initial meeting, then the application; the programme is created by
    the grant. The initial meeting may be recorded with its real date, after the enquiry
    that began the case; any other meeting may not lie before the grant."""
    from indsats.applications.models import Enquiry

    enquiry = Enquiry.objects.create(
        offer=programme.offer,
        organisation=programme.organisation,
        subject="Opdigtet henvendelse",
        message="Til testen.",
        contact_name="Opdigtet Kontakt",
        contact_email="kontakt@example.test",
        created_by=applicant,
    )
    enquired = timezone.now() - timedelta(days=40)
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=enquired)
    Application.objects.create(
        offer=programme.offer,
        organisation=programme.organisation,
        created_by=applicant,
        enquiry=enquiry,
        programme=programme,
        status=ApplicationStatus.GRANTED,
    )
    held = (timezone.localdate() - timedelta(days=20)).isoformat() + "T10:00"
    client.force_login(consultant)
    other = client.post(_url("meeting_add", programme), _meeting_data(held))
    assert "før forløbet begyndte" in _errors(other, "starts_at")
    initial = client.post(_url("meeting_add", programme), _meeting_data(held, kind="initial"))
    assert initial.status_code == 302
    assert Meeting.objects.get().kind == "initial"


def test_it_refuses_an_agreed_end_before_the_meeting(client, consultant, programme):
    """C6: 'Forventet afslutning' cannot lie before the meeting that agreed it."""
    client.force_login(consultant)
    soon = timezone.localdate() + timedelta(days=10)
    response = client.post(
        _url("meeting_add", programme),
        _meeting_data(f"{soon.isoformat()}T10:00", agreed_end=timezone.localdate().isoformat()),
    )
    assert response.status_code == 200
    assert "før mødet" in _errors(response, "agreed_end")


def test_it_refuses_hours_and_a_focus_group_before_the_programme_began(
    client, consultant, programme
):
    """C6, O1.1, O4.1: hours dated 1 June 2001 and an interview dated 1 January 2020."""
    client.force_login(consultant)
    hours = client.post(
        _url("hours_add", programme),
        {
            "date": "2001-06-01",
            "hours": "2",
            "description": "Sparring",
            "consultant": consultant.pk,
        },
    )
    assert "før forløbet begyndte" in _errors(hours, "date")
    group = client.post(
        _url("focus_group", programme, "start"),
        {"held_on": "2020-01-01", "participants": "", "notes": "Noter"},
    )
    assert "før forløbet begyndte" in _errors(group, "held_on")
    assert not HourEntry.objects.exists()
    assert not FocusGroup.objects.exists()


def test_it_refuses_a_new_task_with_a_deadline_already_passed(client, consultant, programme):
    """C6: a deadline in the past cannot be met."""
    client.force_login(consultant)
    response = client.post(
        _url("task_add", programme),
        {"title": "Send aftalen", "due_on": "2026-11-27", "assignee": consultant.pk},
    )
    assert "før i dag" in _errors(response, "due_on")


# --- Item: the closing steps of O4 in their order (O4.3 steps 8–9) ---------------------------


def test_it_refuses_feedback_before_the_draft_policy_has_come(
    client, consultant, old_programme, placement_site, site_applicant
):
    """O4.3 steps 8–9: the feedback is on the draft, so it waits for the draft."""
    client.force_login(consultant)
    response = client.post(
        _url("record_edit", old_programme), {"draft_feedback": "Fin politik", "version": 1}
    )
    assert response.status_code == 200
    assert "udkastet til politik er modtaget" in _errors(response, "draft_feedback")
    assert not ProgrammeRecord.objects.filter(draft_feedback__contains="Fin").exists()

    application = Application.objects.create(
        offer=old_programme.offer,
        organisation=placement_site,
        created_by=site_applicant,
        status=ApplicationStatus.GRANTED,
        programme=old_programme,
    )
    document = Document.objects.create(kind=DocumentKind.DRAFT_POLICY, application=application)
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"%PDF-1.4 test", name="udkast.pdf"),
        original_name="udkast.pdf",
        content_type="application/pdf",
        size=13,
        uploaded_by=site_applicant,
    )
    response = client.post(
        _url("record_edit", old_programme), {"draft_feedback": "Fin politik", "version": 1}
    )
    assert response.status_code == 302


def test_it_refuses_an_end_focus_group_before_the_start_one_and_the_theme_days(
    client, consultant, old_programme
):
    """O4.1: the interview at the end comes after the one at the start and the theme days;
    refused at the date, naming the date it must come after."""
    FocusGroup.objects.create(
        programme=old_programme, phase="start", held_on=date(2026, 3, 2), notes="Start"
    )
    ThemeDay.objects.create(
        programme=old_programme, date=date(2026, 4, 6), place="Granbakken", held=True
    )
    client.force_login(consultant)
    data = {"participants": "", "notes": "Slut"}
    before_start = client.post(
        _url("focus_group", old_programme, "end"), {**data, "held_on": "2026-03-01"}
    )
    assert "efter interviewet ved starten den 2. marts 2026" in _errors(before_start, "held_on")
    before_days = client.post(
        _url("focus_group", old_programme, "end"), {**data, "held_on": "2026-04-06"}
    )
    assert "efter temadagene (den sidste er 6. april 2026)" in _errors(before_days, "held_on")
    in_order = client.post(
        _url("focus_group", old_programme, "end"), {**data, "held_on": "2026-04-07"}
    )
    assert in_order.status_code == 302


# --- Item: one initial meeting (O4.3 step 5) -------------------------------------------------


def test_it_refuses_a_second_initial_meeting_while_one_is_set(client, consultant, programme):
    """O4.3 step 5: one initial meeting; a second is refused until the first is cancelled."""
    first = Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.make_aware(datetime(2026, 12, 7, 10)),
        place="Granbakken",
    )
    client.force_login(consultant)
    data = _meeting_data("2026-12-08T10:00", kind="initial")
    response = client.post(_url("meeting_add", programme), data)
    assert response.status_code == 200
    assert _errors(response, "kind") == (
        "Der er allerede et indledende møde: 7. december 2026 kl. 10.00. Ret det, eller aflys "
        "det først."
    )
    first.delete()  # cancelled
    assert client.post(_url("meeting_add", programme), data).status_code == 302


# --- Item: editing a record someone deleted meanwhile (C12) ----------------------------------


def test_saving_a_record_deleted_meanwhile_returns_to_the_programme_with_a_message(
    client, consultant, old_programme
):
    """C12: the save after a colleague's deletion is no bare 404; opening it still is."""
    entry = HourEntry.objects.create(
        programme=old_programme,
        date=date(2026, 3, 2),
        hours=Decimal("2"),
        description="Sparring",
        consultant=consultant,
    )
    url = _url("hours_edit", old_programme, entry.pk)
    entry.delete()
    client.force_login(consultant)
    response = client.post(
        url, {"date": "2026-03-02", "hours": "3", "description": "x", "version": 1}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#timer")
    assert _messages(response) == [
        "Registreringen er slettet af en anden, mens du redigerede. Dine ændringer er ikke gemt."
    ]
    assert client.get(url).status_code == 404


# --- Item: records named in Danish (C11) -----------------------------------------------------


def test_records_are_named_with_danish_dates_and_numbers(old_programme, consultant):
    """C11: the history and the cancel page name records as people write dates and hours."""
    meeting = Meeting(
        programme=old_programme,
        kind="initial",
        starts_at=timezone.make_aware(datetime(1999, 1, 1, 10)),
    )
    entry = HourEntry(date=date(2026, 11, 29), hours=Decimal("2.5"))
    day = ThemeDay(date=date(2026, 3, 2))
    assert str(meeting) == "Indledende møde 1. januar 1999 kl. 10.00"
    assert str(entry) == "29. november 2026: 2,5 t"
    assert str(day) == "Temadag 2. marts 2026"


# --- Item: no requirement ids in what users read ---------------------------------------------


def test_no_requirement_ids_in_the_forms_users_read(client, consultant, old_programme):
    """The spec's ids (O4.2, O4.3 …) are for the code, not for the pages."""
    client.force_login(consultant)
    pages = [
        client.get(_url("theme_day_add", old_programme)),
        client.get(_url("record_edit", old_programme)),
    ]
    for offer in ("O2", "O3"):
        other = new_programme(offer, old_programme.organisation, f"XX-2030-{offer}")
        pages.append(client.get(_url("record_edit", other)))
    for page in pages:
        html = page.content.decode()
        for code in ("O2.1", "O3.1", "O4.2", "O4.3"):
            assert code not in html


def test_it_says_what_is_missing_in_the_words_of_the_task(client, consultant, programme):
    """C11: an empty meeting time, place or hours date is asked for as the task needs it,
    not with the generic "Dette felt er påkrævet."."""
    client.force_login(consultant)
    meeting = client.post(_url("meeting_add", programme), _meeting_data("", place=""))
    assert _errors(meeting, "starts_at") == "Skriv, hvornår mødet er: dato og klokkeslæt."
    assert _errors(meeting, "place") == "Skriv, hvor mødet holdes."
    hours = client.post(
        _url("hours_add", programme), {"date": "", "hours": "2", "description": "Sparring"}
    )
    assert _errors(hours, "date") == "Skriv, hvilken dag timerne er brugt."
