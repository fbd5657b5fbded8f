"""Screening runs through the API keep every digit the core computed (C7, C9)."""

import datetime
import json
from decimal import Decimal

import pytest

from indsats.screening.services import current_parameters, run_screening

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(add_statistics, manager):
    # 7 and 3,001 children: rates per 1,000 with digits no float keeps.
    add_statistics(2023, {"101": (7, 1, 1), "147": (3001, 5, 1), "751": (1000, 4, 1)})
    return run_screening(current_parameters(2023, as_of=datetime.date(2024, 6, 1)), user=manager)


def test_it_gives_each_rate_equal_to_the_cores_value_c9(run, consultant, token_client):
    response = token_client(consultant).get(f"/api/v1/screening/runs/{run.pk}")
    assert response.status_code == 200, response.content
    body = json.loads(response.content, parse_float=Decimal)
    by_code = {row["code"]: row for row in body["municipalities"]}
    assert len(by_code) == 98
    checked = 0
    for result in run.results:
        rates = by_code[result["code"]]["rates"]
        for measure, value in result["rates"].items():
            expected = None if value is None else Decimal(value)
            assert rates[f"rate_{measure}"] == expected
            checked += expected is not None
    assert checked >= 3
    copenhagen = by_code["101"]["rates"]["rate_notification"]
    assert copenhagen == Decimal(run.result_for("101")["rates"]["notification"])
    assert len(str(copenhagen).split(".")[1]) > 6  # more than the CSV's six decimals


def test_it_lists_runs_without_their_results(run, consultant, token_client):
    body = token_client(consultant).get("/api/v1/screening/runs", {"year": 2023}).json()
    assert body["total"] == 1
    assert body["items"][0]["id"] == run.pk
    assert "municipalities" not in body["items"][0]
    assert (
        token_client(consultant).get("/api/v1/screening/runs", {"year": 2022}).json()["total"] == 0
    )
