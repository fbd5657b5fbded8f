"""Twenty applicants submitting at the same moment all succeed on the embedded SQLite
default (C13): WAL, immediate transactions and a busy timeout make writers wait for each
other instead of failing with "database is locked"; and on PostgreSQL, in the suite's
PostgreSQL run. The server is the real one (scripts/serve.sh, gunicorn: two processes of
ten threads), started once for the run (``production_server``, core/tests/conftest.py)."""

import os
import threading
import time

import pytest

from indsats.testing.server import suite_runs_on_postgresql

from .worker_process import run_python

pytestmark = pytest.mark.xdist_group("production_server")

APPLICANTS = 20

# Run inside the server's database: twenty municipalities, each with a signed-in applicant
# and a complete draft of a theme programme (O1). Prints their sessions and drafts.
_PREPARE = """
from django.test import Client
from indsats.accounts.models import Role, User
from indsats.applications.models import Application
from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation, OrganisationKind
from indsats.testing import answers

offer = Offer.objects.get(code="O1")
organisations = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
drafts = []
for number, organisation in enumerate(organisations.order_by("pk")[:%(count)d]):
    user = User.objects.create(
        email=f"ansoeger{number}@samtidig.test", full_name=f"Ansøger {number}",
        role=Role.APPLICANT, organisation=organisation,
    )
    application = Application.objects.create(
        offer=offer, organisation=organisation, created_by=user, answers=answers.o1()
    )
    client = Client()
    client.force_login(user)
    drafts.append({"pk": application.pk, "session": client.cookies["sessionid"].value})
result = drafts
"""

_REFERENCES = """
from indsats.applications.models import Application
submitted = Application.objects.exclude(reference="")
result = list(submitted.values_list("reference", "status"))
"""


def _in_server_database(server, script: str):
    """``script`` run by a fresh Django process with the server's own settings."""
    return run_python(
        {
            **server.environ,
            "INDSATS_MODE": "production",
            "DJANGO_SETTINGS_MODULE": "indsats.settings",
        },
        script,
    )


def _submit_all_at_once(server) -> None:
    drafts = _in_server_database(server, _PREPARE % {"count": APPLICANTS})
    assert len(drafts) == APPLICANTS
    start = threading.Barrier(APPLICANTS)
    answers = {}

    def submit(draft):
        secret = os.urandom(16).hex()  # a CSRF secret of our own, as a browser keeps one
        start.wait()
        answers[draft["pk"]] = server.request(
            "POST",
            f"/ansoegninger/{draft['pk']}/opsummering/",
            headers={
                "Cookie": f"sessionid={draft['session']}; csrftoken={secret}",
                "X-CSRFToken": secret,
                "Referer": f"https://127.0.0.1/ansoegninger/{draft['pk']}/opsummering/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            body=b"",
        )

    threads = [threading.Thread(target=submit, args=(draft,)) for draft in drafts]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert time.monotonic() - began < 120

    statuses = {pk: answer[0] for pk, answer in answers.items()}
    assert statuses == {draft["pk"]: 302 for draft in drafts}, server.log()[-3000:]
    for draft in drafts:
        location = answers[draft["pk"]][1]["Location"]
        assert location == f"/ansoegninger/{draft['pk']}/kvittering/"
    references = _in_server_database(server, _REFERENCES)
    assert len({reference for reference, _status in references}) == APPLICANTS
    assert {status for _reference, status in references} == {"submitted"}


def test_it_takes_twenty_submissions_at_once(production_server):
    """On SQLite in the suite's SQLite run, on PostgreSQL in its PostgreSQL run."""
    expected = "postgres" if suite_runs_on_postgresql() else "sqlite"
    assert production_server.database_url.startswith(expected)
    _submit_all_at_once(production_server)
