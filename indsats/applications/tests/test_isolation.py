"""Applicants see only their own organisation: every applicant URL and every document
download answers 404 or 403 to a user of another organisation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter

from indsats.applications.models import Decision, Document, DocumentVersion, Enquiry
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

# Every URL of the applications app that names one record, with the record it names.
OBJECT_URLS = {
    "applications:detail": "application",
    "applications:edit": "application",
    "applications:review": "application",
    "applications:receipt": "application",
    "applications:withdraw": "application",
    "applications:upload": "application+kind",
    "applications:download": "version",
    "applications:enquiry_detail": "enquiry",
    "applications:enquiry_assign": "enquiry",
    "applications:case": "application",
    "applications:assign": "application",
    "applications:assess": "application",
    "applications:decide": "application",
    "applications:override": "application",
    "applications:correct_letter": "decision",
    "applications:reopen": "decision",
    "organisations:detail": "organisation",
    "organisations:placement_site_edit": "organisation",
    "organisations:data_export": "organisation",
    "organisations:contact_edit": "contact",
    "organisations:contact_delete": "contact",
    "allocation:accept_partnership": "application",
    "allocation:cancel_move": "offer+period+move",
}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def records(site_applicant, placement_site, make_application):
    """A placement site's application with a document, and its enquiry."""
    application = make_application("O4", placement_site, site_applicant, submitted=True)
    document = Document.objects.create(application=application, kind="draft_policy")
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        file=SimpleUploadedFile("p.pdf", b"%PDF-1.7"),
        original_name="p.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=site_applicant,
    )
    from indsats.catalogue.models import Offer

    enquiry = Enquiry.objects.create(
        offer=Offer.objects.get(code="O4"),
        organisation=placement_site,
        subject="Spørgsmål",
        message="Hvor lang tid tager det?",
        contact_name="Leder",
        contact_email="leder@granbakken.test",
        created_by=site_applicant,
    )
    decision = Decision.objects.create(
        application=application,
        outcome="waiting_list",
        applicant_text="Venteliste.",
        decided_by=UserFactory(role="case_officer"),
    )
    from indsats.allocation.models import PlanMove

    move = PlanMove.objects.create(
        offer=application.offer,
        period="2027",
        application=application,
        to_position=1,
        reason="Flyttet i testen.",
        moved_by=decision.decided_by,
    )
    from indsats.organisations.models import MunicipalContact, Municipality

    contact = MunicipalContact.objects.create(
        municipality=Municipality.objects.get(code="751"),
        name="Kaja Kontakt",
        role="plan_owner",
    )
    return {
        "contact": [contact.pk],
        "offer+period+move": ["O4", "2027", move.pk],
        "decision": [decision.pk],
        "application": [application.pk],
        "application+kind": [application.pk, "draft_policy"],
        "version": [version.pk],
        "enquiry": [enquiry.pk],
        "organisation": [placement_site.pk],
    }


def test_it_tests_every_url_that_names_a_record():
    names = set()
    for namespace in ("applications", "organisations", "allocation"):
        resolver = get_resolver().namespace_dict[namespace][1]
        for pattern in resolver.url_patterns:
            if any(isinstance(c, IntConverter) for c in pattern.pattern.converters.values()):
                names.add(f"{namespace}:{pattern.name}")
    assert names == set(OBJECT_URLS)


@pytest.mark.parametrize("url_name", sorted(OBJECT_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_hides_another_organisations_records(client, other_applicant, records, url_name, method):
    client.force_login(other_applicant)
    url = reverse(url_name, args=records[OBJECT_URLS[url_name]])
    response = getattr(client, method)(url)
    assert response.status_code in (403, 404, 405)
    assert response.status_code != 405 or method == "get"


@pytest.mark.parametrize(
    "url_name", ["applications:detail", "applications:download", "applications:enquiry_detail"]
)
def test_it_shows_the_same_records_to_their_own_organisation(
    client, site_applicant, records, url_name
):
    client.force_login(site_applicant)
    assert client.get(reverse(url_name, args=records[OBJECT_URLS[url_name]])).status_code == 200


def test_it_lists_only_the_own_organisations_records_in_the_portal(
    client, other_applicant, records
):
    client.force_login(other_applicant)
    response = client.get(reverse("applications:portal"))
    assert list(response.context["applications"]) == []
    assert list(response.context["enquiries"]) == []
