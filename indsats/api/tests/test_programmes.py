"""Programmes with their steps, meetings, theme days and documents (C6, C9)."""

import datetime

import pytest
from django.utils import timezone

from indsats.catalogue.models import Offer
from indsats.programmes.apps import step_titles
from indsats.programmes.models import Meeting, Programme, StepRecord, ThemeDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(applicant, consultant):
    programme = Programme.objects.create(
        offer=Offer.objects.get(code="O1"),
        reference="TF-2027-0001",
        title="Temaforløb om børnesamtaler",
        organisation=applicant.organisation,
        current_step="delivery",
    )
    StepRecord.objects.create(programme=programme, step="enquiry", completed_by=consultant)
    Meeting.objects.create(
        programme=programme,
        kind="initial",
        starts_at=timezone.now(),
        place="Rådhuset, Aarhus",
    )
    ThemeDay.objects.create(
        programme=programme, date=datetime.date(2027, 3, 2), place="Rådhuset, Aarhus"
    )
    return programme


def test_it_gives_a_programme_with_its_steps_meetings_and_theme_days(
    programme, applicant, token_client
):
    response = token_client(applicant).get(f"/api/v1/programmes/{programme.pk}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["reference"] == "TF-2027-0001"
    assert body["steps"][0]["step"] == "enquiry"
    assert body["steps"][0]["title"] == step_titles()["enquiry"] != "enquiry"
    assert [m["kind_label"] for m in body["meetings"]] == ["Indledende møde"]
    assert [d["date"] for d in body["theme_days"]] == ["2027-03-02"]
    assert body["documents"] == []


def test_it_hides_another_organisations_programme(programme, other_applicant, token_client):
    client = token_client(other_applicant)
    assert client.get(f"/api/v1/programmes/{programme.pk}").status_code == 404
    assert client.get("/api/v1/programmes").json()["total"] == 0


def test_it_filters_the_list_as_the_page_does(programme, consultant, token_client):
    client = token_client(consultant)
    assert client.get("/api/v1/programmes", {"offer": "O1"}).json()["total"] == 1
    assert client.get("/api/v1/programmes", {"offer": "O2"}).json()["total"] == 0
    assert client.get("/api/v1/programmes", {"q": "børnesamtaler"}).json()["total"] == 1
    assert client.get("/api/v1/programmes", {"show": "mine"}).json()["total"] == 0
    programme.consultants.add(consultant)
    assert client.get("/api/v1/programmes", {"show": "mine"}).json()["total"] == 1


def test_it_gives_a_programme_with_a_document_and_its_versions(
    programme, applicant, consultant, token_client
):
    """A programme with a document answered 500: two prefetches of its versions (C9, C12)."""
    from django.core.files.base import ContentFile

    from indsats.applications.models import Document, DocumentVersion

    document = Document.objects.create(programme=programme, kind="collaboration_agreement")
    for number in (1, 2):
        DocumentVersion.objects.create(
            document=document,
            number=number,
            file=ContentFile(b"%PDF-1.4\n", name="aftale.pdf"),
            original_name="aftale.pdf",
            content_type="application/pdf",
            size=9,
            uploaded_by=consultant,
        )
    response = token_client(applicant).get(f"/api/v1/programmes/{programme.pk}")
    assert response.status_code == 200, response.content
    [found] = response.json()["documents"]
    assert [v["number"] for v in found["versions"]] == [2, 1]
