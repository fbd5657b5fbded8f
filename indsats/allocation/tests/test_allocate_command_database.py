"""manage.py allocate from the database (C5): the plan with its reasons, and confirming."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from indsats.applications.models import ApplicationStatus

from .conftest import at

pytestmark = pytest.mark.django_db


def test_a_dry_run_prints_the_plan_with_reasons_and_changes_nothing(
    municipal_application, capacity
):
    """O1.4: capacity 1; Aarhus (4 criteria) granted, Odense (3) number 1 waiting."""
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(2))
    odense = municipal_application("461", at(1), "motivation")
    out = StringIO()
    call_command(
        "allocate", "--offer", "O1", "--period", "2027", "--dry-run", "--format", "json", stdout=out
    )
    plan = {row["ref"]: row for row in json.loads(out.getvalue())["plan"]}
    assert plan[aarhus.reference]["outcome"] == "granted"
    assert (plan[odense.reference]["outcome"], plan[odense.reference]["position"]) == (
        "waiting",
        2,
    )
    assert all(row["reasons"] for row in plan.values())
    odense.refresh_from_db()
    assert odense.status == ApplicationStatus.SUBMITTED


def test_it_confirms_as_a_manager(municipal_application, capacity, manager):
    """C5: the command confirms the plan as a manager would on the page."""
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(2))
    call_command(
        "allocate",
        "--offer",
        "O1",
        "--period",
        "2027",
        "--confirm-as",
        manager.email,
        stdout=StringIO(),
    )
    aarhus.refresh_from_db()
    assert aarhus.status == ApplicationStatus.GRANTED


def test_it_refuses_to_confirm_as_someone_who_is_not_a_manager(
    municipal_application, capacity, case_officer
):
    """C5: only managers take allocation decisions."""
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(2))
    with pytest.raises(CommandError):
        call_command(
            "allocate",
            "--offer",
            "O1",
            "--period",
            "2027",
            "--confirm-as",
            case_officer.email,
            stdout=StringIO(),
        )
    aarhus.refresh_from_db()
    assert aarhus.status == ApplicationStatus.SUBMITTED
