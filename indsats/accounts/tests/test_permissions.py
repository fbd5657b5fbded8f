"""Each permission predicate alone, for every named role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from indsats.accounts import permissions

pytestmark = pytest.mark.django_db

STAFF = ["case_officer", "consultant", "project_leader", "manager", "administrator"]
APPLICANTS = ["applicant", "site_applicant", "other_applicant"]


@pytest.fixture
def user_named(request):
    return lambda name: request.getfixturevalue(name)


@pytest.mark.parametrize("name", STAFF)
def test_it_counts_every_board_role_as_staff(user_named, name):
    user = user_named(name)
    assert permissions.is_board_staff(user)
    assert not permissions.is_applicant(user)
    assert permissions.can_view_organisation_register(user)


@pytest.mark.parametrize("name", APPLICANTS)
def test_it_counts_applicants_as_applicants_only(user_named, name):
    user = user_named(name)
    assert permissions.is_applicant(user)
    assert not permissions.is_board_staff(user)
    assert not permissions.can_view_organisation_register(user)
    assert not permissions.can_view_audit_trail(user)
    assert not permissions.can_use_admin_site(user)


def test_it_gives_nothing_to_anonymous_users():
    anonymous = AnonymousUser()
    assert not permissions.is_signed_in(anonymous)
    assert not permissions.is_board_staff(anonymous)
    assert not permissions.is_applicant(anonymous)
    assert not permissions.can_view_audit_trail(anonymous)


def test_it_gives_nothing_to_a_deactivated_user(case_officer):
    case_officer.is_active = False
    assert not permissions.is_board_staff(case_officer)


def test_it_shows_an_applicant_only_their_own_organisation(
    applicant, other_applicant, aarhus, placement_site
):
    assert permissions.can_view_organisation(applicant, aarhus)
    assert not permissions.can_view_organisation(other_applicant, aarhus)
    assert not permissions.can_view_organisation(applicant, placement_site)


def test_it_lets_staff_see_any_organisation(consultant, aarhus, placement_site):
    assert permissions.can_view_organisation(consultant, aarhus)
    assert permissions.can_view_organisation(consultant, placement_site)


def test_it_lets_only_staff_and_the_site_itself_edit_a_site(
    case_officer, site_applicant, applicant, placement_site, aarhus
):
    assert permissions.can_edit_organisation(case_officer, placement_site)
    assert permissions.can_edit_organisation(site_applicant, placement_site)
    assert not permissions.can_edit_organisation(applicant, placement_site)
    assert not permissions.can_edit_organisation(case_officer, aarhus)


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("case_officer", False),
        ("consultant", False),
        ("project_leader", False),
        ("manager", True),
        ("administrator", True),
    ],
)
def test_it_opens_the_audit_trail_to_managers_and_administrators(user_named, name, allowed):
    assert permissions.can_view_audit_trail(user_named(name)) is allowed


@pytest.mark.parametrize(("name", "allowed"), [("manager", False), ("administrator", True)])
def test_it_opens_the_admin_site_to_administrators_only(user_named, name, allowed):
    assert permissions.can_use_admin_site(user_named(name)) is allowed
