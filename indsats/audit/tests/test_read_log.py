"""Who looked (C12): opening a case, a programme or a municipality's screening page is
recorded in the read log, which administrators alone can search and nobody can change."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indsats.api.models import TokenScope
from indsats.api.services import issue_token
from indsats.applications.decisions import decide
from indsats.audit.models import ReadKind, ReadLogEntry, ReadLogIsAppendOnly
from indsats.audit.reads import person_label
from indsats.testing.factories import assess_completely

pytestmark = pytest.mark.django_db

READ_LOG = "audit:read_log"


@pytest.fixture
def submitted(make_application, aarhus, applicant):
    return make_application("O1", aarhus, applicant, submitted=True)


@pytest.fixture
def programme(submitted, case_officer):
    assess_completely(submitted, case_officer)
    decide(submitted, "grant", "Klar til start.", case_officer)
    submitted.refresh_from_db()
    return submitted.programme


def _only_entry():
    [entry] = ReadLogEntry.objects.all()
    return entry


def test_it_records_a_staff_member_opening_a_case(client, case_officer, submitted):
    client.force_login(case_officer)

    response = client.get(reverse("applications:case", args=[submitted.pk]))

    assert response.status_code == 200
    entry = _only_entry()
    assert entry.user == case_officer
    assert entry.user_label == person_label(case_officer)
    assert (entry.kind, entry.object_id) == (ReadKind.CASE, str(submitted.pk))
    assert submitted.reference in entry.label
    assert "Aarhus" in entry.label
    assert timezone.now() - entry.at < datetime.timedelta(minutes=1)


def test_it_records_staff_opening_the_applicants_view_of_a_case(client, manager, submitted):
    client.force_login(manager)

    assert client.get(reverse("applications:detail", args=[submitted.pk])).status_code == 200

    assert (_only_entry().kind, _only_entry().user) == (ReadKind.CASE, manager)


def test_it_records_opening_a_programme(client, consultant, programme):
    client.force_login(consultant)

    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 200

    entry = _only_entry()
    assert (entry.kind, entry.object_id, entry.user) == (
        ReadKind.PROGRAMME,
        str(programme.pk),
        consultant,
    )
    assert programme.reference in entry.label


def test_it_records_opening_a_municipalitys_screening_page(client, manager):
    client.force_login(manager)

    assert client.get(reverse("screening:municipality", args=["751"])).status_code == 200

    entry = _only_entry()
    assert (entry.kind, entry.object_id) == (ReadKind.SCREENING, "751")
    assert entry.label == "Aarhus Kommune (751)"


def test_it_records_nothing_for_an_applicant_reading_their_own_case(
    client, applicant, submitted, programme
):
    client.force_login(applicant)

    assert client.get(reverse("applications:detail", args=[submitted.pk])).status_code == 200
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 200

    assert not ReadLogEntry.objects.exists()


def test_it_records_nothing_when_the_page_is_refused(client, other_applicant, submitted):
    client.force_login(other_applicant)

    assert client.get(reverse("applications:detail", args=[submitted.pk])).status_code == 404

    assert not ReadLogEntry.objects.exists()


def test_it_writes_one_insert_per_read(client, case_officer, submitted):
    client.force_login(case_officer)
    url = reverse("applications:case", args=[submitted.pk])

    with CaptureQueriesContext(connection) as queries:
        client.get(url)

    touching = [q["sql"] for q in queries if "audit_readlogentry" in q["sql"]]
    assert len(touching) == 1
    assert touching[0].startswith("INSERT")


# Searching (administrators only)


def _entry(user, kind, object_id, label, at):
    return ReadLogEntry.objects.create(
        user=user, user_label=person_label(user), kind=kind, object_id=object_id, label=label, at=at
    )


@pytest.fixture
def some_reads(case_officer, manager):
    moment = timezone.make_aware(datetime.datetime(2026, 3, 10, 12, 0))
    return {
        "officer_case": _entry(case_officer, ReadKind.CASE, "1", "ANS-2026-0001, Aarhus", moment),
        "officer_screening": _entry(
            case_officer,
            ReadKind.SCREENING,
            "101",
            "Københavns Kommune (101)",
            moment + datetime.timedelta(days=5),
        ),
        "manager_programme": _entry(
            manager,
            ReadKind.PROGRAMME,
            "7",
            "OK-2026-0007, Aarhus",
            moment + datetime.timedelta(days=10),
        ),
    }


def _shown(response):
    return [entry.pk for entry in response.context["pagination"]]


def test_it_lists_every_read_newest_first_for_an_administrator(client, administrator, some_reads):
    client.force_login(administrator)

    response = client.get(reverse(READ_LOG))

    assert response.status_code == 200
    assert _shown(response) == [
        some_reads[name].pk for name in ("manager_programme", "officer_screening", "officer_case")
    ]
    page = response.text
    assert "Københavns Kommune (101)" in page
    assert "Kommunens screening" in page
    assert "<td>screening</td>" not in page  # the kind in words, never its key


def test_it_filters_by_person_kind_period_and_record(
    client, administrator, case_officer, some_reads
):
    client.force_login(administrator)
    url = reverse(READ_LOG)

    by_person = client.get(url, {"person": case_officer.pk})
    by_kind = client.get(url, {"kind": ReadKind.PROGRAMME})
    by_period = client.get(url, {"date_from": "2026-03-11", "date_to": "2026-03-16"})
    by_record = client.get(url, {"q": "ANS-2026"})

    assert _shown(by_person) == [some_reads["officer_screening"].pk, some_reads["officer_case"].pk]
    assert _shown(by_kind) == [some_reads["manager_programme"].pk]
    assert _shown(by_period) == [some_reads["officer_screening"].pk]
    assert _shown(by_record) == [some_reads["officer_case"].pk]


def test_it_says_so_at_the_field_when_the_period_ends_before_it_starts(client, administrator):
    client.force_login(administrator)

    response = client.get(reverse(READ_LOG), {"date_from": "2026-03-11", "date_to": "2026-03-01"})

    assert response.status_code == 200
    assert "Slutdatoen skal være samme dag som eller efter startdatoen." in response.text


@pytest.mark.parametrize(
    "query",
    [{"q": "a\x00b"}, {"q": "x" * 100_000}, {"date_from": "99999-01-01"}, {"person": "9" * 25}],
    ids=["nul", "long", "odd-date", "huge-id"],
)
def test_it_answers_bad_filters_without_a_server_error(client, administrator, query):
    client.force_login(administrator)

    assert client.get(reverse(READ_LOG), query).status_code == 200


def test_it_pages_fifty_reads_at_a_time(client, administrator, case_officer):
    moment = timezone.now()
    ReadLogEntry.objects.bulk_create(
        ReadLogEntry(
            user=case_officer,
            user_label="x",
            kind=ReadKind.CASE,
            object_id=str(number),
            label=f"Sag {number}",
            at=moment - datetime.timedelta(minutes=number),
        )
        for number in range(60)
    )
    client.force_login(administrator)

    first = client.get(reverse(READ_LOG))
    second = client.get(reverse(READ_LOG), {"side": 2})

    assert len(_shown(first)) == 50
    assert len(_shown(second)) == 10


@pytest.mark.parametrize("role", ["case_officer", "consultant", "project_leader", "manager"])
def test_it_refuses_the_read_log_to_staff_who_are_not_administrators(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse(READ_LOG)).status_code == 403


def test_it_refuses_the_read_log_to_applicants_and_sends_visitors_to_sign_in(client, applicant):
    anonymous = client.get(reverse(READ_LOG))
    client.force_login(applicant)

    assert anonymous.status_code == 302
    assert "/konto/log-ind/" in anonymous["Location"]
    assert client.get(reverse(READ_LOG)).status_code == 403


def test_it_links_the_read_log_from_the_audit_trail_for_administrators_only(
    client, administrator, manager
):
    client.force_login(administrator)
    for_administrator = client.get(reverse("audit:trail")).text
    client.force_login(manager)
    for_manager = client.get(reverse("audit:trail")).text

    assert reverse(READ_LOG) in for_administrator
    assert reverse(READ_LOG) not in for_manager


# Nobody changes it


def test_it_refuses_to_change_or_delete_an_entry(case_officer, some_reads):
    entry = some_reads["officer_case"]
    entry.label = "Noget andet"

    with pytest.raises(ReadLogIsAppendOnly):
        entry.save()
    with pytest.raises(ReadLogIsAppendOnly):
        entry.delete()
    with pytest.raises(ReadLogIsAppendOnly):
        ReadLogEntry.objects.filter(pk=entry.pk).update(label="Noget andet")
    with pytest.raises(ReadLogIsAppendOnly):
        ReadLogEntry.objects.all().delete()
    assert ReadLogEntry.objects.get(pk=entry.pk).label == "ANS-2026-0001, Aarhus"


def test_it_keeps_a_deleted_persons_reads_under_their_name(some_reads, manager):
    label = person_label(manager)

    manager.delete()

    entry = ReadLogEntry.objects.get(pk=some_reads["manager_programme"].pk)
    assert (entry.user, entry.user_label) == (None, label)


def test_it_only_reads_on_the_read_log_page(client, administrator, some_reads):
    client.force_login(administrator)

    response = client.post(reverse(READ_LOG), {"kind": ReadKind.CASE})

    assert response.status_code == 405
    assert ReadLogEntry.objects.count() == 3


def test_it_records_staff_reading_a_case_and_a_programme_through_the_api(
    case_officer, submitted, programme
):
    _token, text = issue_token(case_officer, "Testsystem", TokenScope.READ)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")

    assert api.get(f"/api/v1/applications/{submitted.pk}").status_code == 200
    assert api.get(f"/api/v1/programmes/{programme.pk}").status_code == 200

    recorded = ReadLogEntry.objects.order_by("at", "id")
    assert [(entry.kind, entry.object_id, entry.user) for entry in recorded] == [
        (ReadKind.CASE, str(submitted.pk), case_officer),
        (ReadKind.PROGRAMME, str(programme.pk), case_officer),
    ]


def test_it_records_nothing_for_an_applicant_reading_their_case_through_the_api(
    applicant, submitted
):
    _token, text = issue_token(applicant, "Testsystem", TokenScope.READ)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")

    assert api.get(f"/api/v1/applications/{submitted.pk}").status_code == 200

    assert not ReadLogEntry.objects.exists()
