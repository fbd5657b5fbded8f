"""An SMTP outage loses no decision e-mail, and sends none twice (C10, C13).

Everything is real: an aiosmtpd server on 127.0.0.1, a database of the test's own, the
decision made through the back office's view in a Django process, and ``manage.py
worker`` processes that send from the outbox.
"""

import time

import pytest

from .worker_process import (
    SmtpServer,
    environment,
    manage,
    run_python,
    running_worker,
    separate_database,
    wait_for,
)

# An application from Aarhus Kommune, submitted, and decided by a case officer through
# the back office, as in production: the request renders the e-mail and leaves it queued.
DECIDE_AN_APPLICATION = """
from django.test import Client
from django.urls import reverse
from indsats.accounts.models import Role
from indsats.applications.models import Application
from indsats.applications.services import submit
from indsats.catalogue.models import Offer
from indsats.testing import answers
from indsats.testing.factories import UserFactory, assess_completely, municipality_organisation

aarhus = municipality_organisation("751")
applicant = UserFactory(
    email="ansoeger.aarhus@indsats.test", role=Role.APPLICANT, organisation=aarhus
)
officer = UserFactory(email="sagsbehandler@styrelsen.test", role=Role.CASE_OFFICER)
application = Application.objects.create(
    offer=Offer.objects.get(code="O1"), organisation=aarhus, created_by=applicant,
    answers=answers.o1(),
)
assert submit(application, applicant).submitted
assess_completely(application, officer)
from django.conf import settings
from indsats.testing.world import signed_in_session
client = Client()  # signed in with a confirmed second factor, as staff are (C12)
client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_session(officer)
response = client.post(
    reverse("applications:decide", args=[application.pk]),
    {"outcome": "grant", "applicant_text": "Motivationen er tydelig.", "action": "send"},
    HTTP_HOST="localhost",
)
result = {"status": response.status_code, "reference": application.reference}
"""

OUTBOX = """
from indsats.core.models import OutgoingEmail
result = list(OutgoingEmail.objects.order_by("pk").values(
    "subject", "recipients", "status", "attempts", "last_error", "sent_at"))
result = [{**row, "sent_at": bool(row["sent_at"])} for row in result]
"""

OUTBOX_AND_SCHEDULED = (
    OUTBOX
    + """
from indsats.core.models import ScheduledRun
result = [result, sorted(ScheduledRun.objects.values_list("job", flat=True))]
"""
)


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.stop()


def test_it_sends_the_decision_letter_once_after_the_mail_server_comes_back(tmp_path, smtp_server):
    smtp_server.start()
    smtp_server.stop()  # the relay goes down
    with separate_database(tmp_path) as database_url:
        env = environment(
            database_url,
            tmp_path,
            EMAIL_BACKEND="smtp",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_server.port),
            EMAIL_TIMEOUT="5",
            EMAIL_RETRY_DELAY="2",
        )
        manage(env, "migrate", "--no-input", "-v0")

        decided = run_python(env, DECIDE_AN_APPLICATION)
        assert decided["status"] == 302  # the user's action does not wait for the relay
        letter_subject = f"Afgørelse på ansøgning {decided['reference']}"

        # A worker tries while the relay is down: each message is kept, to be tried again.
        manage(env, "worker", "--batch", "--no-startup-delay")
        outbox = run_python(env, OUTBOX)
        assert letter_subject in [row["subject"] for row in outbox]
        assert all(row["status"] == "waiting" for row in outbox), outbox
        # (A retry may come round in the same run, while the relay is still down.)
        assert all(row["attempts"] >= 1 for row in outbox), outbox
        assert all("Connection refused" in row["last_error"] for row in outbox), outbox
        assert smtp_server.subjects() == []

        smtp_server.start()  # the relay is back
        log = tmp_path / "worker.log"
        with running_worker(env, log):
            # Watched at the relay, which answers at once; the outbox is read once after.
            def all_arrived():
                return len(smtp_server.received) >= len(outbox)

            wait_for(all_arrived, timeout=60, what="the outbox to be sent", log_path=log)
            time.sleep(2)  # the worker goes on polling: nothing may be sent a second time
        manage(env, "worker", "--batch", "--no-startup-delay")

        outbox, scheduled = run_python(env, OUTBOX_AND_SCHEDULED)
        assert [row["status"] for row in outbox] == ["sent"] * len(outbox)
        assert all(row["attempts"] >= 2 for row in outbox), outbox  # failed, then sent
        assert smtp_server.subjects().count(letter_subject) == 1
        assert sorted(smtp_server.subjects()) == sorted(row["subject"] for row in outbox)
        letter = next(m for m in smtp_server.received if m["subject"] == letter_subject)
        assert letter["to"] == "ansoeger.aarhus@indsats.test"
        assert "Motivationen er tydelig." in letter.get_content()
        assert "/ansoegninger/" in letter.get_content()  # the link to the letter in the portal
        # The worker scheduled its own jobs: the outbox sweep is due at any time of day.
        assert "outbox-sweep" in scheduled
