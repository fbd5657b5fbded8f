"""Neither the change audit trail nor the read log can be edited (C12, C10): the admin site
offers neither model, not even to a superuser, no page of the service writes to them and
the API has no endpoint for them."""

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from indsats.audit.models import ReadKind, ReadLogEntry
from indsats.audit.reads import person_label

pytestmark = pytest.mark.django_db


@pytest.fixture
def read_entry(case_officer):
    return ReadLogEntry.objects.create(
        user=case_officer,
        user_label=person_label(case_officer),
        kind=ReadKind.CASE,
        object_id="1",
        label="ANS-2026-0001, Aarhus Kommune",
    )


@pytest.fixture
def change_entry(placement_site):
    entry = LogEntry.objects.get_for_object(placement_site).first()
    assert entry is not None  # the site's creation is in the trail
    return entry


def test_it_registers_neither_log_in_the_admin_site():
    assert not admin.site.is_registered(LogEntry)
    assert not admin.site.is_registered(ReadLogEntry)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/auditlog/logentry/",
        "/admin/auditlog/logentry/add/",
        "/admin/auditlog/logentry/{change}/change/",
        "/admin/auditlog/logentry/{change}/delete/",
        "/admin/audit/readlogentry/",
        "/admin/audit/readlogentry/add/",
        "/admin/audit/readlogentry/{read}/change/",
        "/admin/audit/readlogentry/{read}/delete/",
    ],
)
def test_it_refuses_to_add_change_or_delete_either_log_in_the_admin_site(
    client, administrator, read_entry, change_entry, path
):
    client.force_login(administrator)
    assert administrator.is_superuser
    assert client.get("/admin/").status_code == 200  # the admin site itself is open to them
    url = path.format(change=change_entry.pk, read=read_entry.pk)

    get = client.get(url)
    post = client.post(url, {"post": "yes", "label": "Noget andet", "changes": "{}"})

    assert get.status_code == 404
    assert post.status_code == 404
    assert ReadLogEntry.objects.get(pk=read_entry.pk).label == "ANS-2026-0001, Aarhus Kommune"
    assert LogEntry.objects.filter(pk=change_entry.pk).exists()


def test_it_does_not_list_either_log_on_the_admin_index(client, administrator):
    client.force_login(administrator)

    page = client.get("/admin/").text

    assert "/admin/auditlog/" not in page
    assert "/admin/audit/" not in page


def test_it_grants_no_add_change_or_delete_permission_on_the_read_log():
    codenames = {codename for codename, _name in ReadLogEntry._meta.permissions} | {
        f"{action}_readlogentry" for action in ReadLogEntry._meta.default_permissions
    }
    assert codenames == {"view_readlogentry"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_read_log_page_only_reads(client, administrator, read_entry, method):
    client.force_login(administrator)

    response = getattr(client, method)(reverse("audit:read_log"), {"kind": "case"})

    assert response.status_code == 405
    assert ReadLogEntry.objects.filter(pk=read_entry.pk).exists()


def test_posting_to_the_audit_trail_changes_nothing(client, administrator, change_entry):
    client.force_login(administrator)
    before = list(LogEntry.objects.values_list("pk", "changes"))

    client.post(reverse("audit:trail"), {"pk": change_entry.pk, "changes": "{}"})

    assert list(LogEntry.objects.values_list("pk", "changes")) == before


def test_the_api_has_no_endpoint_for_either_log():
    paths = Client().get("/api/v1/openapi.json").json()["paths"]

    assert paths  # the schema lists the API's endpoints
    assert not [path for path in paths if "audit" in path or "log" in path.lower()]
