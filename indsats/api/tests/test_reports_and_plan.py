"""Reports and the allocation plan through the API: the same generator and service as
the pages (C5, C8, C9)."""

import datetime

import pytest

from indsats.reports.registry import REPORTS, ReportParams, run_report

pytestmark = pytest.mark.django_db


def test_it_lists_every_report_to_a_manager_and_none_to_a_consultant(
    manager, consultant, token_client
):
    body = token_client(manager).get("/api/v1/reports").json()
    assert [item["key"] for item in body] == list(REPORTS)
    assert token_client(consultant).get("/api/v1/reports").status_code == 403


def test_it_gives_the_same_figures_as_the_report_generator(
    manager, applicant, make_application, token_client
):
    make_application("O1", applicant.organisation, applicant, submitted=True)
    today = datetime.date.today()
    start, end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
    response = token_client(manager).get(
        "/api/v1/reports/volumes",
        {"period_start": start.isoformat(), "period_end": end.isoformat()},
    )
    assert response.status_code == 200, response.content
    expected = run_report("volumes", ReportParams(start, end))
    body = response.json()
    assert [t["key"] for t in body["tables"]] == [t.key for t in expected.tables]
    first = expected.tables[0]
    assert len(body["tables"][0]["rows"]) == len(first.rows)
    for got, want in zip(body["tables"][0]["rows"], first.rows, strict=True):
        for key, value in want.items():
            if isinstance(value, int) and not isinstance(value, bool):
                assert got[key] == value


def test_it_refuses_a_period_that_ends_before_it_starts(manager, token_client):
    response = token_client(manager).get(
        "/api/v1/reports/volumes", {"period_start": "2027-05-01", "period_end": "2027-01-01"}
    )
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["period_end"]


def test_it_draws_the_plan_with_the_unassessed_applications_aside(
    manager, applicant, make_application, token_client
):
    application = make_application("O1", applicant.organisation, applicant, submitted=True)
    client = token_client(manager)
    response = client.get("/api/v1/allocation/plan", {"offer": "O1", "period": "2027-K1"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["period"], body["places"]) == ("2027-Q1", 0)
    assert body["unassessed"] == [application.reference]
    bad = client.get("/api/v1/allocation/plan", {"offer": "O1", "period": "snart"})
    assert bad.status_code == 422
    assert bad.json()["error"]["details"][0]["field"] == "period"
    assert (
        client.get("/api/v1/allocation/plan", {"offer": "O5", "period": "2027"}).status_code == 422
    )
