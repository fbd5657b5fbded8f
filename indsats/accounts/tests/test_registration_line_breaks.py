"""A line break in a registrant's name is refused at the field before anything is saved,
and the user, the access request and their e-mails are saved together or not at all, so
the registrant can always try again (C12, #12)."""

import pytest
from django.core import mail
from django.urls import reverse

from indsats.accounts.models import AccessRequest, User
from indsats.accounts.tests.test_registration import municipality_registration
from indsats.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "Anne\r\nBcc: alle@example.test"),
        ("full_name", "Anne\nAndersen"),
        ("job_title", "Leder\rBcc: x@example.test"),
    ],
)
def test_it_refuses_a_line_break_in_a_one_line_field_and_saves_nothing(
    client, aarhus, field, value
):
    response = client.post(
        reverse("accounts:register"), municipality_registration(**{field: value})
    )
    assert response.status_code == 200
    assert "Skriv teksten på én linje" in response.text
    assert not User.objects.filter(organisation=aarhus).exists()
    assert not AccessRequest.objects.exists()
    assert not mail.outbox
    # Corrected, the same address registers at once: nothing was left behind.
    response = client.post(reverse("accounts:register"), municipality_registration())
    assert response.status_code == 302
    assert AccessRequest.objects.count() == 1


def test_it_keeps_nothing_when_the_e_mails_cannot_be_queued(client, aarhus, monkeypatch):
    """The record and its outgoing messages are one transaction: a failure while queueing
    the receipt leaves no inactive user that would lock the registrant out."""
    from indsats.core import outbox

    def broken_store(*args, **kwargs):
        raise RuntimeError("the outbox is unavailable")

    monkeypatch.setattr(outbox, "store", broken_store)
    client.raise_request_exception = False
    response = client.post(reverse("accounts:register"), municipality_registration())
    assert response.status_code == 500
    assert not User.objects.filter(organisation=aarhus).exists()
    assert not OutgoingEmail.objects.exists()
    monkeypatch.undo()
    response = client.post(reverse("accounts:register"), municipality_registration())
    assert response.status_code == 302
    assert AccessRequest.objects.count() == 1
