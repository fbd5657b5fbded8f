"""No database query per row (C9): every list runs as many queries for 200 rows as for 10."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indsats.allocation.models import OfferCapacity
from indsats.applications.models import Application, ApplicationStatus, Decision, Enquiry
from indsats.catalogue.models import Offer
from indsats.organisations.models import Municipality, Organisation, OrganisationKind
from indsats.programmes.models import Programme
from indsats.screening.models import MinisterialRequest, PreparednessPlan, PressCriticism

pytestmark = pytest.mark.django_db


def _organisations(count):
    return list(Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)[:count])


def _add_applications(start, count, user):
    offer = Offer.objects.get(code="O1")
    organisations = _organisations(98)
    Application.objects.bulk_create(
        Application(
            offer=offer,
            organisation=organisations[n % len(organisations)],
            status=ApplicationStatus.SUBMITTED,
            reference=f"TF-2027-{n:04d}",
            created_by=user,
        )
        for n in range(start, start + count)
    )


def _add_enquiries(start, count, user):
    offer = Offer.objects.get(code="O1")
    organisations = _organisations(98)
    Enquiry.objects.bulk_create(
        Enquiry(
            offer=offer,
            organisation=organisations[n % len(organisations)],
            subject=f"Spørgsmål {n}",
            message="Kan vi få et temaforløb?",
            contact_name="Mette Testesen",
            contact_email="mette@kommune.test",
            created_by=user,
        )
        for n in range(start, start + count)
    )


def _add_decisions(start, count, user):
    _add_applications(start, count, user)
    references = [f"TF-2027-{n:04d}" for n in range(start, start + count)]
    applications = Application.objects.filter(reference__in=references)
    Decision.objects.bulk_create(
        Decision(application=a, outcome="grant", applicant_text="Bevilget.", decided_by=user)
        for a in applications
    )


def _add_programmes(start, count, user):
    offer = Offer.objects.get(code="O2")
    organisations = _organisations(98)
    Programme.objects.bulk_create(
        Programme(
            offer=offer,
            reference=f"UF-2027-{n:04d}",
            title=f"Udviklingsforløb {n}",
            organisation=organisations[n % len(organisations)],
            current_step="initial_meeting",
        )
        for n in range(start, start + count)
    )


def _add_press(start, count, user):
    municipalities = list(Municipality.objects.all())
    PressCriticism.objects.bulk_create(
        PressCriticism(
            municipality=municipalities[n % len(municipalities)],
            published_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            medium="Avisen",
            summary="Kritik af sagsbehandlingen.",
            recorded_by=user,
        )
        for n in range(start, start + count)
    )


def _add_ministerial(start, count, user):
    municipalities = list(Municipality.objects.all())
    MinisterialRequest.objects.bulk_create(
        MinisterialRequest(
            municipality=municipalities[n % len(municipalities)],
            received_on=datetime.date(2026, 1, 1),
            reference=f"2026-{n}",
            recorded_by=user,
        )
        for n in range(start, start + count)
    )


def _add_plans(start, count, user):
    # 98 municipalities: one plan each, so this list is compared at 10 and 98 rows.
    municipalities = list(Municipality.objects.order_by("code"))[start : start + count]
    PreparednessPlan.objects.bulk_create(
        PreparednessPlan(municipality=m, approved_on=datetime.date(2024, 1, 1))
        for m in municipalities
    )


def _add_capacity(start, count, user):
    offers = list(Offer.objects.filter(code__in=["O1", "O2", "O3", "O4"]))
    OfferCapacity.objects.bulk_create(
        OfferCapacity(offer=offers[n % 4], period=f"{2000 + n // 4}", places=5)
        for n in range(start, start + count)
    )


LISTS = {
    "/api/v1/applications": _add_applications,
    "/api/v1/enquiries": _add_enquiries,
    "/api/v1/decisions": _add_decisions,
    "/api/v1/programmes": _add_programmes,
    "/api/v1/screening/press": _add_press,
    "/api/v1/screening/ministerial-requests": _add_ministerial,
    "/api/v1/screening/preparedness-plans": _add_plans,
    "/api/v1/capacity": _add_capacity,
}


def _queries(client, path) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {"page_size": 200})
    assert response.status_code == 200, response.content
    return len(captured), len(response.json()["items"])


@pytest.mark.parametrize("path", list(LISTS))
def test_it_runs_as_many_queries_for_200_rows_as_for_10_c9(path, case_officer, token_client):
    client = token_client(case_officer)
    add = LISTS[path]
    add(0, 10, case_officer)
    few_queries, few_rows = _queries(client, path)
    many = 88 if add is _add_plans else 190
    add(10, many, case_officer)
    many_queries, many_rows = _queries(client, path)
    assert (few_rows, many_rows) == (10, 10 + many)
    assert many_queries == few_queries
