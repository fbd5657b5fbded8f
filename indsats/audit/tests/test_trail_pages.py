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


# Filters, kept in the address like the read log's (C12, C13).


def _trail(client, **query):
    response = client.get(reverse("audit:trail"), query)
    assert response.status_code == 200
    return response


def test_it_filters_the_trail_by_person_kind_change_and_record(client, manager, placement_site):
    someone = UserFactory(full_name="Bodil Opdigtet Filtersen", email="bodil@example.test")
    _changes(placement_site, manager, 3)
    _changes(placement_site, someone, 2)
    client.force_login(manager)
    organisations = str(ContentType.objects.get_for_model(Organisation).pk)

    by_person = _trail(client, person="filtersen")
    assert [item.entry.actor for item in by_person.context["described"]] == [someone] * 2
    assert by_person.context["pagination"].count == 2

    changed_organisations = LogEntry.objects.filter(
        content_type_id=organisations, action=LogEntry.Action.UPDATE
    )
    by_kind = _trail(client, kind=organisations, action=str(LogEntry.Action.UPDATE))
    assert by_kind.context["pagination"].count == changed_organisations.count() >= 5
    deleted = _trail(client, kind=organisations, action=str(LogEntry.Action.DELETE))
    assert deleted.context["pagination"].count == 0

    nothing = _trail(client, q="Findes ikke i nogen post")
    assert nothing.context["described"] == []
    assert "Ingen ændringer passer til filtrene." in nothing.text


def test_it_keeps_the_filters_when_paging(client, manager, placement_site):
    _changes(placement_site, manager, 60)
    client.force_login(manager)
    page = _trail(client, q=placement_site.name[:5], action=str(LogEntry.Action.UPDATE))
    assert query_of(next_page_links(page.content.decode())[0]) == {
        "q": [placement_site.name[:5]],
        "action": [str(LogEntry.Action.UPDATE)],
        "side": ["2"],
    }


def test_it_refuses_a_period_that_ends_before_it_starts(client, manager):
    client.force_login(manager)
    page = _trail(client, date_from="2026-11-20", date_to="2026-11-01")
    assert "Slutdatoen skal være samme dag som eller efter startdatoen." in page.text


def test_it_names_the_kinds_of_record_in_words(client, manager):
    client.force_login(manager)
    kinds = dict(_trail(client).context["form"].fields["kind"].choices)
    assert "Organisationer" in kinds.values()
    assert all(not label.islower() for label in kinds.values())
