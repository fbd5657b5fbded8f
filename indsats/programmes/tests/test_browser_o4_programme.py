"""Issue #4 as staff live it, in Debian's chromium: an O4 group from assessment to the
final policy (C4, C6; O4.3 steps 5–10), with the sites' view following each step."""

import datetime

import pytest
from django.utils import timezone

from indsats.accounts.models import Role
from indsats.core import workdays
from indsats.core.tests.browser import assert_accessible, sign_in
from indsats.programmes.models import Programme, ProgrammeStatus
from indsats.testing.factories import (
    PlacementSiteFactory,
    UserFactory,
    assess_completely,
)

pytestmark = pytest.mark.browser


def _click(page, name, role="button"):
    with page.expect_navigation():
        page.get_by_role(role, name=name).first.click()


def _complete(page, step_title):
    _click(page, f"Markér »{step_title}« som gennemført")
    errors = page.locator(".alert-error").all_inner_texts()
    assert not errors, errors


def _steps_done(page) -> list[str]:
    done = page.locator("ol.programme-steps li").filter(has=page.locator(".badge-success"))
    return done.locator("strong").all_inner_texts()


def _last_working_days():
    """Two connected working days in the past (O4.1): not a weekend, not a holiday."""
    day = timezone.localdate() - datetime.timedelta(days=14)
    while not workdays.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day, workdays.next_working_day(day)


def _upload(page, tmp_path, label, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n% policy\n")
    form = page.locator("form").filter(has=page.get_by_role("button", name=f"Send {label}"))
    form.locator("input[type=file]").set_input_files(str(path))
    _click(page, f"Send {label}")


def test_it_runs_a_joint_o4_programme_from_grant_to_final_policy(
    page, live_server, make_application, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    ask = PlacementSiteFactory(name="Opholdsstedet Ask", employee_count=12)
    birk = PlacementSiteFactory(name="Opholdsstedet Birk", employee_count=10)
    ask_leader = UserFactory(email="leder@ask.test", role=Role.APPLICANT, organisation=ask)
    birk_leader = UserFactory(email="leder@birk.test", role=Role.APPLICANT, organisation=birk)
    officer = UserFactory(email="sagsbehandler@styrelsen.test", role=Role.CASE_OFFICER)
    first = make_application(
        "O4", ask, ask_leader, submitted=True, employee_count="12", partners=[str(birk.pk)]
    )
    second = make_application(
        "O4", birk, birk_leader, submitted=True, employee_count="10", partners=[str(ask.pk)]
    )
    assess_completely(second, officer)  # Birk's case is judged already; Ask's below

    # Assess and grant the group (C4).
    sign_in(page, live_server, officer.email)
    page.goto(live_server.url + "/sagsbehandling/")
    _click(page, first.reference, role="link")
    assert "Opholdsstedet Birk" in page.locator("main").inner_text()  # the group
    assert_accessible(page)
    management = page.get_by_role("group").filter(has_text="Ledelsen har besluttet").first
    management.get_by_label("Opfyldt", exact=True).check()
    page.locator("textarea[name^=reason_]").first.fill("Ledelsen har skrevet under.")
    for rule in page.locator("fieldset:has(input[name^=judgement_])").all():  # C4: every rule
        rule.get_by_label("Opfyldt", exact=True).check()
    for reason in page.locator("textarea[name^=reason_]").all():
        if not reason.input_value():
            reason.fill("Fremgår af ansøgningen.")
    _click(page, "Gem vurdering")
    page.get_by_label("Bevilget").check()
    page.locator("textarea[name=applicant_text]").fill("Begge steder opfylder betingelserne.")
    _click(page, "Se brevet før det sendes")
    _click(page, "Træf afgørelse og send brevet")
    with page.expect_navigation():
        page.get_by_role("link", name="Opholdsstedet Ask, Opholdsstedet Birk").click()
    programme_url = page.url
    # The meetings and theme days below lie in the past; no record may lie before the
    # day the programme began, so it began (was granted) two months ago.
    Programme.objects.update(created_at=timezone.now() - datetime.timedelta(days=60))

    # Step 5: the initial meeting, with its record.
    _click(page, "Aftal et møde", role="link")
    page.select_option("select[name=kind]", "initial")
    page.fill("[name=starts_at]", f"{_last_working_days()[0] - datetime.timedelta(days=7)}T10:00")
    page.fill("[name=place]", "Opholdsstedet Ask")
    page.fill("[name=participants]", "Ledelse og arbejdsgrupper fra Ask og Birk")
    page.fill("[name=minutes]", "Målgruppe 12–17 år. Politikken skrives af arbejdsgrupperne.")
    _click(page, "Gem")
    _complete(page, "Indledende møde")

    # Step 6: the collaboration agreement, generated from the meeting's record.
    _click(page, "Lav samarbejdsaftale ud fra det indledende møde")
    assert "samarbejdsaftale-" in page.locator("main").inner_text()
    _complete(page, "Samarbejdsaftale")

    # Step 7: the start focus group and two connected theme days.
    _click(page, "Registrér interviewet ved forløbets start", role="link")
    monday, tuesday = _last_working_days()
    page.fill("[name=held_on]", (monday - datetime.timedelta(days=1)).isoformat())
    page.fill("[name=participants]", "Seks pædagoger")
    page.fill("[name=notes]", "Usikkerhed om, hvornår man skal handle.")
    _click(page, "Gem")
    for day in (monday, tuesday):
        _click(page, "Tilføj temadag", role="link")
        page.fill("[name=date]", day.isoformat())
        page.fill("[name=place]", "Opholdsstedet Ask")
        page.check("[name=held]")
        _click(page, "Gem")
    _complete(page, "To temadage")
    assert_accessible(page)

    # The sites see each step as it happens (C3).
    page.context.clear_cookies()
    sign_in(page, live_server, ask_leader.email)
    page.goto(programme_url)
    assert {"Indledende møde", "Samarbejdsaftale", "To temadage"} <= set(_steps_done(page))
    assert "samarbejdsaftale-" in page.locator("main").inner_text()

    # Step 8: each site sends its own draft policy (O4.4); Ask's alone does not do it.
    _upload(page, tmp_path, "udkast til politik", "ask-udkast.pdf")
    assert "Udkast til politik" not in _steps_done(page)
    assert "Mangler" in page.locator("main").inner_text()
    assert_accessible(page)
    page.context.clear_cookies()
    sign_in(page, live_server, birk_leader.email)
    page.goto(programme_url)
    _upload(page, tmp_path, "udkast til politik", "birk-udkast.pdf")
    _complete(page, "Udkast til politik")

    # Step 9: the closing meeting with feedback and the end focus group.
    page.context.clear_cookies()
    sign_in(page, live_server, officer.email)
    page.goto(programme_url)
    _click(page, "Registrér interviewet ved forløbets afslutning", role="link")
    page.fill("[name=held_on]", timezone.localdate().isoformat())
    page.fill("[name=participants]", "De samme seks pædagoger")
    page.fill("[name=notes]", "Mere tryghed i at handle på mistanke.")
    _click(page, "Gem")
    _click(page, "Skriv eller ret teksterne", role="link")
    page.fill("[name=draft_feedback]", "Gør afsnittet om underretning mere konkret.")
    _click(page, "Gem")
    _complete(page, "Afsluttende møde")

    # Step 10: the final policy of every site closes the programme.
    page.context.clear_cookies()
    sign_in(page, live_server, ask_leader.email)
    page.goto(programme_url)
    _upload(page, tmp_path, "endelig politik", "ask-endelig.pdf")
    assert "Afsluttet" not in page.locator("main").inner_text()
    page.context.clear_cookies()
    sign_in(page, live_server, birk_leader.email)
    page.goto(programme_url)
    _upload(page, tmp_path, "endelig politik", "birk-endelig.pdf")
    _complete(page, "Endelig politik")
    assert "Afsluttet" in page.locator("main").inner_text()
    programme = Programme.objects.get()
    assert programme.status == ProgrammeStatus.CLOSED
    assert programme.steps.count() == 10
