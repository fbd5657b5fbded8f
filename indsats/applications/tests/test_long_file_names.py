"""An uploaded file's name over a file system's 255 bytes is shortened safely, never a
server error (C12, #12): the extension is kept, no character is cut in half, and the
file is stored and downloadable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from indsats.applications.models import DocumentVersion
from indsats.core.cleaning import MAX_FILE_NAME_BYTES, safe_file_name

from .test_documents import _granted_at_step


@pytest.fixture
def o4_application(site_applicant, placement_site, make_application):
    application = make_application("O4", placement_site, site_applicant, submitted=True)
    return _granted_at_step(application, "draft_policy")


@pytest.mark.django_db
@pytest.mark.parametrize("stem", ["æ" * 300, "a" * 400, "politik " * 60, "😀" * 100])
def test_it_stores_an_upload_whose_name_is_over_255_bytes(
    client, site_applicant, o4_application, stem
):
    client.force_login(site_applicant)
    response = client.post(
        reverse("applications:upload", args=[o4_application.pk, "draft_policy"]),
        {"file": SimpleUploadedFile(f"{stem}.pdf", b"%PDF-1.7 politik")},
        follow=True,
    )
    assert response.status_code == 200
    assert "er modtaget (version 1)" in response.text
    version = DocumentVersion.objects.get(document__application=o4_application)
    assert version.original_name.endswith(".pdf")
    assert len(version.original_name.encode()) <= 255
    stored = version.file.name.rsplit("/", 1)[-1]
    assert len(stored.encode()) <= 255
    assert stored.endswith(".pdf")
    download = client.get(reverse("applications:download", args=[version.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 politik"


@given(st.text(max_size=600), st.sampled_from(["pdf", "docx", "odt", ""]))
def test_it_always_gives_a_short_name_that_keeps_its_extension(stem, extension):
    name = f"{stem}.{extension}" if extension else stem
    safe = safe_file_name(name)
    assert 0 < len(safe.encode()) <= MAX_FILE_NAME_BYTES
    assert "/" not in safe
    assert "\x00" not in safe
    if extension and stem.strip() and "/" not in stem and "\\" not in stem:
        assert safe.endswith(f".{extension}")
