"""The Board's inbox, assessment and decisions (C4)."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from indsats.accounts.models import Role
from indsats.applications.models import (
    Application,
    ApplicationStatus,
    CriterionJudgement,
    Decision,
    DocumentKind,
)
from indsats.catalogue.models import OfferCondition
from indsats.programmes.models import Programme, ProgrammeStatus
from indsats.testing.factories import (
    PlacementSiteFactory,
    UserFactory,
    assess_completely,
    municipality_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def submitted(applicant, make_application):
    return make_application("O1", applicant.organisation, applicant, submitted=True)


def test_it_lists_submitted_applications_but_not_drafts(
    client, case_officer, applicant, make_application, submitted
):
    make_application("O2", applicant.organisation, applicant)  # a draft
    client.force_login(case_officer)
    response = client.get(reverse("applications:inbox"))
    assert list(response.context["applications"]) == [submitted]


def test_it_filters_the_inbox_by_region_owner_and_search(
    client, case_officer, other_applicant, make_application, submitted
):
    copenhagen = make_application(
        "O2", other_applicant.organisation, other_applicant, submitted=True
    )
    Application.objects.filter(pk=copenhagen.pk).update(case_officer=case_officer)
    client.force_login(case_officer)

    def shown(**query):
        return list(client.get(reverse("applications:inbox"), query).context["applications"])

    assert shown(region=municipality_organisation("101").municipality.region_id) == [copenhagen]
    assert shown(owner="mine") == [copenhagen]
    assert shown(owner="none") == [submitted]
    assert shown(q="Aarhus") == [submitted]
    assert shown(q=copenhagen.reference) == [copenhagen]


def test_it_keeps_applicants_out_of_the_back_office(client, applicant, submitted):
    client.force_login(applicant)
    assert client.get(reverse("applications:inbox")).status_code == 403
    assert client.get(reverse("applications:case", args=[submitted.pk])).status_code == 403


def test_it_assigns_a_case_officer(client, case_officer, manager, submitted):
    client.force_login(manager)
    client.post(
        reverse("applications:assign", args=[submitted.pk]), {"case_officer": case_officer.pk}
    )
    submitted.refresh_from_db()
    assert submitted.case_officer == case_officer


def _rule(code, key):
    return OfferCondition.objects.get(offer__code=code, key=key)


def test_it_records_a_judgement_with_its_reason_per_criterion(client, case_officer, submitted):
    motivation = _rule("O1", "motivation")
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {
            f"judgement_{motivation.pk}": "met",
            f"reason_{motivation.pk}": "Klart beskrevet.",
            "summary": "God ansøgning",
            "version": 1,
        },
    )
    assert response.status_code == 302
    judgement = CriterionJudgement.objects.get(rule=motivation)
    assert (judgement.judgement, judgement.reason) == ("met", "Klart beskrevet.")


def test_it_needs_a_reason_for_every_judgement(client, case_officer, submitted):
    motivation = _rule("O1", "motivation")
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {f"judgement_{motivation.pk}": "not_met", f"reason_{motivation.pk}": "", "version": 1},
    )
    assert f"reason_{motivation.pk}" in response.context["assessment_form"].errors
    assert not CriterionJudgement.objects.exists()


def test_it_refuses_an_assessment_saved_from_a_stale_copy(client, case_officer, manager, submitted):
    rule = _rule("O1", "motivation")
    data = {f"judgement_{rule.pk}": "met", f"reason_{rule.pk}": "Fint.", "version": 1}
    client.force_login(case_officer)
    client.post(reverse("applications:assess", args=[submitted.pk]), data)
    client.post(reverse("applications:assess", args=[submitted.pk]), {**data, "version": 1})
    client.force_login(manager)
    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {**data, f"reason_{rule.pk}": "Min udgave", "version": 1},
    )
    assert response.status_code == 409
    assert "Min udgave" in response.text
    assert CriterionJudgement.objects.get(rule=rule).reason == "Fint."


def test_it_shows_earlier_help_from_the_records_next_to_the_declaration(
    client, case_officer, applicant, make_application
):  # O1.4(d)
    earlier = make_application("O2", applicant.organisation, applicant, submitted=True)
    from indsats.applications.decisions import decide

    assess_completely(earlier, case_officer)
    decide(earlier, "grant", "Bevilget.", case_officer)
    current = make_application("O1", applicant.organisation, applicant, submitted=True)
    client.force_login(case_officer)
    response = client.get(reverse("applications:case", args=[current.pk]))
    help_ = response.context["earlier_help"]
    assert help_.declared == "no"
    assert any(earlier.reference in record for record in help_.records)
    assert help_.mismatch
    assert "Uoverensstemmelse" in response.text


def _decide(client, user, application, outcome, reason="Begrundelse for afgørelsen.", **extra):
    """Decide and send the letter, after a complete assessment (C4)."""
    assess_completely(application, user)
    client.force_login(user)
    return client.post(
        reverse("applications:decide", args=[application.pk]),
        {"outcome": outcome, "applicant_text": reason, "action": "send", **extra},
    )


def test_it_grants_with_a_letter_in_docx_and_pdf_and_an_e_mail(
    client, case_officer, applicant, submitted
):
    mail.outbox.clear()
    response = _decide(client, case_officer, submitted, "grant", "Motivationen er tydelig.")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.GRANTED
    assert Decision.objects.get(application=submitted).decided_by == case_officer
    version = submitted.documents.get(kind=DocumentKind.DECISION_LETTER).current
    pdf_text = "".join(page.extract_text() for page in PdfReader(version.file.open("rb")).pages)
    docx_text = "\n".join(
        p.text for p in DocxDocument(io.BytesIO(version.editable_file.read())).paragraphs
    )
    for text in (pdf_text, docx_text):
        assert "Motivationen er tydelig." in text
        assert "Aarhus Kommune" in text
        assert submitted.reference in text
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert submitted.programme is not None
    assert submitted.programme.status == ProgrammeStatus.ACTIVE


def test_it_refuses_a_decision_without_a_reason(client, case_officer, submitted):
    response = _decide(client, case_officer, submitted, "reject", reason="")
    assert "applicant_text" in response.context["decision_form"].errors
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_it_puts_an_application_on_the_waiting_list(client, case_officer, submitted):
    _decide(client, case_officer, submitted, "waiting_list", "Ingen kapacitet i dette kvartal.")
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WAITING_LIST
    assert submitted.programme is None


def test_it_does_not_let_consultants_decide(client, consultant, submitted):
    assert _decide(client, consultant, submitted, "grant").status_code == 403


def test_it_refuses_to_grant_a_small_site_without_a_group(
    client, case_officer, site_applicant, placement_site, make_application
):  # O4.6
    application = make_application(
        "O4",
        placement_site,
        site_applicant,
        submitted=True,
        employee_count="18",
        asks_board_to_find_partners="on",
    )
    response = _decide(client, case_officer, application, "grant")
    assert "samarbejde med andre steder" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_it_grants_a_group_of_small_sites_into_one_joint_programme(
    client, case_officer, make_application
):  # O4.4
    sites = [PlacementSiteFactory(name=name, employee_count=10) for name in ("Ask", "Birk")]
    users = [UserFactory(role=Role.APPLICANT, organisation=site) for site in sites]
    first = make_application(
        "O4", sites[0], users[0], submitted=True, employee_count="10", partners=[str(sites[1].pk)]
    )
    second = make_application(
        "O4", sites[1], users[1], submitted=True, employee_count="10", partners=[str(sites[0].pk)]
    )
    assess_completely(second, case_officer)
    _decide(client, case_officer, first, "grant", "Begge steder er klar.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == ApplicationStatus.GRANTED
    assert first.programme == second.programme
    programme = Programme.objects.get()
    assert set(programme.participants.values_list("name", flat=True)) == {"Ask", "Birk"}


def test_it_lets_a_manager_reopen_a_decision(client, case_officer, manager, submitted):
    _decide(client, case_officer, submitted, "grant")
    decision = Decision.objects.get()
    client.force_login(case_officer)
    refused = client.post(
        reverse("applications:reopen", args=[decision.pk]), {"reopen_reason": "x"}
    )
    assert refused.status_code == 403
    client.force_login(manager)
    client.post(reverse("applications:reopen", args=[decision.pk]), {"reopen_reason": "Ny viden."})
    decision.refresh_from_db()
    submitted.refresh_from_db()
    assert decision.reopened_by == manager
    assert decision.reopen_reason == "Ny viden."
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert submitted.programme.status == ProgrammeStatus.STOPPED


def test_it_shows_the_full_history_in_plain_danish(client, case_officer, submitted):  # C10
    _decide(client, case_officer, submitted, "waiting_list", "Ingen kapacitet lige nu.")
    response = client.get(reverse("applications:case", args=[submitted.pk]))
    sentences = [item.sentence for item in response.context["history"]]
    assert any(s.startswith(f"{case_officer.full_name} oprettede afgørelse") for s in sentences)
    assert any(
        change.new == "På venteliste"
        for item in response.context["history"]
        for change in item.changes
    )


def test_it_names_the_criterion_in_each_missing_reason(client, case_officer, submitted):
    """Each error in the summary says which criterion it concerns (C4)."""
    rules = list(submitted.offer.rules.all()[:2])
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {**{f"judgement_{rule.pk}": "met" for rule in rules}, "version": 1},
    )
    for rule in rules:
        assert (
            f"Begrundelse for »{rule.text}«: Skriv en begrundelse for vurderingen." in response.text
        )
    assert "Intern begrundelse: Skriv" not in response.text


def test_it_shows_the_assessment_read_only_once_decided(client, case_officer, manager, submitted):
    """The assessment is the basis of the decision: after it, no form, and a save is
    refused with a message, until a manager reopens the decision (C4, C12)."""
    _decide(client, case_officer, submitted, "grant")
    rule = _rule("O1", "motivation")
    page = client.get(reverse("applications:case", args=[submitted.pk]))
    assert "Gem vurdering" not in page.text
    assert f'name="judgement_{rule.pk}"' not in page.text
    assert "Vurderet i testen." in page.text  # the reasons, read-only

    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {f"judgement_{rule.pk}": "not_met", f"reason_{rule.pk}": "Ændret bagefter.", "version": 2},
        follow=True,
    )
    assert "Vurderingen kan ikke ændres" in response.text
    assert CriterionJudgement.objects.get(rule=rule).judgement == "met"

    client.force_login(manager)
    decision = Decision.objects.get()
    client.post(reverse("applications:reopen", args=[decision.pk]), {"reopen_reason": "Ny viden."})
    assert "Gem vurdering" in client.get(reverse("applications:case", args=[submitted.pk])).text


def test_it_offers_no_draft_status_in_the_inbox_filter(client, case_officer):
    """Drafts never reach the inbox (C12), so the filter does not offer them."""
    client.force_login(case_officer)
    form = client.get(reverse("applications:inbox")).context["form"]
    assert ApplicationStatus.DRAFT not in dict(form.fields["status"].choices)


def test_it_refuses_an_inbox_period_that_ends_before_it_starts(client, case_officer, submitted):
    client.force_login(case_officer)
    response = client.get(
        reverse("applications:inbox"), {"received_from": "2027-03-01", "received_to": "2027-02-01"}
    )
    assert response.context["form"].errors["received_to"] == [
        "Slutdatoen skal ligge efter startdatoen."
    ]
    assert "Modtaget til: Slutdatoen skal ligge efter startdatoen." in response.text  # summary
