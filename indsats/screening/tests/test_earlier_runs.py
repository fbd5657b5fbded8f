"""A run for an earlier year does not take the current run's place (C7; F1–F7): the list
and the municipalities' pages show the newest run for the newest statistics year; an
earlier one is shown when asked for, said to be earlier, with a way back; every run is in
a paginated list »Tidligere kørsler«; and a run says which date its records are as of
and which year its statistics are for."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from indsats.screening.models import ScreeningRun
from indsats.screening.services import current_parameters, run_screening
from indsats.screening.views.screening import RUNS_PER_PAGE

pytestmark = pytest.mark.django_db

FIGURES = {"101": (1000, 12, 2), "147": (1000, 5, 2), "751": (1000, 5, 0), "461": (1000, 5, 2)}


@pytest.fixture
def two_years(add_statistics):
    """Statistics for 2021 and 2023, and the current run, for 2023."""
    add_statistics(2021, FIGURES)
    add_statistics(2023, FIGURES)
    return run_screening(current_parameters(2023, as_of=date(2024, 6, 30)))


def _text(response) -> str:
    return " ".join(response.text.split())


def test_a_run_for_an_earlier_year_leaves_the_current_run_in_place(client, manager, two_years):
    client.force_login(manager)
    response = client.post(reverse("screening:run"), {"year": "2021"})
    earlier = ScreeningRun.objects.get(year=2021)
    assert response.url == f"{reverse('screening:list')}?koersel={earlier.pk}"
    assert client.get(reverse("screening:list")).context["run"].pk == two_years.pk
    page = client.get(reverse("screening:municipality", args=["101"]))
    assert page.context["run"].pk == two_years.pk
    assert "Screeningen for 2023" in _text(page)


def test_an_earlier_run_asked_for_says_so_and_links_back(client, manager, two_years):
    earlier = run_screening(current_parameters(2021, as_of=date(2024, 6, 30)))
    client.force_login(manager)
    listed = _text(client.get(reverse("screening:list"), {"koersel": earlier.pk}))
    assert "Du ser en kørsel for et tidligere år, 2021. Den aktuelle screening er for 2023." in (
        listed
    )
    assert f'href="{reverse("screening:list")}">Gå til den aktuelle screening' in listed
    # The municipalities' links keep the run shown; their pages say it too, and link back.
    municipality_url = reverse("screening:municipality", args=["101"])
    assert f'href="{municipality_url}?koersel={earlier.pk}"' in listed
    page = client.get(municipality_url, {"koersel": earlier.pk})
    assert page.context["run"].pk == earlier.pk
    assert f'href="{municipality_url}">Gå til den aktuelle screening' in _text(page)
    current = _text(client.get(reverse("screening:list")))
    assert "Gå til den aktuelle screening" not in current


def test_the_runs_are_listed_with_year_time_user_and_synthetic_data_a_page_at_a_time(
    client, manager, two_years
):
    client.force_login(manager)
    for _number in range(RUNS_PER_PAGE):
        client.post(reverse("screening:run"), {"year": "2021"})
    response = client.get(reverse("screening:list"))
    runs = response.context["runs"]
    assert (runs.count, len(runs), runs.num_pages) == (RUNS_PER_PAGE + 1, RUNS_PER_PAGE, 2)
    text = _text(response)
    assert "Tidligere kørsler" in text
    assert str(manager) in text
    assert "Rigtige tal" in text
    second = client.get(reverse("screening:list"), {"koersler_side": 2})
    assert [run.pk for run in second.context["runs"]] == [two_years.pk]
    assert second.context["run"].pk == two_years.pk  # paging the runs changes no run shown


def test_a_run_says_its_records_are_as_of_a_date_and_its_statistics_for_a_year(
    client, manager, two_years
):
    client.force_login(manager)
    with translation.override("da"):
        text = _text(client.get(reverse("screening:list")))
    assert (
        "30. juni 2024 for beredskaber, kritik i pressen og henvendelser fra ministeren; "
        "statistikken er for 2023." in text
    )


def test_a_run_is_named_in_local_time_the_danish_way(two_years):
    """The audit trail names a run by its __str__: local time, the language's format."""
    ScreeningRun.objects.filter(pk=two_years.pk).update(
        created_at=datetime(2026, 11, 29, 6, 40, tzinfo=UTC)
    )
    run = ScreeningRun.objects.get(pk=two_years.pk)
    with translation.override("da"):
        assert str(run) == "Screening for 2023, kørt 29. november 2026 kl. 07.40"
    with translation.override("en"):
        assert str(run) == "Screening for 2023, run 29 November 2026, 07:40"
