"""Deleting a versioned record only as the user saw it (C6, C12): the one helper behind
cancelling a programme record and removing a municipal contact."""

from datetime import date

import pytest

from indsats.core.concurrency import EditConflict, delete_if_unchanged
from indsats.programmes.models import ThemeDay
from indsats.testing.factories import new_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_day(placement_site):
    programme = new_programme("O4", placement_site, "F-2027-0901")
    return ThemeDay.objects.create(programme=programme, date=date(2027, 3, 1), place="Granbakken")


def test_it_deletes_the_record_as_the_user_saw_it_after_the_step_before(theme_day):
    seen = []
    pk = theme_day.pk
    gone = delete_if_unchanged(theme_day, theme_day.version, before_delete=seen.append)
    assert seen == [gone]  # the step saw the stored record, before it was deleted
    assert gone.place == "Granbakken"
    assert not ThemeDay.objects.filter(pk=pk).exists()


@pytest.mark.parametrize("expected", [None, 0, 2], ids=["none", "older", "newer"])
def test_it_refuses_another_version_and_deletes_nothing(theme_day, expected):
    steps = []
    with pytest.raises(EditConflict) as refused:
        delete_if_unchanged(theme_day, expected, before_delete=steps.append)
    assert refused.value.stored_version == theme_day.version
    assert steps == []
    assert ThemeDay.objects.filter(pk=theme_day.pk).exists()


def test_it_answers_none_when_someone_deleted_it_first(theme_day):
    ThemeDay.objects.filter(pk=theme_day.pk).delete()
    assert delete_if_unchanged(theme_day, theme_day.version) is None
