"""Synthetic statistics for the demo (C7): all 98 municipalities, marked synthetic on every
page that shows them, and safe to load twice."""

from datetime import date

import pytest
from django.urls import reverse

from indsats.screening.demo import load_synthetic_statistics
from indsats.screening.models import (
    ComparisonGroup,
    DataSource,
    PreparednessPlan,
    ScreeningRun,
    StatisticValue,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 1)


def test_it_makes_synthetic_figures_for_all_98_municipalities_and_a_first_run():
    load_synthetic_statistics(TODAY)
    assert StatisticValue.objects.values("municipality").distinct().count() == 98
    assert set(StatisticValue.objects.values_list("year", flat=True)) == set(range(2021, 2026))
    assert all(source.synthetic for source in DataSource.objects.all())
    assert PreparednessPlan.objects.count() == ComparisonGroup.objects.count() == 98
    run = ScreeningRun.objects.get()
    assert run.synthetic
    assert run.year == 2025
    met = {code for row in run.results for code in row["met"]}
    assert met == {"F1", "F2", "F3", "F4", "F5", "F6", "F7"}  # every factor can be seen
    assert any(row["candidate"] for row in run.results)


def test_it_changes_nothing_when_loaded_twice():
    load_synthetic_statistics(TODAY)
    counts = (DataSource.objects.count(), StatisticValue.objects.count())
    load_synthetic_statistics(TODAY)
    assert (DataSource.objects.count(), StatisticValue.objects.count()) == counts
    assert ScreeningRun.objects.count() == 1


def test_it_says_synthetic_on_every_page_that_shows_the_figures(client, case_officer):
    load_synthetic_statistics(TODAY)
    client.force_login(case_officer)
    for url in (
        reverse("screening:list"),
        reverse("screening:municipality", args=["101"]),
        reverse("screening:list") + "?faktor=F5",
    ):
        assert "Syntetiske data" in client.get(url).text, url
    json_export = client.get(
        reverse("screening:download_json", args=[ScreeningRun.objects.get().pk])
    )
    assert json_export.json()["synthetic"] is True


def test_it_is_part_of_the_demo_data(demo_data):
    assert ScreeningRun.objects.filter(synthetic=True).exists()
