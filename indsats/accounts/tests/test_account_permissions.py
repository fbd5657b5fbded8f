"""The predicates for access requests and invitations, for every named role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from indsats.accounts import permissions

pytestmark = pytest.mark.django_db


@pytest.fixture
def user_named(request):
    return lambda name: request.getfixturevalue(name)


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("case_officer", True),
        ("consultant", False),
        ("project_leader", True),
        ("manager", True),
        ("administrator", True),
        ("applicant", False),
        ("site_applicant", False),
        ("other_applicant", False),
    ],
)
def test_it_lets_only_case_handling_staff_decide_access_requests(user_named, name, allowed):
    assert permissions.can_decide_access_requests(user_named(name)) is allowed


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("case_officer", False),
        ("consultant", False),
        ("project_leader", False),
        ("manager", False),
        ("administrator", False),
        ("applicant", True),
        ("site_applicant", True),
        ("other_applicant", True),
    ],
)
def test_it_lets_only_applicants_invite_colleagues(user_named, name, allowed):
    assert permissions.can_invite_colleagues(user_named(name)) is allowed


def test_it_gives_anonymous_users_neither_right():
    anonymous = AnonymousUser()
    assert not permissions.can_decide_access_requests(anonymous)
    assert not permissions.can_invite_colleagues(anonymous)


@pytest.mark.parametrize("name", ["case_officer", "applicant"])
def test_it_gives_an_inactive_user_neither_right(user_named, name):
    user = user_named(name)
    user.is_active = False
    assert not permissions.can_decide_access_requests(user)
    assert not permissions.can_invite_colleagues(user)
