"""A municipality's rates year by year with the references, for its page (#11; C7, F5–F7).

The series takes one municipality's figures and references per year without screening the
others; they must be the figures the old core gave when it screened everyone.
"""

from datetime import date
from decimal import Decimal

import pytest

from indsats.organisations.models import Municipality
from indsats.screening.inputs import gather
from indsats.screening.models import ComparisonGroup
from indsats.screening.series import time_series
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
