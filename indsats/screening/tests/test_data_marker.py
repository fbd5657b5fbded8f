"""The screening list's "data changed" banner from a cheap marker of the inputs (#11;
C7, C13): a few aggregate queries instead of gathering every figure and record again."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indsats.organisations.models import Municipality
from indsats.screening.forms import ComparisonGroupForm, MinisterialRequestForm, PressForm
from indsats.screening.models import (
    ComparisonGroup,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    RequestStatus,
    ScreeningRun,
)
from indsats.screening.services import (
    current_parameters,
    data_changed_since,
    data_marker,
    run_screening,
)

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 6, 30)
FIGURES_2023 = {"101": (1000, 12, 2), "147": (1000, 5, 1), "751": (1000, 4, 1)}


def municipality(code):
    return Municipality.objects.get(code=code)


@pytest.fixture
def run(add_statistics):
    add_statistics(2023, FIGURES_2023)
    PressCriticism.objects.create(
        municipality=municipality("751"),
        published_on=date(2024, 1, 5),
        medium="Lokalavisen (opdigtet)",
        summary="Opdigtet kritik til testen.",
    )
    MinisterialRequest.objects.create(
        municipality=municipality("147"), received_on=date(2024, 3, 1), reference="MIN-7"
    )
    group = ComparisonGroup.objects.create(municipality=municipality("101"))
    group.members.set([municipality("147")])
    return run_screening(current_parameters(2023, as_of=AS_OF))


def fresh(run):
    """The run as the screening list reads it from the database."""
    return ScreeningRun.objects.get(pk=run.pk)


def test_it_saves_the_marker_with_the_run(run):
    assert fresh(run).data_versions["marker"] == data_marker(2023)
    assert not data_changed_since(fresh(run))


def test_it_asks_the_database_a_few_aggregates_however_many_figures(run, add_statistics):
    with CaptureQueriesContext(connection) as few_figures:
        data_changed_since(fresh(run))
    add_statistics(2023, dict.fromkeys(("461", "561", "621", "657", "661"), (900, 3, 1)))
    with CaptureQueriesContext(connection) as more_figures:
        data_changed_since(fresh(run))
    assert len(few_figures) == len(more_figures) == 7  # the run, 5 tables, municipalities
    statements = [query["sql"].upper() for query in few_figures.captured_queries]
    # One aggregate a table, none reading the figures or records themselves.
    assert sum("MAX(" in sql for sql in statements) == 5
    assert not any('"VALUE"' in sql or "PUBLISHED_ON" in sql for sql in statements)


def test_it_sees_an_import_that_changes_a_figure_of_the_year(run, add_statistics):
    add_statistics(2023, {"147": (1000, 6, 1)})
    assert data_changed_since(fresh(run))


def test_it_sees_nothing_when_the_same_figures_are_imported_again(run, add_statistics):
    add_statistics(2023, FIGURES_2023)  # idempotent: no new source, nothing written
    assert not data_changed_since(fresh(run))


def test_it_ignores_figures_for_other_years(run, add_statistics):
    add_statistics(2022, {"101": (1000, 3, 0)})
    assert not data_changed_since(fresh(run))


def test_it_sees_a_new_plan(run):
    PreparednessPlan.objects.create(municipality=municipality("751"), approved_on=None)
    assert data_changed_since(fresh(run))


def test_it_sees_press_criticism_redated_by_staff(run):
    press = PressCriticism.objects.get()
    form = PressForm(
        {
            "published_on": "2020-01-05",
            "medium": press.medium,
            "url": "",
            "summary": press.summary,
            "version": press.version,
        },
        instance=press,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert data_changed_since(fresh(run))


def test_it_sees_press_criticism_deleted(run):
    PressCriticism.objects.all().delete()
    assert data_changed_since(fresh(run))


def test_it_sees_a_ministerial_request_closed(run):
    request = MinisterialRequest.objects.get()
    form = MinisterialRequestForm(
        {
            "received_on": "2024-03-01",
            "reference": "MIN-7",
            "status": RequestStatus.CLOSED,
            "note": "",
            "version": request.version,
        },
        instance=request,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert data_changed_since(fresh(run))


def test_it_sees_a_comparison_group_given_other_members(run):
    group = ComparisonGroup.objects.get()
    form = ComparisonGroupForm(
        {"members": [municipality("751").pk], "version": group.version},
        instance=group,
        municipality=group.municipality,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert data_changed_since(fresh(run))


def test_it_sees_a_municipality_renamed(run):
    Municipality.objects.filter(code="751").update(name="Aarhus (omdøbt)")
    assert data_changed_since(fresh(run))


def test_it_compares_the_inputs_themselves_for_a_run_saved_without_a_marker(run, add_statistics):
    old = fresh(run)
    del old.data_versions["marker"]
    old.save()
    assert not data_changed_since(fresh(old))
    add_statistics(2023, {"147": (1000, 6, 1)})
    assert data_changed_since(fresh(old))
