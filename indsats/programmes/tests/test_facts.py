"""Which workflow facts hold, computed from the records of delivering a programme (C6).

Each fact of ``workflow/facts.py`` is shown absent, then present once the record that
makes it hold exists.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from indsats.applications.models import (
    Application,
    ApplicationStatus,
    Document,
    DocumentKind,
    DocumentVersion,
)
from indsats.catalogue.models import Offer
from indsats.programmes.facts_from_records import facts_for
from indsats.programmes.models import (
    FocusGroup,
    Goal,
    HourEntry,
    Meeting,
    Programme,
    ProgrammeRecord,
    ThemeDay,
    initial_meeting_minutes_template,
)
from indsats.programmes.workflow import facts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def programme(placement_site):
    return Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0001",
        title="Opkvalificeringsforløb: Opholdsstedet Granbakken",
        organisation=placement_site,
        current_step="initial_meeting",
    )


@pytest.fixture
def application(programme, placement_site, site_applicant):
    return Application.objects.create(
        offer=programme.offer,
        organisation=placement_site,
        created_by=site_applicant,
        status=ApplicationStatus.GRANTED,
        reference="OK-2027-0001",
        programme=programme,
    )


def _meeting(programme, **fields):
    fields.setdefault("kind", "initial")
    fields.setdefault("starts_at", timezone.now() - timedelta(days=1))
    fields.setdefault("place", "Granbakken, mødelokalet")
    return Meeting.objects.create(programme=programme, **fields)


def _upload(user, kind, **owner):
    document = Document.objects.create(kind=kind, **owner)
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"%PDF-1.4 test", name="politik.pdf"),
        original_name="politik.pdf",
        content_type="application/pdf",
        size=13,
        uploaded_by=user,
    )
    return document


def test_it_finds_no_facts_for_a_programme_without_records(programme):
    """C6: a new programme has nothing recorded yet."""
    assert facts_for(programme) == frozenset()


def test_it_records_the_initial_meeting_only_once_it_has_minutes(programme):
    """O4.3 step 5: a scheduled meeting, or one with the untouched template, is not a record."""
    meeting = _meeting(programme)
    assert facts.INITIAL_MEETING_RECORDED not in facts_for(programme)
    meeting.minutes = initial_meeting_minutes_template()
    meeting.save()
    assert facts.INITIAL_MEETING_RECORDED not in facts_for(programme)
    meeting.minutes += "\nStedet har 18 ansatte og børn på 12-17 år."
    meeting.save()
    assert facts.INITIAL_MEETING_RECORDED in facts_for(programme)


def test_it_does_not_take_another_meeting_for_the_initial_one(programme):
    """O4.3 step 5: only an initial meeting counts as the initial meeting."""
    _meeting(programme, kind="follow_up", minutes="Opfølgning")
    held = facts_for(programme)
    assert facts.INITIAL_MEETING_RECORDED not in held
    assert facts.MEETING_RECORDED in held  # O5: any meeting with minutes


def test_it_sees_the_collaboration_agreement_of_the_programme(programme, case_officer):
    """O4.3 step 6: the agreement is the programme's own document."""
    other = Programme.objects.create(
        offer=programme.offer,
        reference="OK-2027-0002",
        title="Et andet forløb",
        organisation=programme.organisation,
        current_step="initial_meeting",
    )
    Document.objects.create(programme=other, kind=DocumentKind.COLLABORATION_AGREEMENT)
    assert facts.AGREEMENT_GENERATED not in facts_for(programme)
    Document.objects.create(programme=programme, kind=DocumentKind.COLLABORATION_AGREEMENT)
    assert facts.AGREEMENT_GENERATED in facts_for(programme)


def test_it_records_focus_groups_by_phase_once_they_have_notes(programme):
    """O4.1: focus-group interviews at the start and at the end, with notes."""
    start = FocusGroup.objects.create(programme=programme, phase="start", held_on=date(2027, 3, 1))
    assert facts.START_FOCUS_GROUP_RECORDED not in facts_for(programme)
    start.notes = "Medarbejderne kender ikke beredskabet."
    start.save()
    held = facts_for(programme)
    assert facts.START_FOCUS_GROUP_RECORDED in held
    assert facts.END_FOCUS_GROUP_RECORDED not in held
    FocusGroup.objects.create(
        programme=programme, phase="end", held_on=date(2027, 9, 1), notes="Politikken bruges."
    )
    assert facts.END_FOCUS_GROUP_RECORDED in facts_for(programme)


def test_it_needs_two_theme_days_held(programme):
    """O4.1 / O4.3 step 7: two theme days held; planned ones do not count."""
    first = ThemeDay.objects.create(programme=programme, date=date(2027, 3, 4), place="Stedet")
    ThemeDay.objects.create(programme=programme, date=date(2027, 3, 5), place="Stedet", held=True)
    assert facts.TWO_THEME_DAYS_HELD not in facts_for(programme)
    first.held = True
    first.save()
    assert facts.TWO_THEME_DAYS_HELD in facts_for(programme)


def test_it_sees_policies_received_on_any_application_of_the_programme(
    programme, application, site_applicant
):
    """O4.3 steps 8 and 10: the site uploads its draft and its final policy."""
    Document.objects.create(application=application, kind=DocumentKind.DRAFT_POLICY)
    assert facts.DRAFT_POLICY_RECEIVED not in facts_for(programme)  # no file yet
    Document.objects.all().delete()
    _upload(site_applicant, DocumentKind.DRAFT_POLICY, application=application)
    held = facts_for(programme)
    assert facts.DRAFT_POLICY_RECEIVED in held
    assert facts.FINAL_POLICY_RECEIVED not in held
    _upload(site_applicant, DocumentKind.FINAL_POLICY, application=application)
    assert facts.FINAL_POLICY_RECEIVED in facts_for(programme)


def test_it_needs_every_site_of_a_joint_programme_to_send_its_own_policy(
    programme, application, site_applicant
):
    """O4.4: in a joint programme each site writes its own policy; one site's draft or
    final policy never completes the step for the others, so the programme cannot close
    on one site's final policy."""
    from indsats.accounts.models import Role
    from indsats.testing.factories import PlacementSiteFactory, UserFactory

    other_site = PlacementSiteFactory(name="Opholdsstedet Lyngbakken")
    other_user = UserFactory(role=Role.APPLICANT, organisation=other_site)
    other = Application.objects.create(
        offer=programme.offer,
        organisation=other_site,
        created_by=other_user,
        status=ApplicationStatus.GRANTED,
        reference="OK-2027-0002",
        programme=programme,
    )
    _upload(site_applicant, DocumentKind.DRAFT_POLICY, application=application)
    _upload(site_applicant, DocumentKind.FINAL_POLICY, application=application)
    held = facts_for(programme)
    assert facts.DRAFT_POLICY_RECEIVED not in held
    assert facts.FINAL_POLICY_RECEIVED not in held
    _upload(other_user, DocumentKind.DRAFT_POLICY, application=other)
    assert facts.DRAFT_POLICY_RECEIVED in facts_for(programme)
    assert facts.FINAL_POLICY_RECEIVED not in facts_for(programme)
    _upload(other_user, DocumentKind.FINAL_POLICY, application=other)
    assert facts.FINAL_POLICY_RECEIVED in facts_for(programme)


def test_it_ignores_policies_of_applications_outside_the_programme(
    programme, placement_site, site_applicant
):
    """O4.3 step 8: another application's draft is not this programme's."""
    stray = Application.objects.create(
        offer=programme.offer, organisation=placement_site, created_by=site_applicant
    )
    _upload(site_applicant, DocumentKind.DRAFT_POLICY, application=stray)
    assert facts.DRAFT_POLICY_RECEIVED not in facts_for(programme)


def test_it_sees_the_texts_of_the_programme_record(programme, application, site_applicant):
    """O4.3 step 9, O2.1, O3.1, O3.3: feedback, scope, plan and evaluation, when written."""
    _upload(site_applicant, DocumentKind.DRAFT_POLICY, application=application)
    record = ProgrammeRecord.objects.create(programme=programme, draft_feedback="  ")
    assert facts.FEEDBACK_GIVEN not in facts_for(programme)
    record.draft_feedback = "Politikken mangler en beskrivelse af, hvem der underretter."
    record.scope = "Fire sparringsmøder"
    record.plan = "Marts: opsporing i dagtilbud"
    record.evaluation = "Målene er nået"
    record.save()
    assert {
        facts.FEEDBACK_GIVEN,
        facts.SCOPE_RECORDED,
        facts.PLAN_RECORDED,
        facts.EVALUATION_RECORDED,
    } <= facts_for(programme)


def test_it_counts_no_feedback_on_a_draft_that_has_not_come(programme, application):
    """O4.3 steps 8–9: feedback written before the draft policy came does not complete the
    closing step."""
    ProgrammeRecord.objects.create(programme=programme, draft_feedback="Fin politik")
    assert facts.FEEDBACK_GIVEN not in facts_for(programme)


def test_it_sees_hours_and_counts_them_as_activities(programme, consultant):
    """O1.1: sessions logged in the hours log; O2/O3: an activity is recorded."""
    HourEntry.objects.create(
        programme=programme,
        date=date(2027, 3, 1),
        hours=Decimal("3.0"),
        description="Sparring om beredskabet",
        consultant=consultant,
    )
    assert {facts.HOURS_LOGGED, facts.ACTIVITIES_RECORDED} <= facts_for(programme)


def test_it_counts_a_meeting_or_a_theme_day_as_an_activity(programme):
    """O2/O3: any meeting, theme day or hour entry is an activity."""
    ThemeDay.objects.create(programme=programme, date=date(2027, 3, 4), place="Rådhuset")
    assert facts.ACTIVITIES_RECORDED in facts_for(programme)


def test_it_needs_a_result_for_every_goal(programme):
    """O2.1, O2.4: goals set together, and results followed up on every one of them."""
    first = Goal.objects.create(programme=programme, text="Beredskabet er kendt", order=1)
    Goal.objects.create(programme=programme, text="Alle har hørt om tegn", result="Holdt", order=2)
    held = facts_for(programme)
    assert facts.GOALS_RECORDED in held
    assert facts.RESULTS_RECORDED not in held
    first.result = "Beredskabet er gennemgået på alle personalemøder."
    first.save()
    assert facts.RESULTS_RECORDED in facts_for(programme)


def test_it_sees_a_granted_application_of_the_programme(programme, application):
    """C4: the decision to grant."""
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.WAITING_LIST)
    assert facts.DECISION_GRANTED not in facts_for(programme)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.GRANTED)
    assert facts.DECISION_GRANTED in facts_for(programme)


def test_it_only_names_facts_the_engine_knows(programme, consultant, application):
    """C6: every name handed to the engine is one of workflow/facts.py."""
    _meeting(programme, minutes="Referat")
    Goal.objects.create(programme=programme, text="Mål", result="Resultat")
    ProgrammeRecord.objects.create(programme=programme, scope="x", plan="y")
    assert facts_for(programme) <= facts.ALL_FACTS
