"""What an integrator's system meets: who the audit trail names, what is logged of a
token, the answers of a draft, the offer's flags, the error details (C9, C12, C13)."""

import logging

import pytest
from auditlog.models import LogEntry
from django.db.models.signals import pre_save
from django.test import Client

from indsats.api.models import TokenScope
from indsats.api.services import issue_token
from indsats.applications import services
from indsats.applications.models import Application
from indsats.catalogue.models import Offer

pytestmark = pytest.mark.django_db


def _draft_from_enquiry(client):
    enquiry = client.post(
        "/api/v1/enquiries",
        {"offer": "O1", "subject": "Temaforløb", "message": "Kan vi få et forløb?"},
        content_type="application/json",
    ).json()
    draft = client.post(
        "/api/v1/applications",
        {"offer": "O1", "enquiry_id": enquiry["id"]},
        content_type="application/json",
    )
    assert draft.status_code == 201, draft.content
    return enquiry["id"], draft.json()


def test_it_names_the_tokens_user_in_the_audit_trail_c9(applicant, token_client):
    """A change made with a token is the token's user's, as on the pages (never "Systemet")."""
    receivers_before = len(pre_save.receivers)
    response = token_client(applicant).post(
        "/api/v1/applications", {"offer": "O1"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    application = Application.objects.get(pk=response.json()["id"])
    created = LogEntry.objects.get_for_object(application).get(action=LogEntry.Action.CREATE)
    assert created.actor == applicant
    # Acting as the token's user leaves no signal receiver behind.
    assert len(pre_save.receivers) == receivers_before


def test_it_never_logs_a_token_sent_with_another_scheme(applicant, settings, caplog):
    """A secret in the wrong scheme is still a secret: refused, and not in any log."""
    settings.DEBUG = True  # ninja logs an unexpected scheme only then
    _token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    with caplog.at_level(logging.DEBUG):
        response = Client(HTTP_AUTHORIZATION=f"Token {text}").get("/api/v1/offers")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    secret = text.rsplit("_", 1)[-1]
    assert not [record for record in caplog.records if secret in record.getMessage()]


def test_it_keeps_the_drafts_enquiry_when_answers_are_replaced(applicant, token_client):
    """PUT answers without »enquiry« keeps the enquiry the draft was started from, so the
    form still shows it chosen; »enquiry«: "" removes it, as »Ingen henvendelse« does."""
    client = token_client(applicant)
    enquiry_id, draft = _draft_from_enquiry(client)
    saved = client.put(
        f"/api/v1/applications/{draft['id']}/answers",
        {"version": draft["version"], "answers": {"topic": "Digitale krænkelser"}},
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["answers"] == {"topic": "Digitale krænkelser", "enquiry": str(enquiry_id)}
    form = services.draft_form(Application.objects.get(pk=draft["id"]))
    assert str(form["enquiry"].value()) == str(enquiry_id)

    cleared = client.put(
        f"/api/v1/applications/{draft['id']}/answers",
        {"version": saved.json()["version"], "answers": {"enquiry": ""}},
        content_type="application/json",
    )
    assert cleared.json()["answers"] == {"enquiry": ""}


def test_it_names_an_answers_field_without_python_types(applicant, token_client):
    client = token_client(applicant)
    draft = client.post(
        "/api/v1/applications", {"offer": "O1"}, content_type="application/json"
    ).json()
    response = client.put(
        f"/api/v1/applications/{draft['id']}/answers",
        {"version": draft["version"], "answers": {"topic": 5}},
        content_type="application/json",
    )
    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert details == [{"field": "answers.topic", "message": "Værdien er ikke gyldig."}]


def test_it_describes_an_offer_closed_by_its_dates(applicant, token_client):
    """``is_open`` is the Board's switch; ``can_be_applied_for`` is what the catalogue
    shows, and the schema says so."""
    offer = Offer.objects.get(code="O1")
    offer.valid_to = offer.valid_from
    offer.save()
    body = token_client(applicant).get("/api/v1/offers/O1").json()
    assert (body["is_open"], body["can_be_applied_for"]) == (True, False)
    schema = Client().get("/api/v1/openapi.json").json()
    fields = schema["components"]["schemas"]["OfferOut"]["properties"]
    assert "can_be_applied_for" in fields["is_open"]["description"]


def test_it_documents_and_enforces_the_enquirys_lengths(applicant, token_client):
    schema = Client().get("/api/v1/openapi.json").json()
    fields = schema["components"]["schemas"]["EnquiryIn"]["properties"]
    assert (fields["subject"]["maxLength"], fields["message"]["maxLength"]) == (200, 5000)
    response = token_client(applicant).post(
        "/api/v1/enquiries",
        {"offer": "O1", "subject": "x" * 201, "message": "Hej"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["subject"]
