"""The audit trail in pages of 50 with the shared DKFDS pagination (C13)."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from indsats.organisations.models import Organisation
from indsats.testing.factories import UserFactory
from indsats.testing.pages import next_page_links, queries_for, query_of

pytestmark = pytest.mark.django_db


def _changes(site, actor, n):
    kind = ContentType.objects.get_for_model(Organisation)
    LogEntry.objects.bulk_create(
        LogEntry(
            content_type=kind,
            object_pk=str(site.pk),
            object_id=site.pk,
            object_repr=site.name,
            action=LogEntry.Action.UPDATE,
            changes={"employee_count": [str(number), str(number + 1)]},
            actor=actor,
        )
        for number in range(n)
    )


def test_it_shows_fifty_changes_a_page_and_the_last_page_past_the_end(
    client, manager, placement_site
):
    _changes(placement_site, manager, 120)
    client.force_login(manager)
    first = client.get(reverse("audit:trail"))
    assert len(first.context["described"]) == 50
    assert query_of(next_page_links(first.content.decode())[0]) == {"side": ["2"]}
    past_the_end = client.get(reverse("audit:trail"), {"side": 50})
    assert past_the_end.status_code == 200
    assert past_the_end.context["page"].number == past_the_end.context["page"].paginator.num_pages


def test_its_queries_do_not_grow_with_the_rows(client, manager, placement_site):
    client.force_login(manager)
    _changes(placement_site, manager, 10)
    with_ten = queries_for(client, reverse("audit:trail"))
    _changes(placement_site, UserFactory(), 50)
    assert queries_for(client, reverse("audit:trail")) == with_ten
