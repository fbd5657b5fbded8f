"""Reminders are sent once, however often the daily command runs (C10)."""

import pytest

from indsats.core.models import SentNotification, send_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_it_sends_a_reminder_only_the_first_time():
    sent = []
    assert send_once("task:1:2027-01-01", lambda: sent.append(1))
    assert not send_once("task:1:2027-01-01", lambda: sent.append(2))
    assert sent == [1]


def test_it_lets_a_failed_send_be_tried_again():
    def failing():
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        send_once("meeting:7", failing)
    assert not SentNotification.objects.filter(key="meeting:7").exists()
    assert send_once("meeting:7", lambda: None)
