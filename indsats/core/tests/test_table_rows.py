"""The tests' copies of rows (indsats.testing.table_rows): the reference data a browser test
starts from (serialized rollback, put back from a copy in the root conftest.py) is what
the migrations made, and the copy of the demo data
(indsats.testing.demo_copy) holds what a real load makes and never replaces rows a test
made itself (C13)."""

import pytest
from django.db import transaction
from django.http import HttpRequest

from indsats.accounts.models import Role, User
from indsats.applications.models import Application, DocumentVersion
from indsats.catalogue.models import Offer
from indsats.core.demo import DEMO_PASSWORD, DEMO_USERS, load_demo_data
from indsats.organisations.models import Municipality, Organisation, Region
from indsats.screening.models import StatisticValue
from indsats.testing import table_rows
from indsats.testing.demo_copy import load_demo_data_copied
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _contents():
    """What the demo data is, without what differs between two loads (ids, times, salts)."""
    return {
        "users": sorted(User.objects.values_list("email", "role", "organisation__name"), key=repr),
        "organisations": sorted(Organisation.objects.values_list("name", "kind")),
        "applications": sorted(
            Application.objects.values_list("reference", "status", "organisation__name"), key=repr
        ),
        "statistics": sorted(
            StatisticValue.objects.values_list(
                "measure", "municipality__code", "year", "period", "reason", "value"
            ),
            key=repr,
        ),
        "documents": DocumentVersion.objects.count(),
    }


def _in_a_savepoint(load):
    """What ``load`` makes, undone afterwards."""
    with transaction.atomic():
        load()
        contents = _contents()
        transaction.set_rollback(True)
    return contents


def test_it_puts_back_what_a_real_load_makes():
    loaded = _in_a_savepoint(load_demo_data)
    _in_a_savepoint(load_demo_data_copied)  # the first in this process may load for real
    copied = _in_a_savepoint(load_demo_data_copied)  # a copy by now
    assert copied == loaded
    assert len(copied["users"]) >= len(DEMO_USERS)
    assert copied["statistics"]


def test_the_copy_opens_its_documents_and_lets_its_users_sign_in(client):
    _in_a_savepoint(load_demo_data_copied)
    load_demo_data_copied()
    version = DocumentVersion.objects.first()
    assert version.file.read()  # the file was copied into this test's media folder
    assert client.login(request=HttpRequest(), email=DEMO_USERS[0].email, password=DEMO_PASSWORD)


def test_it_loads_for_real_beside_rows_a_test_made_first():
    _in_a_savepoint(load_demo_data_copied)
    mine = UserFactory(email="egen@bruger.test", role=Role.APPLICANT)
    load_demo_data_copied()
    assert User.objects.filter(pk=mine.pk).exists()
    assert User.objects.filter(email=DEMO_USERS[0].email).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transactional_test_starts_from_the_reference_data_and_only_that():
    assert Municipality.objects.count() == 98
    assert Region.objects.count() == 5
    assert Offer.objects.count() == 5
    assert Organisation.objects.filter(kind="board").exists()
    saved = table_rows.save(table_rows.tables())
    UserFactory(email="midlertidig@bruger.test", role=Role.APPLICANT)
    Region.objects.filter(code="1084").update(name="Omdøbt")
    table_rows.put_back(saved)
    assert not User.objects.filter(email="midlertidig@bruger.test").exists()
    assert Region.objects.get(code="1084").name == "Region Hovedstaden"
    assert Municipality.objects.count() == 98
    created = UserFactory(email="ny@bruger.test", role=Role.APPLICANT)  # ids go on after
    assert created.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_flush_between_transactional_tests_empties_every_table():
    """On PostgreSQL the test session's flush deletes instead of truncating (conftest.py);
    either way nothing may be left for the next transactional test."""
    from django.core.management import call_command

    UserFactory(email="efterladt@bruger.test", role=Role.APPLICANT)
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert table_rows.counts(table_rows.tables()) == (0,) * len(table_rows.tables())
