"""Issue #9 as a case officer lives it, in Debian's chromium: the officer previews the
decision letter, edits its text and sends it; the applicant finds it in the portal
(C4, C10, C11). axe-core checks the case page and the preview."""

import io

import pytest
from pypdf import PdfReader

from indsats.core.tests.browser import assert_accessible, sign_in
from indsats.testing.factories import UserFactory, assess_completely

pytestmark = pytest.mark.browser

INTERNAL = "INTERN vurdering: kommunen svarede uklart i telefonen"


def _click(page, name, role="button"):
    with page.expect_navigation():
        page.get_by_role(role, name=name).first.click()


def _letter(page) -> str:
    return page.get_by_role("article", name="Forhåndsvisning af brevet").inner_text()


def test_the_officer_previews_edits_and_sends_a_letter_that_the_portal_shows(
    page, live_server, applicant, make_application, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    officer = UserFactory(
        email="sagsbehandler@styrelsen.test", full_name="Sara Sagsbehandler", role="case_officer"
    )
    application = make_application("O1", applicant.organisation, applicant, submitted=True)
    assess_completely(application, officer, "staff_resources", reason=INTERNAL)

    sign_in(page, live_server, officer.email)
    page.goto(f"{live_server.url}/sagsbehandling/ansoegninger/{application.pk}/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings.index("Ansøgningen") < headings.index("Vurdering")
    assert_accessible(page)

    page.get_by_label("Afslag").check()
    page.get_by_label("Begrundelse til ansøgeren").fill("Kommunen har ikke sat tid af.")
    page.get_by_label("Intern begrundelse for afgørelsen").fill(INTERNAL)
    _click(page, "Se brevet før det sendes")
    letter = _letter(page)
    assert "Kommunen har ikke sat tid af." in letter
    assert "Kommunen sætter de nødvendige medarbejderressourcer af" in letter  # by criterion
    assert "INTERN" not in letter
    assert "Spørgsmål" in letter
    assert_accessible(page)

    page.get_by_label("Begrundelse til ansøgeren").fill(
        "Kommunen har ikke sat medarbejdere af til forløbet."
    )
    _click(page, "Vis brevet med rettelserne")
    assert "Kommunen har ikke sat medarbejdere af til forløbet." in _letter(page)
    with page.expect_download() as preview_pdf:
        page.get_by_role("button", name="PDF").click()
    pdf = PdfReader(preview_pdf.value.path()).pages[0].extract_text()
    assert "medarbejdere af til forløbet" in " ".join(pdf.split())
    _click(page, "Træf afgørelse og send brevet")
    assert "brevet er sendt" in page.locator("main").inner_text()
    assert "Afgørelsesbrev, version 1" in page.locator("#breve + ul").inner_text()

    page.context.clear_cookies()
    sign_in(page, live_server, applicant.email)
    page.goto(f"{live_server.url}/ansoegninger/{application.pk}/")
    main = page.locator("main").inner_text()
    assert "Afgørelsesbrev" in main
    assert "INTERN" not in main
    with page.expect_download() as download:
        page.get_by_role("link", name=f"afgoerelse-{application.reference}.pdf").click()
    with open(download.value.path(), "rb") as handle:
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages).split()
        )
    assert "Kommunen har ikke sat medarbejdere af til forløbet." in text
    assert "INTERN" not in text
