"""A history says in words what happened: no key, field name, Python value or version
counter (C10, issue 9)."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from indsats.applications.models import Application
from indsats.audit.describe import describe
from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme, StepRecord
from indsats.testing.readable import unreadable_fragments, visible_text

pytestmark = pytest.mark.django_db


def _last_change(instance):
    return describe(
        LogEntry.objects.get_for_object(instance)
        .filter(action=LogEntry.Action.UPDATE)
        .order_by("timestamp", "pk")
        .last()
    )


def _all_text(described) -> str:
    return " ".join([described.sentence, *(str(change) for change in described.changes)])


@pytest.fixture
def draft(applicant, aarhus):
    return Application.objects.create(
        offer=Offer.objects.get(code="O1"), organisation=aarhus, created_by=applicant, answers={}
    )


def test_it_names_the_changed_answers_by_their_questions(draft, applicant):
    with set_actor(applicant):
        draft.answers = {"topic": "Børnesamtaler", "participants": "Rådgivere"}
        draft.version += 1
        draft.save()
    described = _last_change(draft)
    assert [str(change) for change in described.changes] == ["Svar ændret: Emne, Målgruppe"]
    text = _all_text(described)
    assert "topic" not in text
    assert "{" not in text
    assert "version" not in text.lower()
    assert unreadable_fragments(text, "da") == []


def test_it_leaves_out_the_version_counter_and_shows_a_status_in_words(draft, applicant):
    with set_actor(applicant):
        draft.status = "submitted"
        draft.version += 1
        draft.save()
    changes = [str(change) for change in _last_change(draft).changes]
    assert changes == ["Status: fra »Kladde« til »Indsendt«"]


def test_it_says_an_empty_value_and_a_yes_or_no_in_words(placement_site, case_officer):
    from indsats.organisations.models import Organisation

    site = Organisation.objects.get(pk=placement_site.pk)
    with set_actor(case_officer):
        site.cvr_checksum_confirmed = True
        site.address = ""
        site.save()
    changes = [str(change) for change in _last_change(site).changes]
    assert "CVR-nummer bekræftet trods fejlet kontrolciffer: fra »nej« til »ja«" in changes
    assert f"Adresse: fra »{placement_site.address}« til »(tom)«" in changes


@pytest.fixture
def programme(aarhus):
    return Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2099-0001",
        title="Opkvalificering på Granbakken",
        organisation=aarhus,
        current_step="working_group",
    )


def test_it_names_a_workflow_step_by_its_title(programme, consultant):
    with set_actor(consultant):
        StepRecord.objects.create(
            programme=programme, step="working_group", completed_by=consultant
        )
        programme.current_step = "initial_meeting"
        programme.save()
    created = describe(
        LogEntry.objects.get_for_model(StepRecord).get(action=LogEntry.Action.CREATE)
    )
    assert created.sentence.endswith("»OK-2099-0001: Arbejdsgruppe«")
    changes = [str(change) for change in _last_change(programme).changes]
    assert changes == ["Nuværende trin: fra »Arbejdsgruppe« til »Indledende møde«"]


def test_it_reads_an_old_entry_that_recorded_a_step_key(programme, consultant):
    StepRecord.objects.create(programme=programme, step="working_group", completed_by=consultant)
    entry = LogEntry.objects.get_for_model(StepRecord).get()
    entry.object_repr = "OK-2099-0001: working_group"  # as recorded before issue 9
    assert describe(entry).sentence.endswith("»OK-2099-0001: Arbejdsgruppe«")


def test_it_shows_no_key_on_the_trail_page_in_danish_or_english(
    client, manager, programme, consultant, draft
):
    with set_actor(consultant):
        StepRecord.objects.create(
            programme=programme, step="working_group", completed_by=consultant
        )
        programme.current_step = "initial_meeting"
        programme.save()
        draft.answers = {"topic": "Børnesamtaler"}
        draft.version += 1
        draft.save()
    client.force_login(manager)

    for language in ("da", "en"):
        client.cookies["django_language"] = language
        page = visible_text(client.get(reverse("audit:trail")).content.decode())
        assert unreadable_fragments(page, language) == [], language
        with translation.override(language):
            assert ("Svar ændret" if language == "da" else "Answer changed") in page


def test_it_shows_a_number_with_a_decimal_comma(placement_site, case_officer):  # C11
    from indsats.audit.describe import field_change
    from indsats.programmes.models import HourEntry

    hours = HourEntry._meta.get_field("hours")
    assert str(field_change(HourEntry, "hours", ["2.5", "3.00"])) == (
        f"{hours.verbose_name[:1].upper()}{hours.verbose_name[1:]}: fra »2,5« til »3«"
    )
    assert str(field_change(HourEntry, "hours", [None, "1.25"])).endswith("fra »(tom)« til »1,25«")


def test_it_names_a_step_recorded_in_danish_in_the_readers_language(programme, consultant):
    StepRecord.objects.create(programme=programme, step="working_group", completed_by=consultant)
    entry = LogEntry.objects.get_for_model(StepRecord).get()
    assert entry.object_repr == "OK-2099-0001: Arbejdsgruppe"
    with translation.override("en"):
        assert describe(entry).sentence.endswith("“OK-2099-0001: Working group”")
