"""Who may use the API, by token or session (C9): the pages' predicates, plus the scope."""

import re

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from indsats.api.models import ApiToken, TokenScope
from indsats.api.services import issue_token
from indsats.testing.factories import TEST_PASSWORD

from .conftest import TokenClient

pytestmark = pytest.mark.django_db


def test_it_hides_another_organisations_application_from_an_applicants_token_c9(
    applicant, other_applicant, make_application, token_client
):
    theirs = make_application("O1", other_applicant.organisation, other_applicant, submitted=True)
    ours = make_application("O1", applicant.organisation, applicant)
    client = token_client(applicant)

    assert client.get(f"/api/v1/applications/{ours.pk}").status_code == 200
    response = client.get(f"/api/v1/applications/{theirs.pk}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    listed = client.get("/api/v1/applications").json()
    assert [item["id"] for item in listed["items"]] == [ours.pk]
    assert listed["total"] == 1


def test_it_refuses_a_write_with_a_read_scoped_token_c9(applicant, token_client):
    client = token_client(applicant, TokenScope.READ)
    response = client.post("/api/v1/applications", {"offer": "O1"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not applicant.organisation.applications.exists()
    # The same token reads.
    assert client.get("/api/v1/applications").status_code == 200


def test_it_creates_a_draft_with_a_read_write_token(applicant, token_client):
    response = token_client(applicant).post(
        "/api/v1/applications", {"offer": "O1"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert body["offer"] == "O1"
    assert applicant.organisation.applications.get().pk == body["id"]


def test_it_refuses_a_revoked_token_c9(applicant):
    token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    assert TokenClient(text).get("/api/v1/offers").status_code == 200
    token.revoke()
    response = TokenClient(text).get("/api/v1/offers")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_it_refuses_an_unknown_token_and_no_credentials(applicant):
    _token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    assert (
        TokenClient(text[:-1] + ("A" if text[-1] != "A" else "B")).get("/api/v1/offers").status_code
        == 401
    )
    assert TokenClient("noget-andet").get("/api/v1/offers").status_code == 401
    response = Client().get("/api/v1/offers")
    assert response.status_code == 401
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_it_refuses_the_token_of_a_deactivated_user(applicant):
    _token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    applicant.is_active = False
    applicant.save()
    assert TokenClient(text).get("/api/v1/offers").status_code == 401


def test_it_records_when_a_token_was_last_used(applicant):
    token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    assert token.last_used_at is None
    before = timezone.now()
    TokenClient(text).get("/api/v1/offers")
    token.refresh_from_db()
    assert token.last_used_at >= before


def test_it_stores_only_a_hash_of_the_token(applicant):
    token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert text not in {str(value) for value in stored.values()}
    assert text.startswith(f"ind_{token.prefix}_")


def test_it_checks_csrf_on_a_session_write(applicant):
    client = Client(enforce_csrf_checks=True)
    assert client.login(request=HttpRequest(), email=applicant.email, password=TEST_PASSWORD)
    assert client.get("/api/v1/offers").status_code == 200
    response = client.post("/api/v1/applications", {"offer": "O1"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not applicant.organisation.applications.exists()


def test_it_keeps_staff_only_lists_from_applicants(applicant, token_client):
    client = token_client(applicant)
    for path in (
        "/api/v1/screening/runs",
        "/api/v1/screening/press",
        "/api/v1/screening/ministerial-requests",
        "/api/v1/screening/preparedness-plans",
        "/api/v1/capacity",
        "/api/v1/allocation/plan?offer=O1&period=2027",
    ):
        assert client.get(path).status_code == 403, path


def test_it_shows_staff_every_submitted_application_but_no_drafts(
    applicant, other_applicant, case_officer, make_application, token_client
):
    kbh = other_applicant.organisation
    submitted = make_application("O1", kbh, other_applicant, submitted=True)
    make_application("O1", applicant.organisation, applicant)  # a draft: the applicant's own
    body = token_client(case_officer).get("/api/v1/applications").json()
    assert [item["id"] for item in body["items"]] == [submitted.pk]


def test_it_answers_an_unknown_address_with_the_error_body(applicant, token_client):
    response = token_client(applicant).get("/api/v1/findes-ikke")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_it_answers_a_method_an_address_does_not_take_with_the_error_body(applicant, token_client):
    """C9: one error body for every error, the 405 included, with its Allow header."""
    response = token_client(applicant).delete("/api/v1/offers")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_it_accepts_a_session_write_with_the_csrf_token(applicant):
    client = Client(enforce_csrf_checks=True)
    assert client.login(request=HttpRequest(), email=applicant.email, password=TEST_PASSWORD)
    # The browser takes the token from a page's form (the cookie is HttpOnly here).
    page = client.get(reverse("applications:portal")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        "/api/v1/applications",
        {"offer": "O1"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201, response.content


def test_it_publishes_its_openapi_schema_and_docs(applicant):
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/applications" in schema["paths"]
    assert "/api/v1/screening/press" in schema["paths"]
    assert Client().get("/api/v1/docs").status_code == 200


def test_it_sends_an_enquiry_through_the_pages_form(applicant, other_applicant, token_client):
    client = token_client(applicant)
    response = client.post(
        "/api/v1/enquiries",
        {"offer": "O1", "subject": "Temaforløb i foråret", "message": "Kan vi få et forløb?"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    enquiry = applicant.organisation.enquiries.get()
    assert (enquiry.contact_email, enquiry.created_by) == (applicant.email, applicant)
    refused = client.post(
        "/api/v1/enquiries",
        {"offer": "O1", "subject": "", "message": "Hej", "contact_email": "ikke-en-adresse"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    fields = {detail["field"] for detail in refused.json()["error"]["details"]}
    assert fields == {"subject", "contact_email"}
    assert token_client(other_applicant).get(f"/api/v1/enquiries/{enquiry.pk}").status_code == 404


def test_it_keeps_a_decisions_internal_reason_from_the_applicant(
    applicant, case_officer, make_application, token_client
):
    """C4, C9: the applicant reads the text written to it, never the Board's internal
    reason or who decided; staff read both."""
    from indsats.applications.models import Decision

    application = make_application("O1", applicant.organisation, applicant, submitted=True)
    Decision.objects.create(
        application=application,
        outcome="reject",
        applicant_text="Kapaciteten er brugt.",
        internal_reason="Intern note: motivationen var tynd.",
        decided_by=case_officer,
    )
    seen = token_client(applicant).get("/api/v1/decisions").json()["items"]
    assert [d["applicant_text"] for d in seen] == ["Kapaciteten er brugt."]
    assert seen[0]["internal_reason"] is None
    assert seen[0]["decided_by"] is None
    staff = token_client(case_officer).get("/api/v1/decisions").json()["items"]
    assert staff[0]["internal_reason"] == "Intern note: motivationen var tynd."
