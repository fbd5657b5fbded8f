"""Who may use the screening (C7; O5): each predicate alone, for every named role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from indsats.accounts import permissions

pytestmark = pytest.mark.django_db

STAFF = ["case_officer", "consultant", "project_leader", "manager", "administrator"]
APPLICANTS = ["applicant", "site_applicant"]
DECIDERS = {"manager", "administrator"}
IMPORTERS = {"case_officer", "project_leader", "manager", "administrator"}


@pytest.fixture
def user_named(request):
    return lambda name: request.getfixturevalue(name)


@pytest.mark.parametrize("name", STAFF)
def test_it_lets_every_staff_member_see_run_and_record_in_the_screening(user_named, name):
    user = user_named(name)
    assert permissions.can_view_screening(user)
    assert permissions.can_run_screening(user)
    assert permissions.can_record_screening_information(user)


@pytest.mark.parametrize("name", STAFF)
def test_it_leaves_outreach_decisions_and_settings_to_managers(user_named, name):
    user = user_named(name)
    assert permissions.can_decide_outreach(user) is (name in DECIDERS)
    assert permissions.can_edit_screening_settings(user) is (name in DECIDERS)


@pytest.mark.parametrize("name", STAFF)
def test_it_keeps_consultants_from_importing_data(user_named, name):
    assert permissions.can_import_screening_data(user_named(name)) is (name in IMPORTERS)


@pytest.mark.parametrize("name", APPLICANTS)
def test_it_keeps_applicants_out_of_the_screening(user_named, name):
    user = user_named(name)
    for predicate in (
        permissions.can_view_screening,
        permissions.can_run_screening,
        permissions.can_record_screening_information,
        permissions.can_import_screening_data,
        permissions.can_decide_outreach,
        permissions.can_edit_screening_settings,
    ):
        assert not predicate(user), predicate.__name__


def test_it_gives_anonymous_and_deactivated_users_nothing(manager):
    assert not permissions.can_view_screening(AnonymousUser())
    manager.is_active = False
    assert not permissions.can_decide_outreach(manager)
