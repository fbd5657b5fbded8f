"""An edit conflict never lets a second save silently undo the colleague's change (C11):
a field only the colleague changed is redisplayed with the colleague's value, as its input
sends it back; a field both changed keeps the user's value, beside the colleague's, for
the user to decide."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone, translation

from indsats.accounts.models import Role
from indsats.core.concurrency import EditConflict, VersionedModelForm
from indsats.programmes.delivery_forms import HourEntryForm
from indsats.programmes.models import HourEntry, Meeting, ThemeDay
from indsats.programmes.record_dates import DATE_INPUT, DATETIME_INPUT
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import UserFactory, new_programme

pytestmark = pytest.mark.django_db

TAKEN_OVER = "Opdateret med den andens ændring: »%s«."
THEIRS = "Gemt af en anden: »%s«."


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.fixture
def programme(aarhus):
    return began_long_ago(new_programme("O1", aarhus, "TF-2030-0012", hour_cap=25))


@pytest.fixture
def entry(programme, consultant):
    return HourEntry.objects.create(
        programme=programme,
        date=date(2026, 3, 2),
        hours=Decimal("2"),
        description="Sparring",
        consultant=consultant,
    )


@pytest.fixture
def colleague(db):
    return UserFactory(
        email="kollega@styrelsen.test", full_name="Kim Kollega", role=Role.CONSULTANT
    )


def _shown(form_class, instance, **kwargs) -> dict[str, str]:
    """The bookkeeping of the form as the user was shown it."""
    shown = form_class(instance=instance, **kwargs)
    return {"version": str(shown["version"].value()), "based_on": shown["based_on"].value()}


def _colleague_saves(instance, **values):
    type(instance).objects.filter(pk=instance.pk).update(version=F("version") + 1, **values)


def _conflict(form_class, instance, data, **kwargs):
    """Submit ``data`` against the record as now stored; the form after the conflict."""
    fresh = type(instance).objects.get(pk=instance.pk)
    form = form_class(data, instance=fresh, **kwargs)
    assert form.is_valid(), form.errors
    with pytest.raises(EditConflict):
        form.save()
    return form


def _hours_data(entry, user, **changes):
    return {
        "date": "02.03.2026",
        "hours": "2",
        "description": "Sparring",
        "consultant": str(entry.consultant_id),
        "change_reason": "",
        **_shown(HourEntryForm, entry, programme=entry.programme, user=user),
        **changes,
    }


def test_fields_only_the_colleague_changed_take_the_colleagues_values(entry, consultant, colleague):
    """A date, a decimal number and a foreign key the user left alone (C11)."""
    data = _hours_data(entry, consultant, description="Min tekst", change_reason="Rettet")
    _colleague_saves(entry, date=date(2026, 3, 3), hours=Decimal("3.5"), consultant=colleague)
    form = _conflict(HourEntryForm, entry, data, programme=entry.programme, user=consultant)

    assert form["date"].value() == "2026-03-03"  # as the date input writes it
    assert form["hours"].value() == "3,5"
    assert form["consultant"].value() == str(colleague.pk)
    assert form["description"].value() == "Min tekst"
    assert 'value="3,5"' in str(form["hours"])
    assert form.errors["date"] == [TAKEN_OVER % "3. marts 2026"]
    assert form.errors["hours"] == [TAKEN_OVER % "3,5"]
    assert form.errors["consultant"] == [TAKEN_OVER % colleague]
    assert "description" not in form.errors
    banner = str(form.non_field_errors())
    assert "Felter, der er opdateret med den andens ændringer: Dato, Timer, Konsulent." in banner
    assert "vælge" not in banner
    assert "Gem igen for at gemme dine ændringer oven på den andens." in banner


def test_a_field_both_changed_keeps_the_users_value_for_the_user_to_decide(entry, consultant):
    data = _hours_data(entry, consultant, hours="1", change_reason="Rettet")
    _colleague_saves(entry, hours=Decimal("3.5"), date=date(2026, 3, 3))
    form = _conflict(HourEntryForm, entry, data, programme=entry.programme, user=consultant)

    assert form["hours"].value() == "1"
    assert form.errors["hours"] == [THEIRS % "3,5"]
    assert form.errors["date"] == [TAKEN_OVER % "3. marts 2026"]
    banner = str(form.non_field_errors())
    assert "Felter, der er opdateret med den andens ændringer: Dato." in banner
    assert "Felter, hvor du skal vælge mellem din og den andens værdi: Timer." in banner
    assert "Gem igen for at overskrive med dine værdier." in banner


def test_saving_again_after_the_conflict_keeps_the_colleagues_change(entry, consultant, colleague):
    """As a browser posts it: a QueryDict (C11)."""
    data = QueryDict(mutable=True)
    data.update(_hours_data(entry, consultant, description="Min tekst", change_reason="Rettet"))
    _colleague_saves(entry, hours=Decimal("3.5"), date=date(2026, 3, 3), consultant=colleague)
    form = _conflict(HourEntryForm, entry, data, programme=entry.programme, user=consultant)

    again = HourEntryForm(
        form.data,
        instance=HourEntry.objects.get(pk=entry.pk),
        programme=entry.programme,
        user=consultant,
    )
    assert again.is_valid(), again.errors
    again.save()
    entry.refresh_from_db()
    assert entry.description == "Min tekst"
    assert entry.hours == Decimal("3.5")
    assert entry.date == date(2026, 3, 3)
    assert entry.consultant == colleague
    assert entry.version == 3


def test_without_a_fingerprint_nothing_is_taken_over(entry, consultant):
    """The API's forms carry only the version: who changed what is not known."""
    data = _hours_data(entry, consultant, description="Min tekst", change_reason="Rettet")
    del data["based_on"]
    _colleague_saves(entry, hours=Decimal("3.5"))
    form = _conflict(HourEntryForm, entry, data, programme=entry.programme, user=consultant)
    assert form["hours"].value() == "2"
    assert form.errors["hours"] == [THEIRS % "3,5"]
    banner = str(form.non_field_errors())
    assert "Felter, der nu er ændret af den anden: Timer, Hvad blev der lavet" in banner
    assert "opdateret" not in banner


class ThemeDayEdit(VersionedModelForm):
    class Meta:
        model = ThemeDay
        fields = ["date", "place", "held", "change_reason"]
        widgets = {"date": DATE_INPUT}


@pytest.fixture
def theme_day(programme):
    return ThemeDay.objects.create(programme=programme, date=date(2026, 3, 2), place="Aarhus")


@pytest.mark.parametrize(("held_before", "held_now"), [(False, True), (True, False)])
def test_a_checkbox_takes_the_colleagues_tick(theme_day, held_before, held_now):
    """An unticked checkbox is absent from what the browser sends."""
    ThemeDay.objects.filter(pk=theme_day.pk).update(held=held_before)
    theme_day.refresh_from_db()
    data = {"date": "2026-03-02", "place": "Vejle", **_shown(ThemeDayEdit, theme_day)}
    if held_before:
        data["held"] = "on"
    _colleague_saves(theme_day, held=held_now)
    form = _conflict(ThemeDayEdit, theme_day, data)

    assert form["held"].value() is held_now
    assert ("held" in form.data) is held_now
    assert form.errors["held"] == [TAKEN_OVER % ("Ja" if held_now else "Nej")]
    assert form["place"].value() == "Vejle"


def test_a_reason_for_the_colleagues_correction_is_not_taken_over(theme_day):
    """A reason explains the one save it was given with, not the user's: it is neither
    taken over nor named among the fields to choose between, nor hinted at the field."""
    data = {
        "date": "2026-03-02",
        "place": "Vejle",
        "change_reason": "",
        **_shown(ThemeDayEdit, theme_day),
    }
    _colleague_saves(theme_day, change_reason="Flyttet efter aftale")
    form = _conflict(ThemeDayEdit, theme_day, data)
    assert form["change_reason"].value() == ""
    assert "change_reason" not in form.errors
    assert "Begrundelse" not in " ".join(form.non_field_errors())


class MeetingEdit(VersionedModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "starts_at", "place", "agreed_end"]
        widgets = {"starts_at": DATETIME_INPUT, "agreed_end": DATE_INPUT}


def _local(*parts):
    return timezone.make_aware(datetime(*parts))


@pytest.fixture
def meeting(programme):
    return Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=_local(2026, 3, 2, 10, 0),
        place="Aarhus",
        agreed_end=date(2026, 6, 30),
    )


def test_a_choice_a_time_and_an_emptied_date_take_the_colleagues_values(meeting):
    data = {
        "kind": "initial",
        "starts_at": "2026-03-02T10:00",
        "place": "Vejle",
        "agreed_end": "2026-06-30",
        **_shown(MeetingEdit, meeting),
    }
    _colleague_saves(meeting, kind="closing", starts_at=_local(2026, 3, 5, 13, 30), agreed_end=None)
    form = _conflict(MeetingEdit, meeting, data)

    assert form["kind"].value() == "closing"
    assert form["starts_at"].value() == "2026-03-05T13:30"  # local time, as the input writes it
    assert form["agreed_end"].value() == ""
    assert form.errors["kind"] == [TAKEN_OVER % "Afsluttende møde"]
    assert form.errors["starts_at"] == [TAKEN_OVER % "5. marts 2026 kl. 13.30"]
    assert form.errors["agreed_end"] == [TAKEN_OVER % "–"]
    assert form["place"].value() == "Vejle"


class MeetingEditInTwoInputs(MeetingEdit):
    class Meta(MeetingEdit.Meta):
        field_classes = {"starts_at": forms.SplitDateTimeField}
        widgets = {"starts_at": forms.SplitDateTimeWidget}


def test_a_value_its_input_cannot_send_back_is_left_for_the_user_to_decide(meeting):
    """A widget of several inputs: the user's value stays, beside the colleague's."""
    data = {
        "kind": "initial",
        "starts_at_0": "02.03.2026",
        "starts_at_1": "10:00",
        "place": "Aarhus",
        "agreed_end": "30.06.2026",
        **_shown(MeetingEditInTwoInputs, meeting),
    }
    _colleague_saves(meeting, starts_at=_local(2026, 3, 5, 13, 30))
    form = _conflict(MeetingEditInTwoInputs, meeting, data)

    assert form.data["starts_at_0"] == "02.03.2026"
    assert "starts_at" not in form.data
    assert form.errors["starts_at"] == [THEIRS % "5. marts 2026 kl. 13.30"]


def test_a_text_area_sent_with_browser_line_breaks_is_not_a_change_of_the_users(programme):
    """C12: a browser sends a text area's lines with \\r\\n; the stored text has \\n. The
    user who only moved the meeting is not asked to choose about the minutes."""
    from indsats.programmes.event_forms import MeetingForm

    meeting = Meeting.objects.create(
        programme=programme,
        kind="other",
        starts_at=timezone.make_aware(datetime(2026, 3, 2, 10)),
        place="Aarhus",
        minutes="Punkt 1\nPunkt 2",
    )
    data = {
        "kind": "other",
        "starts_at": "2026-03-02T10:00",
        "place": "Vejle",
        "participants": "",
        "minutes": "Punkt 1\r\nPunkt 2",
        "agreed_end": "",
        "change_reason": "",
        **_shown(MeetingForm, meeting, programme=programme),
    }
    _colleague_saves(meeting, minutes="Punkt 1\nPunkt 2\nPunkt 3")
    form = _conflict(MeetingForm, meeting, data, programme=programme)
    assert form.errors["minutes"] == [TAKEN_OVER % "Punkt 1\nPunkt 2\nPunkt 3"]
    assert "Felter, hvor du skal vælge" not in str(form.non_field_errors())
