"""A double click makes one thing (C12, #12): submitting the same draft twice gives one
reference number and one receipt, the second request seeing the first's result; sending
the same enquiry form twice makes one enquiry. On PostgreSQL two requests at the same
moment, each with its own connection, are the real test."""

import os
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from indsats.applications.models import Application, ApplicationStatus, Enquiry
from indsats.core.models import OutgoingEmail

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")


def _receipts(application) -> int:
    return OutgoingEmail.objects.filter(
        template="applications/email/receipt", subject__contains=application.reference
    ).count()


@pytest.mark.django_db
def test_it_submits_a_draft_once_when_the_form_is_sent_twice(client, applicant, make_application):
    draft = make_application("O1", applicant.organisation, applicant)
    client.force_login(applicant)
    url = reverse("applications:review", args=[draft.pk])
    first = client.post(url)
    second = client.post(url)
    receipt = reverse("applications:receipt", args=[draft.pk])
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == receipt
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert Application.objects.exclude(reference=None).count() == 1
    assert _receipts(draft) == 1


@pytest.mark.django_db
def test_it_makes_one_enquiry_when_the_form_is_sent_twice(client, applicant):
    client.force_login(applicant)
    url = reverse("applications:enquiry_create", args=["temaforloeb"])
    page = client.get(url)
    token = page.context["form"]["submission_token"].value()
    assert token
    data = {
        "subject": "Temadage",
        "message": "Vi vil gerne høre mere.",
        "contact_name": "Anne Andersen",
        "contact_email": "anne@aarhus.test",
        "submission_token": str(token),
    }
    first = client.post(url, data)
    second = client.post(url, data)
    enquiry = Enquiry.objects.get()
    shown = reverse("applications:enquiry_detail", args=[enquiry.pk])
    assert first["Location"] == second["Location"] == shown
    assert OutgoingEmail.objects.filter(template="applications/email/enquiry_receipt").count() == 1
    # A new form (a new token) is a new enquiry.
    client.post(url, {**data, "submission_token": str(uuid.uuid4())})
    assert Enquiry.objects.count() == 2


def _at_once(requests):
    """Run each callable in its own thread (so with its own database connection), all
    released together by a barrier; returns their results in order."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)
    errors = []

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # noqa: BLE001 - reported below with the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


@pytest.mark.skipif(not ON_POSTGRESQL, reason="row locks and parallel connections: PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_gives_one_reference_and_one_receipt_for_two_simultaneous_submits_on_postgresql(
    applicant, make_application
):
    for _round in range(3):
        draft = make_application("O1", applicant.organisation, applicant)
        url = reverse("applications:review", args=[draft.pk])

        def submit(url=url):
            client = Client()
            client.force_login(applicant)
            response = client.post(url)
            return response.status_code, response["Location"]

        results = _at_once([submit, submit])
        receipt = reverse("applications:receipt", args=[draft.pk])
        assert results == [(302, receipt), (302, receipt)]
        draft.refresh_from_db()
        assert draft.status == ApplicationStatus.SUBMITTED
        assert _receipts(draft) == 1
    references = list(Application.objects.exclude(reference=None).values_list("reference"))
    assert len(references) == len(set(references)) == 3


@pytest.mark.skipif(not ON_POSTGRESQL, reason="parallel connections: PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_makes_one_enquiry_for_two_simultaneous_sends_on_postgresql(applicant):
    url = reverse("applications:enquiry_create", args=["temaforloeb"])
    data = {
        "subject": "Temadage",
        "message": "Vi vil gerne høre mere.",
        "contact_name": "Anne Andersen",
        "contact_email": "anne@aarhus.test",
        "submission_token": str(uuid.uuid4()),
    }

    def send():
        client = Client()
        client.force_login(applicant)
        response = client.post(url, data)
        return response.status_code, response["Location"]

    first, second = _at_once([send, send])
    assert first == second
    assert first[0] == 302
    assert Enquiry.objects.count() == 1
    assert OutgoingEmail.objects.filter(template="applications/email/enquiry_receipt").count() == 1
