"""The Board's staff see an application only once it is submitted (C12, #12): an unsent
draft is the applicant's own work. Every back-office page and action, the document
download and the API answer 404 for a draft, and nothing is changed by a POST."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indsats.accounts import permissions
from indsats.applications.models import Assessment, Document, DocumentVersion

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    ("get", "applications:case", {}),
    ("post", "applications:assign", {"case_officer": ""}),
    ("post", "applications:assess", {"summary": "Vurderet", "version": "0"}),
    (
        "post",
        "applications:decide",
        {"outcome": "granted", "applicant_text": "Ja", "action": "send"},
    ),
    ("post", "applications:override", {"override_reason": "Fordi"}),
]


@pytest.fixture
def draft(applicant, make_application):
    return make_application("O1", applicant.organisation, applicant)


@pytest.mark.parametrize(
    ("method", "name", "data"), STAFF_PAGES, ids=[n for _m, n, _d in STAFF_PAGES]
)
def test_it_answers_404_to_staff_for_a_draft_on_every_back_office_page(
    client, manager, draft, method, name, data
):
    client.force_login(manager)
    response = getattr(client, method)(reverse(name, args=[draft.pk]), data)
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft
    assert draft.case_officer_id is None
    assert not Assessment.objects.filter(application=draft).exists()
    assert not draft.decisions.exists()


def test_it_shows_staff_the_same_application_once_it_is_submitted(
    client, manager, applicant, make_application
):
    submitted = make_application("O1", applicant.organisation, applicant, submitted=True)
    client.force_login(manager)
    assert client.get(reverse("applications:case", args=[submitted.pk])).status_code == 200
    response = client.post(
        reverse("applications:assign", args=[submitted.pk]), {"case_officer": manager.pk}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.case_officer == manager


def test_it_hides_a_draft_from_staff_in_the_api_and_the_predicate(
    client, manager, applicant, draft
):
    assert not permissions.can_view_application(manager, draft)
    assert permissions.can_view_application(applicant, draft)
    client.force_login(manager)
    assert client.get(f"/api/v1/applications/{draft.pk}").status_code == 404
    client.force_login(applicant)
    assert client.get(f"/api/v1/applications/{draft.pk}").status_code == 200


def test_it_hides_a_drafts_document_from_staff(client, manager, applicant, draft):
    document = Document.objects.create(application=draft, kind="draft_policy")
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        file=SimpleUploadedFile("p.pdf", b"%PDF-1.7"),
        original_name="p.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=applicant,
    )
    client.force_login(manager)
    assert client.get(reverse("applications:download", args=[version.pk])).status_code == 404
