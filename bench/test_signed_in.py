"""The benchmarks measure pages as a signed-in person sees them (C12, C13).

The bench makes its sessions itself (signing in fifty times would only time the password
hasher). When staff sign-in gained a second factor, the bench's sessions kept only the
password step: every staff page answered with the code page, and the load test counted
1,466 server errors because the session named a backend that cannot load a user. These
tests run the bench's own session code against the service with two-factor on; they
check answers, never timings.
"""

import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import load  # noqa: E402
import pages  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_two_factor")]


@pytest.fixture
def bench_rows():
    generate._people()
    generate._applications(60)
    generate._enquiries_and_programmes(60)


def _get(session_key: str, url: str):
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client.get(url)


def test_the_load_tests_people_open_their_own_pages(bench_rows):
    data = load.prepare(users=3)
    assert data["applicants"]
    assert data["staff"]
    urls = data["urls"]
    for applicant in data["applicants"]:
        assert _get(applicant["session"], urls["portal"]).status_code == 200
        draft = urls["draft"].format(applicant["draft"])
        assert _get(applicant["session"], draft).status_code == 200
    for person in data["staff"]:
        for name in ("inbox", "programmes", "tasks", "screening"):
            response = _get(person["session"], urls[name])
            assert response.status_code == 200, (name, response.status_code, response.url)


def test_an_applicants_bench_session_opens_no_inbox(bench_rows):
    """The sessions are a person's, not a key to everything: an applicant's gets no inbox."""
    applicant = load.prepare(users=1)["applicants"][0]
    assert _get(applicant["session"], reverse("applications:inbox")).status_code == 403


def test_the_pages_benchmark_fetches_every_page_it_measures(bench_rows):
    measured = pages.measure(60, repeat=1)  # it stops on any answer but 200
    assert [row.page for row in measured] == [
        "inbox",
        "screening list",
        "municipality page",
        "busiest portal",
    ]
    assert all(row.queries > 0 and row.bytes > 1000 for row in measured)
