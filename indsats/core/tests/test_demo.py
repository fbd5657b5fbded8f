"""`manage.py demo`: fictitious data, a login per role, safe to run twice."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from indsats.accounts.models import Role, User
from indsats.core.demo import DEMO_PASSWORD, DEMO_USERS
from indsats.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_it_creates_one_login_per_role_and_prints_them(capsys):
    call_command("demo")
    printed = capsys.readouterr().out
    assert {user.role for user in User.objects.all()} == set(Role.values)
    for demo in DEMO_USERS:
        assert demo.email in printed
        assert User.objects.get(email=demo.email).check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in printed


def test_it_changes_nothing_when_run_twice():
    call_command("demo")
    counts = (User.objects.count(), Organisation.objects.count())
    call_command("demo")
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_it_leaves_a_database_with_users_alone_when_asked_to(case_officer, capsys):
    call_command("demo", "--if-empty")
    assert not User.objects.filter(email__in=[d.email for d in DEMO_USERS]).exists()
    assert "allerede brugere" in capsys.readouterr().out


@override_settings(PRODUCTION=True)
def test_it_refuses_to_run_in_production():
    with pytest.raises(CommandError, match="produktion"):
        call_command("demo")


def test_it_leaves_work_in_every_list():
    from indsats.allocation.models import OfferCapacity
    from indsats.allocation.periods import parse_period
    from indsats.allocation.services import plan_for_period
    from indsats.applications.models import Application, ApplicationStatus
    from indsats.programmes.models import Programme

    call_command("demo")
    statuses = sorted(Application.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [
            *[ApplicationStatus.SUBMITTED] * 4,  # Aarhus, and three assessed for allocation
            ApplicationStatus.GRANTED,
            ApplicationStatus.GRANTED,
            ApplicationStatus.DRAFT,
        ]
    )
    # A manager finds a plan to confirm: granted, waiting and refused (C5).
    capacity = OfferCapacity.objects.get(offer__code="O1")
    plan = plan_for_period("O1", parse_period(capacity.period))
    assert plan.granted()
    assert plan.waiting()
    assert plan.refused()
    programme = Programme.objects.get()
    assert set(programme.participants.values_list("name", flat=True)) == {
        "Opholdsstedet Lærkereden",
        "Opholdsstedet Skovbrynet",
    }
    assert programme.current_step == "initial_meeting"
