"""A municipality's rates year by year with the references, for its page (#11; C7, F5–F7).

The series takes one municipality's figures and references per year without screening the
others; they must be the figures the old core gave when it screened everyone.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indsats.organisations.models import Municipality
from indsats.screening.forms import ComparisonGroupForm
from indsats.screening.inputs import gather
from indsats.screening.models import ComparisonGroup
from indsats.screening.series import computed_time_series, time_series
from indsats.screening.services import current_parameters
from indsats.screening.tests import reference_core

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 6, 30)


@pytest.fixture
def two_years(add_statistics):
    add_statistics(2022, {"101": (1000, 9, 1), "147": (800, 4, 3), "751": (1200, 5, 0)})
    add_statistics(2023, {"101": (1000, 12, 2), "147": (1000, 5, 1), "751": (1000, 4, 1)})
    group = ComparisonGroup.objects.create(municipality=Municipality.objects.get(code="101"))
    # Published with København itself in it: the screening leaves it out.
    group.members.set(Municipality.objects.filter(code__in=["101", "147", "751"]))


@pytest.mark.parametrize("averaging", ["pooled", "mean"])
def test_it_gives_each_years_rates_and_references_as_screening_everyone_did(two_years, averaging):
    copenhagen = Municipality.objects.get(code="101")
    series = time_series(copenhagen, current_parameters(2023, as_of=AS_OF, averaging=averaging))
    assert [row["year"] for row in series] == [2022, 2023]
    for row in series:
        parameters = current_parameters(row["year"], as_of=AS_OF, averaging=averaging)
        inputs, _versions = gather(parameters)
        rates, references = reference_core.rates_and_references(
            inputs, averaging, parameters.references
        )["101"]
        assert row["rates"] == rates
        for measure, by_name in row["references"].items():
            assert by_name == {name: ref.rate for name, ref in references[measure].items()}
            assert {str(value) for value in by_name.values()} == {
                str(ref.rate) for ref in references[measure].values()
            }


def test_it_compares_with_the_group_without_the_municipality_itself(two_years):
    copenhagen = Municipality.objects.get(code="101")
    series = time_series(copenhagen, current_parameters(2023, as_of=AS_OF))
    # 2023: Frederiksberg 5 and Aarhus 4 notifications per 1,000 children, pooled 4.5.
    assert series[1]["references"]["notification"]["group"] == Decimal("4.5")
    assert series[1]["rates"]["notification"] == 12


# The series is kept in the cache under the markers of what it reads (#11, C13).


def _reads_figures(queries) -> bool:
    return any('"value"' in query["sql"] for query in queries.captured_queries)


def test_it_reads_the_figures_once_for_every_municipality(two_years):
    copenhagen = Municipality.objects.get(code="101")
    aarhus = Municipality.objects.get(code="751")
    parameters = current_parameters(2023, as_of=AS_OF)
    with CaptureQueriesContext(connection) as first:
        series = time_series(copenhagen, parameters)
    with CaptureQueriesContext(connection) as again:
        assert time_series(copenhagen, parameters) == series
    with CaptureQueriesContext(connection) as another:
        aarhus_series = time_series(aarhus, parameters)
    assert aarhus_series == computed_time_series(parameters)["751"]
    assert _reads_figures(first)
    assert not _reads_figures(again)
    assert not _reads_figures(another)
    assert len(again) == len(another) == 3  # the figures', groups' and municipalities' markers


def test_it_shows_a_new_import_at_once(two_years, add_statistics):
    copenhagen = Municipality.objects.get(code="101")
    parameters = current_parameters(2023, as_of=AS_OF)
    before = time_series(copenhagen, parameters)
    add_statistics(2023, {"101": (1000, 20, 2)})
    after = time_series(copenhagen, parameters)
    assert after[1]["rates"]["notification"] == 20 != before[1]["rates"]["notification"]
    assert after == computed_time_series(parameters)["101"]


def test_it_follows_a_comparison_group_given_other_members(two_years):
    copenhagen = Municipality.objects.get(code="101")
    parameters = current_parameters(2023, as_of=AS_OF)
    assert time_series(copenhagen, parameters)[1]["references"]["notification"]["group"] == 4.5
    group = ComparisonGroup.objects.get(municipality=copenhagen)
    form = ComparisonGroupForm(
        {"members": [Municipality.objects.get(code="751").pk], "version": group.version},
        instance=group,
        municipality=copenhagen,
    )
    assert form.is_valid(), form.errors
    form.save()
    series = time_series(copenhagen, parameters)
    assert series[1]["references"]["notification"]["group"] == 4  # Aarhus alone
    assert series == computed_time_series(parameters)["101"]


def test_it_follows_the_settings_and_a_municipality_moved_to_another_region(two_years):
    copenhagen = Municipality.objects.get(code="101")
    pooled = current_parameters(2023, as_of=AS_OF, averaging="pooled")
    mean = current_parameters(2023, as_of=AS_OF, averaging="mean")
    for parameters in (pooled, mean, pooled):
        assert time_series(copenhagen, parameters) == computed_time_series(parameters)["101"]
    region = time_series(copenhagen, pooled)[1]["references"]["notification"]["region"]
    aarhus = Municipality.objects.get(code="751")
    Municipality.objects.filter(code="751").update(region=copenhagen.region)
    moved = time_series(copenhagen, pooled)
    assert moved[1]["references"]["notification"]["region"] != region
    assert moved == computed_time_series(pooled)["101"]
    assert aarhus.region != copenhagen.region  # it was elsewhere before
