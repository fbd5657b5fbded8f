"""Small placement sites applying together become one group (O4.4)."""

import pytest

from indsats.accounts.models import Role
from indsats.applications.models import ApplicationGroup, ApplicationStatus
from indsats.applications.partners import accept_partners, partner_requests
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


def test_it_adds_a_third_site_once_every_member_has_accepted_it(small_site, make_application):
    """O4.4: a third site joins the group when it and each member have named each other."""
    (a, a_user), (b, b_user), (c, c_user) = (small_site(n) for n in ("A", "B", "C"))
    first = make_application(
        "O4", a, a_user, submitted=True, employee_count="12", partners=[str(b.pk)]
    )
    second = make_application(
        "O4", b, b_user, submitted=True, employee_count="12", partners=[str(a.pk)]
    )
    first.refresh_from_db()
    group = first.group
    third = make_application(
        "O4", c, c_user, submitted=True, employee_count="12", partners=[str(a.pk), str(b.pk)]
    )
    third.refresh_from_db()
    assert third.group is None  # A and B have not accepted C yet
    assert partner_requests(first) == [c]
    assert not accept_partners(third, [])  # nothing new from C's side
    accept_partners(first, [c])
    third.refresh_from_db()
    assert third.group is None  # B has not accepted C yet
    assert accept_partners(second, [c])
    third.refresh_from_db()
    first.refresh_from_db()
    assert third.group == first.group
    assert first.group.pk == group.pk  # the pair's group grew; no new group
    assert third.group.applications.count() == 3
    assert partner_requests(first) == []


def test_it_forms_no_group_when_only_one_site_names_the_other(small_site, make_application):
    """O4.4: one-sided naming is no consent."""
    (a, a_user), (b, b_user) = small_site("A"), small_site("B")
    first = make_application(
        "O4", a, a_user, submitted=True, employee_count="12", partners=[str(b.pk)]
    )
    second = make_application(
        "O4", b, b_user, submitted=True, employee_count="12", asks_board_to_find_partners="on"
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.group is None
    assert second.group is None
    assert partner_requests(second) == [a]
    assert partner_requests(first) == []


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
