"""The public catalogue is cached for anonymous visitors, per language, and forgotten when
an offer changes (C13); signed-in users always get their own page."""

import datetime
import re
import zoneinfo

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import serializers
from django.test import Client
from django.urls import reverse

from indsats.catalogue import views
from indsats.catalogue.cache import CSRF_PLACEHOLDER, seconds_until_midnight
from indsats.catalogue.models import Offer
from indsats.catalogue.tests.test_catalogue import _edit_data

pytestmark = pytest.mark.django_db

LIST = reverse("catalogue:offer_list")
O1 = reverse("catalogue:offer_detail", args=["temaforloeb"])


def _csrf_token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_it_answers_a_second_anonymous_visit_from_the_cache(client, django_assert_num_queries):
    first = client.get(O1)
    assert first.status_code == 200
    with django_assert_num_queries(0):  # no offer, step or condition read again
        second = Client().get(O1)
    assert second.status_code == 200
    assert "Op til 25 timer" in second.text


def test_it_shows_the_new_text_after_an_offer_edit(client, project_leader):
    anonymous = Client()
    assert "Nyt resumé af temaforløbet" not in anonymous.get(O1).text
    assert "Nyt resumé af temaforløbet" not in anonymous.get(LIST).text

    client.force_login(project_leader)
    response = client.post(
        reverse("catalogue:offer_edit", args=["temaforloeb"]),
        _edit_data(Offer.objects.get(code="O1"), summary="Nyt resumé af temaforløbet"),
    )
    assert response.status_code == 302, response.context["form"].errors

    assert "Nyt resumé af temaforløbet" in anonymous.get(O1).text
    assert "Nyt resumé af temaforløbet" in anonymous.get(LIST).text


def test_it_shows_a_changed_condition_a_deleted_step_and_hides_an_unpublished_offer(client):
    client.get(O1)
    offer = Offer.objects.get(code="O1")
    condition = offer.conditions().first()
    condition.text = "En omformuleret betingelse"
    condition.save()
    step = offer.steps.last()
    step.delete()
    page = client.get(O1).text
    assert "En omformuleret betingelse" in page
    assert step.title not in page

    offer.is_published = False
    offer.save()
    assert client.get(O1).status_code == 404


def test_it_forgets_the_old_address_when_an_offer_gets_a_new_one(client):
    client.get(O1)
    offer = Offer.objects.get(code="O1")
    offer.slug = "temaforloeb-2027"
    offer.save()
    assert client.get(O1).status_code == 404
    assert (
        client.get(reverse("catalogue:offer_detail", args=["temaforloeb-2027"])).status_code == 200
    )


def test_it_forgets_the_pages_when_a_fixture_with_an_offer_is_loaded(
    client, django_capture_on_commit_callbacks
):
    """loaddata saves raw, record by record: the pages are forgotten once it commits."""
    assert "Resumé fra en fixtur" not in client.get(O1).text
    offer = Offer.objects.get(code="O1")
    offer.summary = "Resumé fra en fixtur"
    fixture = serializers.serialize("json", [offer])
    with django_capture_on_commit_callbacks(execute=True):
        for loaded in serializers.deserialize("json", fixture):
            loaded.save()  # as loaddata does: a raw save
    assert "Resumé fra en fixtur" in client.get(O1).text


def test_it_keeps_each_language_apart(client):
    assert "Sådan foregår det" in client.get(O1).text
    english = Client()
    english.cookies["django_language"] = "en"
    page = english.get(O1).text
    assert "Sådan foregår det" not in page
    assert 'lang="en"' in page


def test_it_never_gives_a_signed_in_user_the_anonymous_page(client, case_officer):
    anonymous_page = Client().get(O1).text
    assert "Log ind" in anonymous_page

    client.force_login(case_officer)
    own_page = client.get(O1).text
    assert case_officer.full_name in own_page
    assert "Log ud" in own_page
    assert "Log ind" not in own_page


def test_it_never_gives_an_anonymous_visitor_a_signed_in_users_page(client, case_officer):
    client.force_login(case_officer)
    assert case_officer.full_name in client.get(O1).text
    anonymous_page = Client().get(O1).text
    assert case_officer.full_name not in anonymous_page
    assert "Log ind" in anonymous_page


def test_it_gives_every_visitor_their_own_working_csrf_token():
    pages = []
    for _visitor in range(2):  # the second page comes from the cache
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(LIST).text
        assert CSRF_PLACEHOLDER not in page
        token = _csrf_token_in(page)
        switched = visitor.post(
            reverse("set_language"),
            {"language": "en", "next": LIST, "csrfmiddlewaretoken": token},
        )
        assert switched.status_code == 302  # 403 if the token were another visitor's
        pages.append(page)
    assert _csrf_token_in(pages[0]) != _csrf_token_in(pages[1])


def test_it_does_not_cache_a_page_with_a_message_for_one_visitor(rf):
    request = rf.get(LIST)
    SessionMiddleware(lambda request: None).process_request(request)
    request.user = AnonymousUser()
    request._messages = FallbackStorage(request)
    messages.info(request, "En besked kun til denne besøgende")
    assert "En besked kun til denne besøgende" in views.offer_list(request).content.decode()

    assert "En besked kun til denne besøgende" not in Client().get(LIST).text


def test_it_asks_the_view_again_when_there_is_a_query_string(client, django_assert_num_queries):
    client.get(O1)
    with django_assert_num_queries(4):  # offer, steps, conditions, criteria: rendered
        Client().get(O1 + "?kilde=nyhedsbrev")


COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.mark.parametrize(
    ("now", "seconds"),
    [
        (datetime.datetime(2026, 11, 28, 23, 59, 30, tzinfo=COPENHAGEN), 30),
        (datetime.datetime(2026, 11, 28, 0, 0, tzinfo=COPENHAGEN), 24 * 3600),
        # The night summer time starts has 23 hours.
        (datetime.datetime(2027, 3, 28, 0, 0, tzinfo=COPENHAGEN), 23 * 3600),
        (datetime.datetime(2026, 11, 28, 22, 59, 59, tzinfo=datetime.UTC), 1),
    ],
)
def test_it_keeps_a_page_no_longer_than_to_midnight(now, seconds):
    assert seconds_until_midnight(now) == seconds
