"""Who may see and deliver a programme (C6): the predicates in accounts/permissions.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from indsats.accounts import permissions
from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme
from indsats.testing.factories import PlacementSiteFactory, UserFactory

pytestmark = pytest.mark.django_db

STAFF = ["case_officer", "consultant", "project_leader", "manager", "administrator"]


@pytest.fixture
def programme(placement_site):
    return Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0001",
        title="Opkvalificeringsforløb",
        organisation=placement_site,
        current_step="initial_meeting",
    )


@pytest.mark.parametrize("role", STAFF)
def test_it_lets_every_member_of_the_boards_staff_see_a_programme(request, role, programme):
    """C6: the Board's staff work on every programme."""
    assert permissions.can_view_programme(request.getfixturevalue(role), programme)


def test_it_lets_the_sites_own_users_see_their_programme(site_applicant, programme):
    """C3 / C6: the applicant sees its own programme."""
    assert permissions.can_view_programme(site_applicant, programme)


def test_it_lets_every_site_of_a_joint_programme_see_it(programme):
    """O4.4: a joint programme is shared by every site in it."""
    partner = PlacementSiteFactory(name="Opholdsstedet Lærkereden")
    leader = UserFactory(role="applicant", organisation=partner)
    assert not permissions.can_view_programme(leader, programme)
    programme.participants.add(partner)
    assert permissions.can_view_programme(leader, programme)


def test_it_hides_a_programme_from_other_organisations(other_applicant, applicant, programme):
    """C6: applicants see only their own organisation's programmes."""
    assert not permissions.can_view_programme(other_applicant, programme)
    assert not permissions.can_view_programme(applicant, programme)  # Aarhus Kommune


def test_it_hides_a_programme_from_anonymous_and_deactivated_users(site_applicant, programme):
    """C6: only signed-in, active users."""
    assert not permissions.can_view_programme(AnonymousUser(), programme)
    site_applicant.is_active = False
    assert not permissions.can_view_programme(site_applicant, programme)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("consultant", True),
        ("case_officer", True),
        ("project_leader", True),
        ("manager", True),
        ("administrator", False),
        ("site_applicant", False),
        ("other_applicant", False),
    ],
)
def test_it_lets_only_delivering_staff_record_delivery(request, role, allowed, programme):
    """C6: consultants, case officers, project leaders and managers record the delivery;
    administrators run the system, and applicants do not write the Board's records."""
    assert permissions.can_deliver(request.getfixturevalue(role), programme) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("manager", True),
        ("consultant", False),
        ("case_officer", False),
        ("project_leader", False),
        ("administrator", False),
        ("site_applicant", False),
    ],
)
def test_it_lets_only_a_manager_raise_the_hour_cap(request, role, allowed):
    """O1.1 / C6: past 25 hours only when a manager raises the cap."""
    assert permissions.can_raise_hour_cap(request.getfixturevalue(role)) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("case_officer", True),
        ("project_leader", True),
        ("manager", True),
        ("consultant", False),
        ("administrator", False),
        ("site_applicant", False),
    ],
)
def test_it_lets_case_handlers_assign_consultants(request, role, allowed):
    """C6: consultants are assigned by those who handle the case."""
    assert permissions.can_assign_consultants(request.getfixturevalue(role)) is allowed
