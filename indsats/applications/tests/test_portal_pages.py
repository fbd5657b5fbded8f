"""The applicant portal in pages of 50 (C13): the organisation's own applications only,
a page past the end shows the last page, and the queries do not grow with the rows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Application, ApplicationGroup, ApplicationStatus
from indsats.catalogue.models import Offer
from indsats.testing.pages import next_page_links, queries_for, query_of

pytestmark = pytest.mark.django_db


def _add(organisation, user, n, start=0):
    offers = list(Offer.objects.filter(code__in=["O1", "O2", "O3"]).order_by("code"))
    group = ApplicationGroup.objects.create()
    Application.objects.bulk_create(
        Application(
            offer=offers[number % 3],
            organisation=organisation,
            created_by=user,
            status=ApplicationStatus.SUBMITTED if number % 2 else ApplicationStatus.DRAFT,
            reference=f"{organisation.pk}-{number:04d}" if number % 2 else None,
            submitted_at=timezone.now() if number % 2 else None,
            group=group if number % 5 == 0 else None,
            answers={"description": "lang tekst " * 200},
        )
        for number in range(start, start + n)
    )
    # created_at is set on insert; spread it so the newest-first order is certain.
    for application in Application.objects.filter(organisation=organisation):
        Application.objects.filter(pk=application.pk).update(
            created_at=timezone.now() - timedelta(minutes=application.pk)
        )


def test_it_shows_fifty_of_120_and_links_to_the_next_page(client, applicant, other_applicant):
    _add(applicant.organisation, applicant, 120)
    _add(other_applicant.organisation, other_applicant, 30)
    client.force_login(applicant)
    first = client.get(reverse("applications:portal"))
    shown = first.context["applications"]
    assert len(shown) == 50
    assert shown.count == 120
    link = next_page_links(first.content.decode())[0]
    assert query_of(link) == {"side": ["2"]}
    last = client.get(reverse("applications:portal"), {"side": 3})
    rows = list(last.context["applications"])
    assert len(rows) == 20
    assert {a.organisation_id for a in rows} == {applicant.organisation.pk}


def test_it_keeps_other_parameters_in_the_page_links(client, applicant):
    _add(applicant.organisation, applicant, 60)
    client.force_login(applicant)
    response = client.get(reverse("applications:portal"), {"side_henvendelser": 1, "sprog": "x"})
    assert query_of(next_page_links(response.content.decode())[0]) == {
        "side_henvendelser": ["1"],
        "sprog": ["x"],
        "side": ["2"],
    }


def test_it_shows_the_last_page_for_a_page_past_the_end(client, applicant):
    _add(applicant.organisation, applicant, 51)
    client.force_login(applicant)
    response = client.get(reverse("applications:portal"), {"side": 7})
    assert response.status_code == 200
    assert response.context["applications"].number == 2
    assert len(response.context["applications"]) == 1


def test_its_queries_do_not_grow_with_the_rows(client, applicant):
    client.force_login(applicant)
    _add(applicant.organisation, applicant, 10)
    with_ten = queries_for(client, reverse("applications:portal"))
    _add(applicant.organisation, applicant, 50, start=10)
    assert queries_for(client, reverse("applications:portal")) == with_ten


def test_it_never_loads_the_answers_for_the_list(client, applicant):
    _add(applicant.organisation, applicant, 3)
    client.force_login(applicant)
    shown = client.get(reverse("applications:portal")).context["applications"]
    assert all("answers" in row.get_deferred_fields() for row in shown)
