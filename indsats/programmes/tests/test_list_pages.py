"""The programme list and the task list in pages of 50 (C13): filters kept in the page
links, a page past the end shows the last page, queries that do not grow with the rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme, ProgrammeStatus, Task
from indsats.programmes.views.programme import step_title
from indsats.testing.factories import UserFactory
from indsats.testing.pages import next_page_links, queries_for, query_of

pytestmark = pytest.mark.django_db


def _programmes(organisation, n, start=0, code="O4", status=ProgrammeStatus.ACTIVE):
    offer = Offer.objects.get(code=code)
    return Programme.objects.bulk_create(
        Programme(
            offer=offer,
            reference=f"{code}-2027-{number:04d}",
            title=f"Forløb nummer {number}",
            organisation=organisation,
            current_step="interest" if code == "O4" else "decision",
            status=status,
        )
        for number in range(start, start + n)
    )


def test_it_shows_fifty_of_120_programmes_and_links_on_with_the_filters_kept(
    client, consultant, placement_site
):
    _programmes(placement_site, 120, code="O4")
    _programmes(placement_site, 9, code="O2")  # filtered away
    _programmes(placement_site, 4, start=500, status=ProgrammeStatus.CLOSED)  # also
    client.force_login(consultant)
    first = client.get(reverse("programmes:list"), {"vis": "active", "tilbud": "O4", "q": "Forløb"})
    assert len(first.context["programmes"]) == 50
    assert first.context["programmes"].count == 120
    link = next_page_links(first.content.decode())[0]
    assert query_of(link) == {"vis": ["active"], "tilbud": ["O4"], "q": ["Forløb"], "side": ["2"]}
    second = client.get(reverse("programmes:list") + link)
    last = client.get(reverse("programmes:list") + next_page_links(second.content.decode())[0])
    rows = list(last.context["programmes"])
    assert len(rows) == 20
    assert {p.offer.code for p in rows} == {"O4"}


def test_it_shows_the_step_by_its_title_never_its_key(client, consultant, placement_site):
    _programmes(placement_site, 1)
    client.force_login(consultant)
    page = client.get(reverse("programmes:list")).content.decode()
    assert "<td>Interesse</td>" in page
    assert "<td>interest</td>" not in page


def test_it_names_both_steps_at_a_branch_and_nothing_for_an_unknown_key():
    assert step_title("O5", "programme|no_further_action").count(" eller ") == 1
    assert step_title("O4", "no_such_step") == "–"


def test_it_shows_the_last_page_of_programmes_for_a_page_past_the_end(
    client, consultant, placement_site
):
    _programmes(placement_site, 60)
    client.force_login(consultant)
    response = client.get(reverse("programmes:list"), {"side": 40})
    assert response.status_code == 200
    assert response.context["programmes"].number == 2


def test_the_programme_lists_queries_do_not_grow_with_the_rows(client, consultant, placement_site):
    consultants = UserFactory.create_batch(3, role="consultant")
    client.force_login(consultant)
    for programme in _programmes(placement_site, 10):
        programme.consultants.set(consultants[:1])
    with_ten = queries_for(client, reverse("programmes:list"))
    for programme in _programmes(placement_site, 50, start=10):
        programme.consultants.set(consultants)
    assert queries_for(client, reverse("programmes:list")) == with_ten


def _tasks(programme, user, n, first_due):
    Task.objects.bulk_create(
        Task(
            programme=programme,
            title=f"Opgave {number:03d}",
            due_on=first_due + datetime.timedelta(days=number),
            assignee=user if number % 2 else None,
            created_by=user,
        )
        for number in range(n)
    )


def test_it_pages_the_overdue_and_the_coming_tasks_apart_and_keeps_mine_in_the_links(
    client, consultant, placement_site
):
    """C6, C13: 120 overdue tasks never push the coming ones off the first page; each
    list has its own pages, and the links keep the other list's page and the filter."""
    [programme] = _programmes(placement_site, 1)
    today = timezone.localdate()
    _tasks(programme, consultant, 240, first_due=today - datetime.timedelta(days=120))
    client.force_login(consultant)
    first = client.get(reverse("programmes:tasks"))
    assert len(first.context["overdue"]) == 50
    assert len(first.context["upcoming"]) == 50
    assert (first.context["overdue_count"], first.context["upcoming_count"]) == (120, 120)
    assert list(first.context["upcoming"])[0].due_on == today
    mine = client.get(reverse("programmes:tasks"), {"vis": "mine", "side_kommende": 2})
    assert query_of(next_page_links(mine.content.decode())[0]) == {
        "vis": ["mine"],
        "side_kommende": ["2"],
        "side": ["2"],
    }
    last = client.get(reverse("programmes:tasks"), {"side": 3, "side_kommende": 2})
    assert len(last.context["overdue"]) == 20
    assert len(last.context["upcoming"]) == 50
    past_the_end = client.get(reverse("programmes:tasks"), {"side_kommende": 9})
    assert past_the_end.context["upcoming"].number == 3
    assert past_the_end.context["overdue"].number == 1


def test_the_task_lists_queries_do_not_grow_with_the_rows(client, consultant, placement_site):
    [programme, other] = _programmes(placement_site, 2)
    client.force_login(consultant)
    today = timezone.localdate()
    _tasks(programme, consultant, 10, first_due=today - datetime.timedelta(days=5))
    with_ten = queries_for(client, reverse("programmes:tasks"))
    _tasks(other, UserFactory(), 50, first_due=today - datetime.timedelta(days=20))
    assert queries_for(client, reverse("programmes:tasks")) == with_ten
