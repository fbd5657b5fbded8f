"""The bench data generator (C13): the same rows at any scale, bulk, nothing left half-made.

Only the generator's data are tested here; the benchmarks' timings are never tests.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

from indsats.applications.models import Application, Enquiry  # noqa: E402
from indsats.programmes.models import Programme, Task  # noqa: E402

pytestmark = pytest.mark.django_db


def _rows():
    return list(
        Application.objects.order_by("pk").values_list(
            "reference", "status", "organisation_id", "offer__code", "case_officer_id"
        )
    )


def test_it_grows_the_same_first_rows_to_a_larger_scale():
    generate._people()
    generate._applications(40)
    first = _rows()
    assert len(first) == 40
    assert generate._applications(40) == 0  # already there: nothing added
    assert generate._applications(100) == 60
    assert _rows()[:40] == first
    statuses = {status for _ref, status, *_rest in _rows()}
    assert {"draft", "submitted", "granted"} <= statuses
    drafts = Application.objects.filter(status="draft")
    assert not drafts.exclude(reference=None).exists()
    assert not Application.objects.exclude(status="draft").filter(reference=None).exists()


def test_it_makes_a_tenth_as_many_enquiries_and_programmes_with_three_tasks_each():
    generate._people()
    generate._applications(200)
    generate._enquiries_and_programmes(200)
    generate._enquiries_and_programmes(200)  # twice: still one set
    assert Enquiry.objects.count() == 20
    assert Programme.objects.count() == 20
    assert Task.objects.count() == 60
    assert all(p.consultants.count() == 2 for p in Programme.objects.all())


def test_it_gives_o4_to_placement_sites_and_the_rest_to_municipalities():
    generate._people()
    generate._applications(150)
    kinds = set(Application.objects.values_list("offer__code", "organisation__kind").distinct())
    assert {kind for code, kind in kinds if code == "O4"} == {"placement_site"}
    assert {kind for code, kind in kinds if code != "O4"} == {"municipality"}
