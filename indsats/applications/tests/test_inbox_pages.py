"""The inbox in pages of 50 (C13): filters kept in the page links, a page past the end
shows the last page, and the number of queries does not grow with the rows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Application, ApplicationStatus, Enquiry
from indsats.catalogue.models import Offer
from indsats.testing.factories import UserFactory
from indsats.testing.pages import next_page_links, queries_for, query_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_applications(applicant):
    """``n`` submitted applications of Aarhus for ``code``, received one a minute apart."""
    made = {"count": 0}

    def add(n, code="O2", **fields):
        offer = Offer.objects.get(code=code)
        start = made["count"]
        made["count"] += n
        received = timezone.now() - timedelta(days=30)
        status = fields.pop("status", ApplicationStatus.SUBMITTED)
        Application.objects.bulk_create(
            Application(
                offer=offer,
                organisation=applicant.organisation,
                created_by=applicant,
                status=status,
                reference=f"UF-2027-{number:04d}",
                submitted_at=received + timedelta(minutes=number),
                answers={"description": "lang tekst " * 200},
                **fields,
            )
            for number in range(start, start + n)
        )

    return add


def _inbox(client, **query):
    return client.get(reverse("applications:inbox"), query)


def test_it_shows_fifty_of_120_and_links_to_the_next_page_with_the_filters_kept(
    client, case_officer, add_applications
):
    add_applications(120, "O2")
    add_applications(7, "O3")  # filtered away
    client.force_login(case_officer)
    o2 = Offer.objects.get(code="O2")

    first = _inbox(client, offer=o2.pk, status=ApplicationStatus.SUBMITTED)
    shown = first.context["applications"]
    assert len(shown) == 50
    assert shown.count == 120
    assert [a.reference for a in shown][:2] == ["UF-2027-0000", "UF-2027-0001"]
    next_link = next_page_links(first.content.decode())[0]
    assert query_of(next_link) == {
        "offer": [str(o2.pk)],
        "status": [ApplicationStatus.SUBMITTED],
        "side": ["2"],
    }

    second = client.get(reverse("applications:inbox") + next_link)
    assert [a.reference for a in second.context["applications"]][0] == "UF-2027-0050"
    last = client.get(reverse("applications:inbox") + next_page_links(second.content.decode())[0])
    assert len(last.context["applications"]) == 20
    assert all(a.offer.code == "O2" for a in last.context["applications"])


def test_it_keeps_the_default_filters_when_paging_the_unfiltered_inbox(
    client, case_officer, applicant, add_applications
):
    add_applications(60)
    Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=applicant.organisation,
        subject="Besvaret før",
        message="…",
        contact_name="Mette Testesen",
        contact_email="mette@aarhus.test",
        status="answered",
        created_by=applicant,
    )
    client.force_login(case_officer)
    second = _inbox(client, side=2)
    assert len(second.context["applications"]) == 10
    assert not second.context["form"].is_bound
    assert list(second.context["enquiries"]) == []  # still only the unanswered ones


def test_it_shows_the_last_page_for_a_page_past_the_end_and_the_first_for_nonsense(
    client, case_officer, add_applications
):
    add_applications(120)
    client.force_login(case_officer)
    past_the_end = _inbox(client, side=999)
    assert past_the_end.status_code == 200
    assert past_the_end.context["applications"].number == 3
    assert len(past_the_end.context["applications"]) == 20
    nonsense = _inbox(client, side="tre")
    assert nonsense.status_code == 200
    assert nonsense.context["applications"].number == 1


def test_it_pages_the_enquiries_apart_from_the_applications(
    client, case_officer, applicant, add_applications
):
    add_applications(70)
    offer = Offer.objects.get(code="O1")
    Enquiry.objects.bulk_create(
        Enquiry(
            offer=offer,
            organisation=applicant.organisation,
            subject=f"Spørgsmål {n:03d}",
            message="…",
            contact_name="Mette Testesen",
            contact_email="mette@aarhus.test",
            created_by=applicant,
            created_at=timezone.now() - timedelta(hours=200 - n),
        )
        for n in range(55)
    )
    client.force_login(case_officer)
    response = _inbox(client, side=2, side_henvendelser=2)
    assert len(response.context["applications"]) == 20
    assert [e.subject for e in response.context["enquiries"]] == [
        f"Spørgsmål {n:03d}" for n in range(50, 55)
    ]


def test_it_counts_every_status_but_drafts(client, case_officer, add_applications):
    add_applications(3)
    add_applications(2, status=ApplicationStatus.WAITING_LIST)
    add_applications(4, status=ApplicationStatus.DRAFT)
    Application.objects.filter(reference="UF-2027-0000").update(status=ApplicationStatus.GRANTED)
    client.force_login(case_officer)
    response = _inbox(client)
    counts = dict(response.context["counts"])
    assert response.context["applications"].count == 4  # the open ones: from the counts
    assert len(response.context["applications"]) == 4
    assert counts["Indsendt"] == 2
    assert counts["Bevilget"] == 1
    assert counts["På venteliste"] == 2
    assert counts["Afslået"] == 0
    assert "Kladde" not in counts


def test_its_queries_do_not_grow_with_the_rows(client, case_officer, add_applications):
    officers = UserFactory.create_batch(3)
    client.force_login(case_officer)
    add_applications(10)
    Application.objects.filter(pk__in=Application.objects.all()[:5]).update(
        case_officer=officers[0]
    )
    with_ten = queries_for(client, reverse("applications:inbox"))
    add_applications(50)
    for n, officer in enumerate(officers):
        Application.objects.filter(reference__endswith=f"{n}").update(case_officer=officer)
    assert queries_for(client, reverse("applications:inbox")) == with_ten


def test_it_never_loads_the_answers_for_the_list(client, case_officer, add_applications):
    add_applications(3)
    client.force_login(case_officer)
    shown = _inbox(client).context["applications"]
    assert all("answers" in row.get_deferred_fields() for row in shown)
