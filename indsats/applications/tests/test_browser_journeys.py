"""Issue #3 as a new user would live it, in Debian's chromium (C1, C2, C3; O1–O4).

A municipality registers, is let in by the Board, sends an O1 enquiry, applies for O1, O2
and O3 and finds them in its portal; two small placement sites apply for O4 as partners
and appear as one group; a site uploads its draft policy. axe-core checks the catalogue,
each form empty and with errors, the receipt and the portal on the way.
"""

import re

import pytest
from django.utils import timezone

from indsats.accounts.models import Role
from indsats.core.tests.browser import assert_accessible, log_in, sign_in
from indsats.testing.factories import PlacementSiteFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "Et-godt-kodeord-til-Aarhus-42"
YEAR = timezone.localdate().year


def _submit(page, label):
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def _register_municipality(page, live_server):
    page.goto(live_server.url + "/konto/opret/")
    assert_accessible(page)
    page.check("input[name=organisation_kind][value=municipality]")
    page.select_option("select[name=municipality]", label="Aarhus Kommune")
    page.fill("[name=full_name]", "Ida Demo Aarhusen")
    page.fill("[name=job_title]", "Børne- og familiechef")
    page.fill("[name=email]", "ida.aarhusen@indsats.test")
    page.fill("[name=phone]", "12 34 56 78")
    page.fill("[name=password1]", PASSWORD)
    page.fill("[name=password2]", PASSWORD)
    _submit(page, "Send anmodning om adgang")
    assert "/konto/opret/modtaget/" in page.url


def _approve_all(page, live_server, staff):
    sign_in(page, live_server, staff.email)
    page.goto(live_server.url + "/konto/adgangsanmodninger/")
    while page.get_by_role("button", name="Godkend").count():
        _submit(page, "Godkend")
    _log_out(page)


def _log_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Log ud").first.click()


def _fill_o1(page):
    page.fill("[name=topic]", "Børnesamtaler for myndighedsrådgivere")
    page.check("input[name=delivery_forms][value=teaching]")
    page.fill("[name=participants]", "14 rådgivere i myndighedsafdelingen")
    page.fill("[name=motivation]", "Vi vil blive bedre til at tale med børn ved mistanke.")
    page.fill("[name=decision_by_name]", "Ida Demo Aarhusen")
    page.fill("[name=decision_by_title]", "Børne- og familiechef")
    page.fill("[name=decision_date]", timezone.localdate().isoformat())
    page.check("[name=decided_at_chef_level]")
    page.fill("[name=staff_resources]", "25 timer pr. rådgiver")
    page.fill("[name=management_backing]", "Afdelingslederen deltager.")
    page.check("input[name=earlier_help][value=no]")


def _fill_o2(page):
    page.fill("[name=needs]", "Beredskabet er ikke kendt i dagtilbuddene.")
    page.fill("[name=development_potential]", "Nøglepersoner i hvert distrikt.")
    page.fill("[name=proposed_goals]", "Alle ledere kender beredskabet")
    page.fill("[name=resources]", "En projektleder på halv tid.")
    page.check("[name=management_backing]")
    page.check("[name=accepts_own_costs]")


def _fill_o3(page):
    page.check("input[name=themes][value=detection]")
    page.check("input[name=areas][value=school]")
    page.fill("[name=development_needs]", "Lærerne er usikre på, hvornår de skal underrette.")
    start = timezone.localdate() + timezone.timedelta(days=40)
    page.fill("[name=desired_start]", start.isoformat())
    page.fill("[name=duration_months]", "10")


def _apply(page, live_server, slug, fill, check_accessibility=False):
    page.goto(f"{live_server.url}/forloeb/{slug}/")
    if check_accessibility:
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ansøg", exact=True).click()
    _submit(page, "Start ansøgningen")
    if check_accessibility:
        assert_accessible(page)  # the form, empty
        _submit(page, "Gå til opsummering")
        assert page.get_by_role("heading", name="Der er problemer").is_visible()
        assert_accessible(page)  # the form, with errors
    fill(page)
    _submit(page, "Gå til opsummering")
    assert page.get_by_role("heading", name="Tjek jeres ansøgning").is_visible()
    _submit(page, "Send ansøgningen")
    assert page.get_by_role("heading", name="Ansøgningen er sendt").is_visible()
    if check_accessibility:
        assert_accessible(page)  # the receipt
    return re.search(r"[A-Z]{2}-\d{4}-\d{4}", page.locator("main").inner_text()).group(0)


def test_it_takes_a_municipality_from_registration_to_three_applications(page, live_server):
    case_officer = UserFactory(email="sofie@styrelsen.test", role=Role.CASE_OFFICER)
    page.goto(live_server.url + "/forloeb/")
    assert_accessible(page)  # the catalogue

    _register_municipality(page, live_server)
    _approve_all(page, live_server, case_officer)
    log_in(page, live_server, "ida.aarhusen@indsats.test", PASSWORD)

    # The O1 enquiry (O1.2 step 1).
    page.goto(live_server.url + "/forloeb/temaforloeb/")
    with page.expect_navigation():
        page.get_by_role("link", name="Skriv en henvendelse").click()
    assert_accessible(page)
    page.fill("[name=subject]", "Kursus i børnesamtaler")
    page.fill("[name=message]", "Vi overvejer et temaforløb for vores rådgivere.")
    _submit(page, "Send henvendelsen")
    assert page.get_by_text("Tak for jeres henvendelse").is_visible()

    references = [
        _apply(page, live_server, "temaforloeb", _fill_o1, check_accessibility=True),
        _apply(page, live_server, "udviklingsforloeb", _fill_o2),
        _apply(page, live_server, "fleksibelt-raadgivningsforloeb", _fill_o3),
    ]
    assert references == [f"TF-{YEAR}-0001", f"UF-{YEAR}-0001", f"FR-{YEAR}-0001"]

    page.goto(live_server.url + "/portal/")
    assert_accessible(page)
    portal = page.locator("main").inner_text()
    for reference in references:
        assert reference in portal
    assert "Kursus i børnesamtaler" in portal
    assert portal.count("Indsendt") == 3


def _apply_o4(page, live_server, partner_name):
    page.goto(f"{live_server.url}/forloeb/opkvalificeringsforloeb/")
    with page.expect_navigation():
        page.get_by_role("link", name="Ansøg", exact=True).click()
    _submit(page, "Start ansøgningen")
    page.fill("[name=employee_count]", "12")
    page.fill("[name=management_representatives]", "Forstander Demo")
    page.fill("[name=staff_representatives]", "Pædagog Demo Et")  # one: refused (O4.3)
    page.check("[name=management_decision]")
    page.fill("[name=decision_date]", timezone.localdate().isoformat())
    page.check("[name=staff_resources]")
    page.check("[name=all_staff_take_part]")
    _submit(page, "Gå til opsummering")
    summary = page.locator(".error-summary").inner_text()
    assert "to eller tre medarbejderrepræsentanter" in summary
    assert "færre end 25 ansatte" in summary  # O4.4: no partner named yet
    assert_accessible(page)
    page.fill("[name=staff_representatives]", "Pædagog Demo Et\nPædagog Demo To")
    page.get_by_label(partner_name).check()
    _submit(page, "Gå til opsummering")
    _submit(page, "Send ansøgningen")
    return re.search(r"OK-\d{4}-\d{4}", page.locator("main").inner_text()).group(0)


def test_it_joins_two_small_sites_into_one_group_with_no_policy_upload_yet(
    page, live_server, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    solsikken = PlacementSiteFactory(name="Opholdsstedet Solsikken", employee_count=12)
    kastanjen = PlacementSiteFactory(name="Opholdsstedet Kastanjen", employee_count=9)
    leader_a = UserFactory(email="a@solsikken.test", role=Role.APPLICANT, organisation=solsikken)
    leader_b = UserFactory(email="b@kastanjen.test", role=Role.APPLICANT, organisation=kastanjen)

    sign_in(page, live_server, leader_a.email)
    first = _apply_o4(page, live_server, "Opholdsstedet Kastanjen")
    _log_out(page)
    sign_in(page, live_server, leader_b.email)
    second = _apply_o4(page, live_server, "Opholdsstedet Solsikken")
    assert (first, second) == (f"OK-{YEAR}-0001", f"OK-{YEAR}-0002")

    page.goto(live_server.url + "/portal/")
    assert "Fælles forløb" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name=second).click()
    assert "Opholdsstedet Solsikken" in page.locator("main").inner_text()  # the partner

    # No upload slot for a policy until a programme needs it (C3, O4.3 step 8).
    assert page.locator("#file-draft_policy").count() == 0
    assert_accessible(page)
