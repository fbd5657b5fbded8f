"""Press criticism, ministerial requests and preparedness plans through the API (C7, C9):
the pages' forms judge them, a stale version is a 409, and every error has one shape."""

import pytest

from indsats.screening.models import MinisterialRequest, PreparednessPlan, PressCriticism

pytestmark = pytest.mark.django_db

PRESS = "/api/v1/screening/press"


def test_it_records_and_corrects_press_criticism(case_officer, token_client):
    client = token_client(case_officer)
    created = client.post(
        PRESS,
        {
            "municipality": "751",
            "published_on": "2026-03-01",
            "medium": "Jyllands-Posten",
            "url": "jp.dk/artikel",
            "summary": "Kritik af sagsbehandlingen i en sag om overgreb.",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    item = PressCriticism.objects.get()
    assert item.recorded_by == case_officer
    assert item.url == "https://jp.dk/artikel"  # the form's rule: https:// by default
    body = {**created.json(), "medium": "Politiken", "version": item.version}
    updated = client.put(f"{PRESS}/{item.pk}", body, content_type="application/json")
    assert updated.status_code == 200, updated.content
    item.refresh_from_db()
    assert (item.medium, item.version) == ("Politiken", 2)

    stale = client.put(f"{PRESS}/{item.pk}", body, content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"

    listed = client.get(PRESS, {"municipality": "751"}).json()
    assert (listed["total"], listed["items"][0]["medium"]) == (1, "Politiken")
    assert client.get(PRESS, {"municipality": "101"}).json()["total"] == 0


def test_it_answers_a_missing_field_with_its_name_and_a_danish_message(case_officer, token_client):
    response = token_client(case_officer).post(
        PRESS, {"municipality": "751", "medium": "Avisen"}, content_type="application/json"
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert {detail["field"] for detail in error["details"]} == {"published_on", "summary"}
    assert {detail["message"] for detail in error["details"]} == {"Skal udfyldes."}


def test_it_answers_an_unknown_municipality_as_a_field_error(case_officer, token_client):
    response = token_client(case_officer).post(
        "/api/v1/screening/ministerial-requests",
        {"municipality": "999", "received_on": "2026-02-01", "reference": "2026-17"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"field": "municipality", "message": "Kommunen findes ikke."}
    ]
    assert not MinisterialRequest.objects.exists()


def test_it_applies_the_plan_forms_rules(case_officer, token_client):
    client = token_client(case_officer)
    path = "/api/v1/screening/preparedness-plans/751"
    refused = client.put(
        path,
        {"approved_on": "2025-05-01", "revised_on": "2024-01-01"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["details"] == [
        {"field": "revised_on", "message": "Revisionen kan ikke ligge før godkendelsen."}
    ]
    created = client.put(path, {"approved_on": "2025-05-01"}, content_type="application/json")
    assert created.status_code == 200, created.content
    plan = PreparednessPlan.objects.get(municipality__code="751")
    again = client.put(path, {"approved_on": "2025-06-01"}, content_type="application/json")
    assert again.status_code == 422  # an existing plan is changed from its version
    changed = client.put(
        path,
        {"approved_on": "2025-06-01", "version": plan.version},
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert changed.json()["approved_on"] == "2025-06-01"


def test_it_keeps_the_records_from_applicants(applicant, token_client):
    response = token_client(applicant).post(
        "/api/v1/screening/ministerial-requests",
        {"municipality": "751", "received_on": "2026-02-01", "reference": "2026-17"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not MinisterialRequest.objects.exists()
