"""Every create, change and delete of a domain record is recorded with who, when and what."""

import pytest
from auditlog.models import LogEntry
from django.core import serializers
from django.urls import reverse

from indsats.audit.describe import describe
from indsats.audit.registry import AUDITED_MODELS
from indsats.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _entries_for(instance):
    return LogEntry.objects.get_for_object(instance).order_by("timestamp", "pk")


def test_it_records_a_change_with_its_author_and_the_old_and_new_values(
    client, case_officer, placement_site
):
    client.force_login(case_officer)
    url = reverse("organisations:placement_site_edit", args=[placement_site.pk])
    response = client.post(
        url,
        {
            "name": placement_site.name,
            "site_type": placement_site.site_type,
            "cvr": placement_site.cvr,
            "municipality": placement_site.municipality_id,
            "employee_count": "26",
            "version": placement_site.version,
        },
    )
    assert response.status_code == 302
    change = _entries_for(placement_site).filter(action=LogEntry.Action.UPDATE).get()
    assert change.actor == case_officer
    assert change.changes["employee_count"] == [18, 26]
    assert change.timestamp is not None


def test_it_records_creation_and_deletion(placement_site):
    name = placement_site.name
    pk = placement_site.pk
    placement_site.delete()
    actions = list(
        LogEntry.objects.filter(object_pk=str(pk), object_repr=name)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]


def test_it_leaves_a_loaded_fixture_out_of_the_trail(placement_site):
    """C10: loaddata (a raw save) is not a person's change; a save through the ORM is."""
    placement_site.name = "Opholdsstedet fra en fixtur"
    fixture = serializers.serialize("json", [placement_site])
    before = LogEntry.objects.count()
    for loaded in serializers.deserialize("json", fixture):
        loaded.save()
    assert LogEntry.objects.count() == before
    placement_site.refresh_from_db()
    assert placement_site.name == "Opholdsstedet fra en fixtur"
    placement_site.name = "Opholdsstedet igen"
    placement_site.save()
    assert LogEntry.objects.count() == before + 1


def test_it_describes_a_change_in_plain_danish(case_officer, placement_site):
    from auditlog.context import set_actor

    with set_actor(case_officer):
        placement_site.employee_count = 30
        placement_site.save()
    described = describe(_entries_for(placement_site).last())
    assert described.sentence == (
        f"{case_officer.full_name} ændrede organisation »{placement_site.name}«"
    )
    assert [(c.field, c.old, c.new) for c in described.changes] == [("Antal ansatte", "18", "30")]


def test_it_names_the_system_when_no_person_acted(placement_site):
    described = describe(_entries_for(placement_site).first())
    assert described.actor == "Systemet"
    assert described.sentence.startswith("Systemet oprettede organisation")


def test_it_never_records_password_hashes(case_officer):
    case_officer.set_password("another-Password-9")
    case_officer.save()
    for entry in LogEntry.objects.get_for_object(case_officer):
        assert "password" not in (entry.changes or {})


def test_it_audits_every_domain_model():
    from indsats.accounts.models import User

    assert {Organisation, User} <= set(AUDITED_MODELS)


def test_it_shows_the_trail_to_a_manager(client, manager, placement_site):
    client.force_login(manager)
    response = client.get(reverse("audit:trail"))
    assert response.status_code == 200
    assert f"oprettede organisation »{placement_site.name}«" in response.text


def test_it_hides_the_trail_from_case_officers(client, case_officer):
    client.force_login(case_officer)
    assert client.get(reverse("audit:trail")).status_code == 403
