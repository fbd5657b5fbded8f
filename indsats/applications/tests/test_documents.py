"""Draft and final policies uploaded with versions, checked by content (C3, O4.3 steps 8, 10)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indsats.applications.models import DocumentVersion

from .test_uploads import make_docx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _granted_at_step(application, step):
    """The application granted, its programme now at ``step``."""
    from indsats.applications.models import Application, ApplicationStatus
    from indsats.programmes.models import Programme

    programme = Programme.objects.create(
        offer=application.offer,
        reference=application.reference,
        title="Opkvalificeringsforløb",
        organisation=application.organisation,
        current_step=step,
    )
    Application.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.GRANTED, programme=programme
    )
    application.refresh_from_db()
    return application


@pytest.fixture
def o4_application(site_applicant, placement_site, make_application):
    """A granted site whose programme now wants the draft policy (O4.3 step 8)."""
    application = make_application("O4", placement_site, site_applicant, submitted=True)
    return _granted_at_step(application, "draft_policy")


@pytest.mark.parametrize(
    ("step", "kind", "allowed"),
    [
        ("initial_meeting", "draft_policy", False),
        ("theme_days", "draft_policy", True),
        ("draft_policy", "final_policy", False),
        ("closing_meeting", "final_policy", True),
    ],
)
def test_it_offers_a_policy_upload_only_once_the_programme_needs_it(
    client, site_applicant, placement_site, make_application, step, kind, allowed
):
    """C3, O4.3 steps 8 and 10: no upload slot before the programme has come that far."""
    application = _granted_at_step(
        make_application("O4", placement_site, site_applicant, submitted=True), step
    )
    client.force_login(site_applicant)
    page = client.get(reverse("applications:detail", args=[application.pk]))
    assert any(k == kind for k, _label in page.context["upload_kinds"]) is allowed
    response = _upload(client, application, "p.pdf", b"%PDF-1.7 policy", kind=kind)
    assert (response.status_code == 403) is not allowed


def test_it_offers_no_upload_before_the_grant(
    client, site_applicant, placement_site, make_application
):
    application = make_application("O4", placement_site, site_applicant, submitted=True)
    client.force_login(site_applicant)
    page = client.get(reverse("applications:detail", args=[application.pk]))
    assert page.context["upload_kinds"] == []
    assert _upload(client, application, "p.pdf", b"%PDF-1.7 x").status_code == 403


def _upload(client, application, name, content, kind="draft_policy"):
    return client.post(
        reverse("applications:upload", args=[application.pk, kind]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def test_it_keeps_each_upload_as_a_new_version(client, site_applicant, o4_application):
    client.force_login(site_applicant)
    _upload(client, o4_application, "politik.pdf", b"%PDF-1.7 first")
    response = _upload(client, o4_application, "politik-v2.docx", make_docx())
    assert "version 2" in response.text
    versions = DocumentVersion.objects.filter(document__application=o4_application)
    assert [(v.number, v.original_name) for v in versions.order_by("number")] == [
        (1, "politik.pdf"),
        (2, "politik-v2.docx"),
    ]
    download = client.get(reverse("applications:download", args=[versions.get(number=1).pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 first"


def test_it_refuses_an_executable_renamed_pdf_and_keeps_the_earlier_version(
    client, site_applicant, o4_application
):
    client.force_login(site_applicant)
    _upload(client, o4_application, "politik.pdf", b"%PDF-1.7 good")
    response = _upload(client, o4_application, "politik.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    assert "ikke en PDF-, DOCX- eller ODT-fil" in response.text
    assert list(
        DocumentVersion.objects.filter(document__application=o4_application).values_list(
            "number", flat=True
        )
    ) == [1]


def test_it_refuses_a_30_mb_file_with_a_clear_message(client, site_applicant, o4_application):
    client.force_login(site_applicant)
    _upload(client, o4_application, "politik.pdf", b"%PDF-1.7 good")
    big = b"%PDF-1.7" + b"0" * (30 * 1024 * 1024)
    response = _upload(client, o4_application, "stor.pdf", big)
    assert "Den må højst fylde 20 MB" in response.text
    assert DocumentVersion.objects.filter(document__application=o4_application).count() == 1


def test_it_takes_policies_only_for_the_placement_site_offer(client, applicant, make_application):
    application = make_application("O2", applicant.organisation, applicant, submitted=True)
    client.force_login(applicant)
    response = client.post(
        reverse("applications:upload", args=[application.pk, "draft_policy"]),
        {"file": SimpleUploadedFile("p.pdf", b"%PDF-1.7")},
    )
    assert response.status_code == 403


def test_it_refuses_uploads_of_kinds_applicants_do_not_send(client, site_applicant, o4_application):
    client.force_login(site_applicant)
    response = client.post(
        reverse("applications:upload", args=[o4_application.pk, "decision_letter"]),
        {"file": SimpleUploadedFile("p.pdf", b"%PDF-1.7")},
    )
    assert response.status_code == 403


def test_it_tells_the_board_that_a_document_arrived(client, site_applicant, o4_application):
    from django.core import mail

    mail.outbox.clear()
    client.force_login(site_applicant)
    _upload(client, o4_application, "politik.pdf", b"%PDF-1.7 first")
    assert len(mail.outbox) == 1
    assert "har sendt udkast til politik, version 1" in mail.outbox[0].body
