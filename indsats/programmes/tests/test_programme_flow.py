"""A programme moves along its workflow; the page shows the engine's reasons (C6)."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as DocxDocument
from pypdf import PdfReader

from indsats.accounts.models import Role
from indsats.applications.decisions import decide
from indsats.applications.models import DocumentKind
from indsats.programmes.models import ProgrammeStatus, StepRecord
from indsats.testing.factories import PlacementSiteFactory, UserFactory, assess_completely

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def joint_programme(case_officer, make_application):
    """A granted joint O4 programme of two small sites (O4.4)."""
    sites = [PlacementSiteFactory(name=name, employee_count=12) for name in ("Ask", "Birk")]
    users = [UserFactory(role=Role.APPLICANT, organisation=site) for site in sites]
    first = make_application(
        "O4", sites[0], users[0], submitted=True, employee_count="12", partners=[str(sites[1].pk)]
    )
    second = make_application(
        "O4", sites[1], users[1], submitted=True, employee_count="12", partners=[str(sites[0].pk)]
    )
    for member in (first, second):
        assess_completely(member, case_officer)  # a decision needs it (C4)
    decide(first, "grant", "Klar til start.", case_officer)
    first.refresh_from_db()
    return first.programme


def test_it_starts_a_granted_o4_programme_at_the_initial_meeting(joint_programme):  # O4.3
    assert joint_programme.current_step == "initial_meeting"
    assert list(joint_programme.steps.values_list("step", flat=True)) == [
        "interest",
        "questions",
        "working_group",
        "application",
    ]


def test_it_refuses_to_skip_a_step(client, consultant, joint_programme):
    client.force_login(consultant)
    response = client.post(
        reverse("programmes:step_complete", args=[joint_programme.pk, "agreement"]), follow=True
    )
    assert "kan ikke springes over" in response.text
    assert not StepRecord.objects.filter(step="agreement").exists()


def test_it_refuses_a_step_whose_records_are_missing(client, consultant, joint_programme):
    client.force_login(consultant)
    response = client.post(
        reverse("programmes:step_complete", args=[joint_programme.pk, "initial_meeting"]),
        follow=True,
    )
    assert "referatet fra det indledende møde er ikke registreret endnu" in response.text


def _record_initial_meeting(programme):
    return programme.meetings.create(
        kind="initial",
        starts_at=timezone.now(),
        place="Ask, mødelokalet",
        participants="Ledelse og arbejdsgruppe fra Ask og Birk",
        minutes="Temadage aftalt til 3. og 4. marts 2027.",
    )


def test_it_completes_a_step_once_its_records_exist(client, consultant, joint_programme):
    _record_initial_meeting(joint_programme)
    client.force_login(consultant)
    client.post(reverse("programmes:step_complete", args=[joint_programme.pk, "initial_meeting"]))
    joint_programme.refresh_from_db()
    assert joint_programme.current_step == "agreement"
    assert StepRecord.objects.get(step="initial_meeting").completed_by == consultant


def test_it_refuses_a_board_step_to_the_applicant(client, joint_programme):
    _record_initial_meeting(joint_programme)
    site_user = joint_programme.organisation.users.get()
    client.force_login(site_user)
    response = client.post(
        reverse("programmes:step_complete", args=[joint_programme.pk, "initial_meeting"]),
        follow=True,
    )
    assert "må ikke gennemføre" in response.text
    assert not StepRecord.objects.filter(step="initial_meeting").exists()


def test_it_writes_the_agreement_with_the_dates_and_every_site(client, consultant, joint_programme):
    _record_initial_meeting(joint_programme)
    joint_programme.theme_days.create(date=timezone.datetime(2027, 3, 3).date(), place="Ask")
    joint_programme.theme_days.create(date=timezone.datetime(2027, 3, 4).date(), place="Ask")
    client.force_login(consultant)
    client.post(reverse("programmes:generate_agreement", args=[joint_programme.pk]))
    version = joint_programme.documents.get(kind=DocumentKind.COLLABORATION_AGREEMENT).current
    docx = DocxDocument(io.BytesIO(version.editable_file.read()))
    docx_text = "\n".join(
        [p.text for p in docx.paragraphs]
        + [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    )
    pdf_text = "".join(page.extract_text() for page in PdfReader(version.file.open("rb")).pages)
    for text in (docx_text, pdf_text):
        assert "Ask" in text
        assert "Birk" in text
        assert "3. marts 2027" in text
        assert "4. marts 2027" in text


def test_it_shows_the_programme_to_both_sites_and_nobody_else(
    client, other_applicant, joint_programme
):
    for site in joint_programme.all_organisations():
        client.force_login(site.users.get())
        assert (
            client.get(reverse("programmes:detail", args=[joint_programme.pk])).status_code == 200
        )
    client.force_login(other_applicant)
    assert client.get(reverse("programmes:detail", args=[joint_programme.pk])).status_code == 404


def test_it_closes_an_outreach_case_without_further_action(manager, aarhus):  # O5
    from indsats.programmes.services import open_outreach_case
    from indsats.programmes.workflow_state import complete_step

    case = open_outreach_case(aarhus, manager, "F1 og F5")
    complete_step(case, "contact", manager)
    case.meetings.create(
        kind="outreach", starts_at=timezone.now(), place="Rådhuset", minutes="Godt møde."
    )
    complete_step(case, "meeting", manager)
    complete_step(case, "offer", manager)
    complete_step(case, "no_further_action", manager)
    case.refresh_from_db()
    assert case.status == ProgrammeStatus.STOPPED


def test_it_shows_coming_meetings_and_theme_days_in_the_sites_portal(client, joint_programme):
    """C3: the portal lists upcoming meetings and theme days of the site's programmes."""
    next_week = timezone.now() + timezone.timedelta(days=7)
    joint_programme.meetings.create(kind="initial", starts_at=next_week, place="Birk, salen")
    joint_programme.theme_days.create(
        date=(next_week + timezone.timedelta(days=7)).date(), place="Ask, festsalen"
    )
    partner = joint_programme.participants.exclude(pk=joint_programme.organisation_id).get()
    client.force_login(partner.users.get())
    response = client.get(reverse("applications:portal"))
    places = [item[3] for item in response.context["upcoming"]]
    assert places == ["Birk, salen", "Ask, festsalen"]
    assert "Temadag" in response.text
