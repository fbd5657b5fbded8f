"""Users belong to one organisation and carry a role that fits it."""

import pytest
from django.core.exceptions import ValidationError

from indsats.accounts.models import Role, User
from indsats.testing.factories import board, municipality_organisation

pytestmark = pytest.mark.django_db


def test_it_refuses_a_board_role_in_a_municipality():
    with pytest.raises(ValidationError) as error:
        User.objects.create_user(
            "x@indsats.test",
            "some-Password-1",
            full_name="X",
            role=Role.MANAGER,
            organisation=municipality_organisation("101"),
        )
    assert "role" in error.value.message_dict


def test_it_refuses_the_applicant_role_at_the_board():
    with pytest.raises(ValidationError) as error:
        User.objects.create_user(
            "y@indsats.test",
            "some-Password-1",
            full_name="Y",
            role=Role.APPLICANT,
            organisation=board(),
        )
    assert "role" in error.value.message_dict


def test_it_stores_e_mail_addresses_in_lower_case_so_logins_match():
    user = User.objects.create_user(
        "Anne.Holm@Indsats.TEST",
        "some-Password-1",
        full_name="Anne Holm",
        role=Role.CASE_OFFICER,
        organisation=board(),
    )
    assert user.email == "anne.holm@indsats.test"


def test_it_makes_a_superuser_an_administrator_at_the_board():
    user = User.objects.create_superuser("root@indsats.test", "some-Password-1", full_name="Root")
    assert user.role == Role.ADMINISTRATOR
    assert user.organisation.is_board
    assert user.is_staff
    assert user.is_superuser
