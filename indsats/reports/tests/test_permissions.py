"""can_view_reports (C8): case officers, project leaders and managers; nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from indsats.accounts.permissions import can_view_reports


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("case_officer", True),
        ("project_leader", True),
        ("manager", True),
        ("consultant", False),
        ("administrator", False),
        ("applicant", False),
        ("site_applicant", False),
    ],
)
def test_it_lets_only_those_who_report_see_reports(request, user, allowed):
    assert can_view_reports(request.getfixturevalue(user)) is allowed


def test_it_refuses_an_anonymous_visitor():
    assert can_view_reports(AnonymousUser()) is False


@pytest.mark.django_db
def test_it_refuses_a_deactivated_manager(manager):
    manager.is_active = False
    assert can_view_reports(manager) is False
