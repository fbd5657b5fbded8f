"""A joint programme of small sites is one case, formed only with every member's consent
(O4.4, O4.6, C5)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from indsats.applications.decisions import decide, reopen
from indsats.applications.documents import add_version
from indsats.applications.models import (
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    DocumentKind,
)
from indsats.applications.partners import accept_partners
from indsats.programmes.models import Programme, ProgrammeStatus, StepRecord

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(site_application):
    """Ager and Bæk, 10 employees each, who named each other: one group."""
    ager = site_application("Ager", at(1), 10)
    baek = site_application("Bæk", at(2), 10, [ager.organisation])
    accept_partners(ager, [baek.organisation])
    ager.refresh_from_db()
    baek.refresh_from_db()
    assert ager.group_id
    assert ager.group_id == baek.group_id
    return ager, baek


def test_a_waiting_list_decision_reaches_every_member_with_a_letter_each(pair, case_officer):
    """O4.4: the bug was one member on the waiting list and the other still submitted."""
    ager, baek = pair
    made = decide(baek, DecisionOutcome.WAITING_LIST, "Kapaciteten er brugt.", case_officer)
    assert {d.application_id for d in made} == {ager.pk, baek.pk}
    for member in pair:
        member.refresh_from_db()
        assert member.status == ApplicationStatus.WAITING_LIST
        assert member.documents.filter(kind=DocumentKind.DECISION_LETTER).exists()


def test_a_grant_opens_one_programme_for_every_member(pair, case_officer):
    """O4.4: one joint programme naming every site."""
    ager, baek = pair
    decide(ager, DecisionOutcome.GRANT, "Bevilget.", case_officer)
    programme = Programme.objects.get()
    assert set(programme.applications.values_list("status", flat=True)) == {
        ApplicationStatus.GRANTED
    }
    assert set(programme.participants.all()) == {ager.organisation, baek.organisation}


def test_a_refused_member_leaves_the_group_and_the_other_waits_alone(
    pair, site_application, case_officer
):
    """O4.4: refused on its own conditions, the site is taken out; the small site left
    alone is not granted with it and stays open."""
    ager, baek = pair
    decide(baek, DecisionOutcome.REJECT, "Ingen ledelsesbeslutning.", case_officer)
    ager.refresh_from_db()
    baek.refresh_from_db()
    assert baek.status == ApplicationStatus.REJECTED
    assert baek.group_id is None
    assert ager.status == ApplicationStatus.SUBMITTED
    assert ager.group_id is None
    assert Decision.objects.filter(application=ager).count() == 0


def test_reopening_a_groups_grant_reopens_every_member(pair, case_officer, manager):
    """O4.4, C4: the group is one case when a manager reopens its grant."""
    ager, baek = pair
    decide(ager, DecisionOutcome.GRANT, "Bevilget.", case_officer)
    reopen(Decision.objects.get(application=baek), manager, "Fejl i vurderingen.")
    for member in pair:
        member.refresh_from_db()
        assert member.status == ApplicationStatus.SUBMITTED
    assert Programme.objects.get().status == ProgrammeStatus.STOPPED


def test_one_sided_naming_gives_no_access_and_no_decision(client, site_application, case_officer):
    """O4.4: Ager names Bæk; Bæk never agreed. Granting Bæk (a large site) grants only
    Bæk, and Ager can neither see Bæk's programme nor is it a participant."""
    baek = site_application("Bæk", at(1), 40)
    ager = site_application("Ager", at(2), 10, [baek.organisation])
    decide(baek, DecisionOutcome.GRANT, "Bevilget.", case_officer)
    ager.refresh_from_db()
    assert ager.status == ApplicationStatus.SUBMITTED
    assert ager.programme_id is None
    programme = Programme.objects.get()
    assert list(programme.participants.all()) == [baek.organisation]
    client.force_login(ager.user)
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 404
    assert client.get(reverse("applications:detail", args=[baek.pk])).status_code == 404
    page = client.get(reverse("applications:detail", args=[ager.pk])).content.decode()
    assert programme.reference not in page


def _upload(application, kind, user):
    add_version(
        kind,
        file=ContentFile(b"%PDF-1.4 politik", name="politik.pdf"),
        original_name="politik.pdf",
        content_type="application/pdf",
        size=16,
        user=user,
        application=application,
    )


def _at_step(programme, step, user):
    """Record the steps before ``step`` as done, as the delivery would have."""
    from indsats.programmes.workflow import workflow_for

    keys = workflow_for("O4").keys
    for key in keys[: keys.index(step)]:
        StepRecord.objects.get_or_create(
            programme=programme, step=key, defaults={"completed_by": user}
        )
    Programme.objects.filter(pk=programme.pk).update(current_step=step)


def test_a_site_cannot_complete_the_policy_steps_for_the_other_site(client, pair, case_officer):
    """O4.4: each site sends its own draft and final policy; one site's upload does not
    complete the step, and the programme closes only when every site's final policy is in."""
    ager, baek = pair
    decide(ager, DecisionOutcome.GRANT, "Bevilget.", case_officer)
    programme = Programme.objects.get()
    _at_step(programme, "draft_policy", case_officer)
    _upload(ager, DocumentKind.DRAFT_POLICY, ager.user)
    client.force_login(ager.user)
    url = reverse("programmes:step_complete", args=[programme.pk, "draft_policy"])
    client.post(url)
    assert not StepRecord.objects.filter(programme=programme, step="draft_policy").exists()
    _upload(baek, DocumentKind.DRAFT_POLICY, baek.user)
    client.post(url)
    assert StepRecord.objects.filter(programme=programme, step="draft_policy").exists()

    _at_step(programme, "final_policy", case_officer)
    _upload(ager, DocumentKind.FINAL_POLICY, ager.user)
    final = reverse("programmes:step_complete", args=[programme.pk, "final_policy"])
    client.post(final)
    programme.refresh_from_db()
    assert programme.status == ProgrammeStatus.ACTIVE
    _upload(baek, DocumentKind.FINAL_POLICY, baek.user)
    client.post(final)
    programme.refresh_from_db()
    assert programme.status == ProgrammeStatus.CLOSED


def test_a_site_accepts_a_partner_request_in_its_portal(client, site_application):
    """O4.4: Bæk sees that Ager asked, accepts, and the two become one group."""
    baek = site_application("Bæk", at(1), 10)
    ager = site_application("Ager", at(2), 10, [baek.organisation])
    client.force_login(baek.user)
    page = client.get(reverse("applications:detail", args=[baek.pk])).content.decode()
    assert "Ager vil gerne have et fælles forløb med jer" in page
    response = client.post(
        reverse("allocation:accept_partnership", args=[baek.pk]),
        {"organisation": ager.organisation.pk},
    )
    assert response.status_code == 302
    ager.refresh_from_db()
    baek.refresh_from_db()
    assert ager.group_id
    assert ager.group_id == baek.group_id


def test_a_site_cannot_accept_a_site_that_did_not_ask(client, site_application):
    """O4.4: consent is to a site that asked; nothing else can be accepted."""
    baek = site_application("Bæk", at(1), 10)
    stranger = site_application("Fremmed", at(2), 10)
    client.force_login(baek.user)
    response = client.post(
        reverse("allocation:accept_partnership", args=[baek.pk]),
        {"organisation": stranger.organisation.pk},
    )
    assert response.status_code == 404
    baek.refresh_from_db()
    assert not baek.partners.exists()


def test_staff_propose_a_group_and_it_forms_when_every_site_accepts(
    client, site_application, case_officer, django_capture_on_commit_callbacks
):
    """O4.4: two small sites waiting alone in the same municipality are suggested; the
    case officer proposes; each site accepts in its portal; then they are one group."""
    from django.core import mail

    first = site_application("Ager", at(1), 10)
    second = site_application("Bæk", at(2), 12)
    client.force_login(case_officer)
    page = client.get(reverse("allocation:partners")).content.decode()
    assert "Ager og Bæk ligger begge i Aarhus" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("allocation:propose_partners"),
            {"application": [first.pk, second.pk], "reason": "Samme kommune."},
        )
    assert len(mail.outbox) == 2
    for application in (first, second):
        client.force_login(application.user)
        page = client.get(reverse("applications:detail", args=[application.pk]))
        proposal = page.context["partner_proposals"][0].proposal
        client.post(
            reverse("allocation:accept_partnership", args=[application.pk]),
            {"proposal": proposal.pk},
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.group_id
    assert first.group_id == second.group_id


def test_a_site_that_leaves_is_taken_out_with_a_reason_and_the_others_go_on(
    client, pair, case_officer
):
    """O4.4: Ager leaves the running joint programme; Bæk goes on as its responsible
    organisation, and Ager can no longer see the programme."""
    ager, baek = pair
    decide(ager, DecisionOutcome.GRANT, "Bevilget.", case_officer)
    programme = Programme.objects.get()
    assert programme.organisation == ager.organisation
    client.force_login(case_officer)
    client.post(
        reverse("programmes:take_site_out", args=[programme.pk]),
        {"application": ager.pk, "reason": "Stedet lukker afdelingen."},
    )
    programme.refresh_from_db()
    ager.refresh_from_db()
    assert ager.status == ApplicationStatus.WITHDRAWN
    assert list(programme.participants.all()) == [baek.organisation]
    assert programme.organisation == baek.organisation
    assert programme.status == ProgrammeStatus.ACTIVE
    assert "Stedet lukker afdelingen." in programme.origin_note
    client.force_login(ager.user)
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 404
    client.force_login(case_officer)
    client.post(
        reverse("programmes:take_site_out", args=[programme.pk]),
        {"application": baek.pk, "reason": "Også væk."},
    )
    baek.refresh_from_db()
    assert baek.status == ApplicationStatus.GRANTED  # the last site cannot leave
