"""The overdue view: open tasks across active programmes, overdue first (C6)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(placement_site):
    return Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0042",
        title="Forløb",
        organisation=placement_site,
        current_step="initial_meeting",
    )


def test_it_lists_overdue_tasks_apart_from_upcoming_ones(client, consultant, programme):
    today = timezone.localdate()
    late = programme.tasks.create(
        title="Send referat", due_on=today - datetime.timedelta(days=2), created_by=consultant
    )
    soon = programme.tasks.create(title="Book lokale", due_on=today, created_by=consultant)
    programme.tasks.create(
        title="Klaret",
        due_on=today - datetime.timedelta(days=9),
        created_by=consultant,
        done_at=timezone.now(),
    )
    client.force_login(consultant)
    response = client.get(reverse("programmes:tasks"))
    assert list(response.context["overdue"]) == [late]
    assert list(response.context["upcoming"]) == [soon]


def test_it_shows_only_my_tasks_when_asked(client, consultant, manager, programme):
    today = timezone.localdate()
    mine = programme.tasks.create(
        title="Min", due_on=today, assignee=consultant, created_by=manager
    )
    programme.tasks.create(title="Lederens", due_on=today, assignee=manager, created_by=manager)
    client.force_login(consultant)
    response = client.get(reverse("programmes:tasks"), {"vis": "mine"})
    assert list(response.context["upcoming"]) == [mine]


def test_it_keeps_applicants_out(client, applicant):
    client.force_login(applicant)
    assert client.get(reverse("programmes:tasks")).status_code == 403
