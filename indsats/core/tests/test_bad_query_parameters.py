"""Bad query parameters on every list page give a page, never a server error (C12, #12).

NUL bytes (PostgreSQL refuses them in text), 20-digit integers (past SQLite's and
PostgreSQL's integer range), and 100,000-character searches (past SQLite's LIKE pattern
limit) in every parameter the lists read.
"""

import pytest
from django.test import Client
from django.urls import reverse

from indsats.applications.models import Enquiry
from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme

pytestmark = pytest.mark.django_db

HUGE = "9" * 20
NUL = "a\x00b"
LONG = "x" * 100_000

LISTS = [
    (
        "applications:inbox",
        [
            "q",
            "offer",
            "status",
            "enquiry_status",
            "region",
            "owner",
            "received_from",
            "received_to",
            "side",
            "side_henvendelser",
        ],
    ),
    ("programmes:list", ["vis", "tilbud", "q", "side"]),
    ("programmes:tasks", ["vis", "side", "side_kommende"]),
    ("organisations:municipalities", ["region", "q"]),
    ("organisations:placement_sites", ["q", "side", "region", "kommune"]),
    ("screening:list", ["koersel", "region", "faktor", "kandidater", "sorter", "retning"]),
    ("reports:index", ["fra", "til", "tilbud", "region"]),
    ("audit:trail", ["q", "side", "person", "kind", "action", "date_from", "date_to"]),
    ("allocation:overview", ["tilbud", "periode", "side"]),
    ("allocation:partners", ["tilbud", "side"]),
]
VALUES = {"nul": NUL, "huge": HUGE, "long": LONG, "negative": "-" + HUGE}


@pytest.fixture
def staff_client(administrator, aarhus, applicant, make_application):
    # A row in every list, so that each filter and search is run against data (SQLite
    # compiles a LIKE pattern only when there is a row to match).
    make_application("O1", aarhus, applicant, submitted=True)
    Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=aarhus,
        subject="Temadage",
        message="Vi vil gerne høre mere.",
        contact_name="A",
        contact_email="a@aarhus.test",
        created_by=applicant,
    )
    Programme.objects.create(
        offer=Offer.objects.get(code="O1"),
        reference="TF-2030-0001",
        title="Forløb",
        organisation=aarhus,
        current_step="initial_meeting",
    )
    client = Client()  # a server error raises here, with its traceback
    client.force_login(administrator)
    return client


@pytest.mark.parametrize("value_name", sorted(VALUES))
@pytest.mark.parametrize(("name", "parameters"), LISTS, ids=[name for name, _p in LISTS])
def test_it_answers_every_list_with_bad_parameters_without_a_server_error(
    staff_client, name, parameters, value_name
):
    value = VALUES[value_name]
    url = reverse(name)
    for parameter in parameters:
        response = staff_client.get(url, {parameter: value})
        assert response.status_code < 500, (parameter, response.status_code)
