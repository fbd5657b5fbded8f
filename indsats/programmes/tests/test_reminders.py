"""The daily reminder command sends each reminder once, however often it runs (C10)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def programme(site_applicant, placement_site, consultant):
    programme = Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0099",
        title="Opkvalificering på Granbakken",
        organisation=placement_site,
        current_step="initial_meeting",
    )
    programme.consultants.add(consultant)
    return programme


def test_it_sends_each_reminder_once_when_run_twice(programme, consultant, site_applicant):
    today = timezone.localdate()
    programme.tasks.create(
        title="Send dagsorden", due_on=today, assignee=consultant, created_by=consultant
    )
    programme.tasks.create(
        title="Senere", due_on=today + datetime.timedelta(days=5), created_by=consultant
    )
    tomorrow_morning = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(9, 0))
    )
    programme.meetings.create(kind="initial", starts_at=tomorrow_morning, place="Granbakken")

    call_command("send_reminders")
    call_command("send_reminders")

    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["Møde i morgen (OK-2027-0099)", "Opgave forfalder: Send dagsorden"]
    meeting_mail = next(m for m in mail.outbox if m.subject.startswith("Møde"))
    assert set(meeting_mail.to) == {consultant.email, site_applicant.email}


def test_it_does_not_remind_about_done_tasks(programme, consultant):
    programme.tasks.create(
        title="Klaret",
        due_on=timezone.localdate(),
        assignee=consultant,
        created_by=consultant,
        done_at=timezone.now(),
    )
    call_command("send_reminders")
    assert mail.outbox == []
