"""Small placement sites applying together become one group (O4.4)."""

import pytest

from indsats.accounts.models import Role
from indsats.applications.models import ApplicationGroup, ApplicationStatus
from indsats.applications.services import withdraw
from indsats.testing.factories import PlacementSiteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_site():
    def make(name):
        site = PlacementSiteFactory(name=name, employee_count=12)
        user = UserFactory(role=Role.APPLICANT, organisation=site)
        return site, user

    return make


def test_it_links_two_small_sites_into_one_group(small_site, make_application):
    (a, a_user), (b, b_user) = small_site("Sted A"), small_site("Sted B")
    first = make_application(
        "O4", a, a_user, submitted=True, employee_count="12", partners=[str(b.pk)]
    )
    first.refresh_from_db()
    assert first.group is None  # waits for its partner
    second = make_application(
        "O4", b, b_user, submitted=True, employee_count="12", partners=[str(a.pk)]
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.group is not None
    assert first.group == second.group
    assert ApplicationGroup.objects.count() == 1


def test_it_adds_a_third_site_to_the_existing_group(small_site, make_application):
    (a, a_user), (b, b_user), (c, c_user) = (small_site(n) for n in ("A", "B", "C"))
    first = make_application(
        "O4", a, a_user, submitted=True, employee_count="12", partners=[str(b.pk)]
    )
    make_application("O4", b, b_user, submitted=True, employee_count="12", partners=[str(a.pk)])
    first.refresh_from_db()
    group = first.group
    third = make_application(
        "O4", c, c_user, submitted=True, employee_count="12", partners=[str(a.pk)]
    )
    third.refresh_from_db()
    assert third.group == group
    assert group.applications.count() == 3


def test_it_dissolves_a_pair_when_one_withdraws(small_site, make_application):
    (a, a_user), (b, b_user) = small_site("A"), small_site("B")
    first = make_application(
        "O4", a, a_user, submitted=True, employee_count="12", partners=[str(b.pk)]
    )
    second = make_application(
        "O4", b, b_user, submitted=True, employee_count="12", partners=[str(a.pk)]
    )
    withdraw(second)
    first.refresh_from_db()
    assert first.group is None
    assert ApplicationGroup.objects.count() == 0


def test_it_marks_a_small_site_that_asked_for_help(small_site, make_application):
    site, user = small_site("Alene")
    application = make_application(
        "O4", site, user, submitted=True, employee_count="12", asks_board_to_find_partners="on"
    )
    assert application.asks_board_to_find_partners
    assert application.status == ApplicationStatus.SUBMITTED


def test_it_does_not_mark_a_large_site_that_ticked_the_box(small_site, make_application):
    site, user = small_site("Stor")
    application = make_application(
        "O4", site, user, submitted=True, employee_count="60", asks_board_to_find_partners="on"
    )
    assert not application.asks_board_to_find_partners
