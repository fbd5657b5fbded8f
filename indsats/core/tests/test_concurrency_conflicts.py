"""What an edit conflict tells the user (C11, C12): only the fields the colleague changed,
each with the colleague's value as a person reads it, never a Python value."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from indsats.core.concurrency import EMPTY, EditConflict, display_value
from indsats.programmes.delivery_forms import HourEntryForm
from indsats.programmes.models import HourEntry
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import new_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.fixture
def programme(aarhus):
    return began_long_ago(new_programme("O1", aarhus, "TF-2030-0011", hour_cap=25))


@pytest.fixture
def entry(programme, consultant):
    return HourEntry.objects.create(
        programme=programme,
        date=date(2026, 3, 2),
        hours=Decimal("2"),
        description="Sparring",
        consultant=consultant,
    )


CHOICE = forms.ChoiceField(choices=[("initial", "Indledende møde"), ("closing", "Afsluttende")])


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        (None, datetime(2020, 1, 1, 9, 0, tzinfo=UTC), "1. januar 2020 kl. 10.00"),
        (None, date(2026, 11, 20), "20. november 2026"),
        (None, Decimal("3.5"), "3,5"),
        (None, Decimal("2.0"), "2"),  # whole hours as the lists show them, not 2,0
        (None, 3.5, "3,5"),
        (None, True, "Ja"),
        (None, False, "Nej"),
        (None, None, EMPTY),
        (None, "", EMPTY),
        (CHOICE, "initial", "Indledende møde"),
        (None, "Granbakken", "Granbakken"),
    ],
)
def test_a_stored_value_is_shown_as_a_person_reads_it(field, value, shown):
    assert display_value(field, value) == shown


def test_a_foreign_key_is_shown_as_its_object(consultant):
    assert display_value(None, consultant) == str(consultant)


def _form(entry, user, **changes):
    """The edit form as the user was shown it, submitted with ``changes``."""
    shown = HourEntryForm(instance=entry, programme=entry.programme, user=user)
    data = {
        "date": "02.03.2026",
        "hours": "2",
        "description": "Sparring",
        "consultant": str(entry.consultant_id),
        "change_reason": "Rettet",
        "version": str(shown["version"].value()),
        "based_on": shown["based_on"].value(),
        **changes,
    }
    return data


def _submit(entry, user, data):
    fresh = HourEntry.objects.get(pk=entry.pk)
    form = HourEntryForm(data, instance=fresh, programme=entry.programme, user=user)
    assert form.is_valid(), form.errors
    return form, form.save


def test_the_conflict_names_only_the_fields_the_colleague_changed(entry, consultant):
    data = _form(entry, consultant, hours="1", description="Min tekst")
    colleague = HourEntry.objects.get(pk=entry.pk)
    colleague.hours = Decimal("3.5")
    colleague.version += 1
    colleague.save()

    form, save = _submit(entry, consultant, data)
    with pytest.raises(EditConflict):
        save()
    banner = str(form.non_field_errors())
    assert "Timer" in banner
    assert "Dato" not in banner
    assert "Konsulent" not in banner
    assert "Hvad blev der lavet" not in banner  # the user's own change
    assert form.errors["hours"] == ["Gemt af en anden: »3,5«."]
    assert "description" not in form.errors
    assert "3.5" not in str(form.errors)


def test_saving_again_after_the_conflict_is_based_on_the_stored_values(entry, consultant):
    data = _form(entry, consultant, description="Min tekst")
    HourEntry.objects.filter(pk=entry.pk).update(hours=Decimal("3.5"), version=2)
    form, save = _submit(entry, consultant, data)
    with pytest.raises(EditConflict):
        save()
    again = dict(form.data.items())
    assert again["version"] == "2"
    assert again["based_on"] != data["based_on"]
    # a third person saves the date: only the date is news now
    HourEntry.objects.filter(pk=entry.pk).update(date=date(2026, 3, 3), version=3)
    form, save = _submit(entry, consultant, again)
    with pytest.raises(EditConflict):
        save()
    assert set(form.errors) == {"__all__", "date"}
    assert form.errors["date"] == ["Opdateret med den andens ændring: »3. marts 2026«."]


def test_without_a_fingerprint_it_names_the_fields_that_differ_from_the_users(
    entry, consultant
):  # the API's forms carry only the version
    data = _form(entry, consultant, description="Min tekst")
    del data["based_on"]
    HourEntry.objects.filter(pk=entry.pk).update(hours=Decimal("3.5"), version=2)
    form, save = _submit(entry, consultant, data)
    with pytest.raises(EditConflict):
        save()
    assert {"hours", "description"} <= set(form.errors)
    assert form.errors["description"] == ["Gemt af en anden: »Sparring«."]


def test_the_fingerprint_is_not_a_change_and_names_no_value(entry, consultant):
    shown = HourEntryForm(instance=entry, programme=entry.programme, user=consultant)
    fingerprint = shown["based_on"].value()
    assert "Sparring" not in fingerprint
    assert "hours" not in fingerprint
    form = HourEntryForm(
        _form(entry, consultant), instance=entry, programme=entry.programme, user=consultant
    )
    assert form.is_valid()
    assert "based_on" not in form.changed_data
