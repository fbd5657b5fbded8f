"""Press criticism (F3) and the minister's requests (F4) typed in, on the page or through
the API, meet the importers' checks (C7, C12): no date in the future or before
EARLIEST_RECORD_DATE, and no second record of the same item, known as the importer knows
it. A record is never its own duplicate, so correcting one keeps working."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from indsats.api.models import TokenScope
from indsats.api.services import issue_token
from indsats.api.tests.conftest import TokenClient
from indsats.organisations.models import Municipality
from indsats.screening.forms import MinisterialRequestForm, PressForm
from indsats.screening.importers import ImportFailed, import_ministerial_requests, import_press
from indsats.screening.importers.records import EARLIEST_RECORD_DATE, record_date_problem
from indsats.screening.models import MinisterialRequest, PressCriticism, RequestStatus

TODAY = date(2026, 11, 28)
PRESS_API = "/api/v1/screening/press"
REQUESTS_API = "/api/v1/screening/ministerial-requests"


# The limits, without a database --------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (TODAY, None),
        (EARLIEST_RECORD_DATE, None),
        (TODAY + timedelta(days=1), "Datoen ligger i fremtiden."),
        (date(2099, 1, 1), "Datoen ligger i fremtiden."),
        (EARLIEST_RECORD_DATE - timedelta(days=1), "Datoen ligger før 1. januar 2000."),
        (date(1, 1, 1), "Datoen ligger før 1. januar 2000."),
    ],
)
def test_a_record_date_is_neither_in_the_future_nor_unreasonably_far_back(day, problem):
    assert record_date_problem(day, "Datoen", TODAY) == problem


# The forms -------------------------------------------------------------------------------


def aarhus() -> Municipality:
    return Municipality.objects.get(code="751")


def press_form(instance=None, **changes) -> PressForm:
    data = {
        "published_on": "2026-03-01",
        "medium": "Jyllands-Posten",
        "url": "",
        "summary": "Kritik af sagsbehandlingen.",
        **changes,
    }
    if instance is not None:
        data["version"] = instance.version
    return PressForm(data, instance=instance or PressCriticism(municipality=aarhus()))


def request_form(instance=None, **changes) -> MinisterialRequestForm:
    data = {
        "received_on": "2026-02-01",
        "reference": "2026-17",
        "status": RequestStatus.OPEN,
        "note": "",
        **changes,
    }
    if instance is not None:
        data["version"] = instance.version
    return MinisterialRequestForm(
        data, instance=instance or MinisterialRequest(municipality=aarhus())
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2099-01-01", "Datoen ligger i fremtiden."),
        ("0001-01-01", "Datoen ligger før 1. januar 2000."),
    ],
)
def test_the_press_form_refuses_a_date_the_importer_refuses(day, message):
    """F3: a press item dated 2099 would count for years in the look-back."""
    form = press_form(published_on=day)
    assert not form.is_valid()
    assert form.errors["published_on"] == [message]


@pytest.mark.django_db
def test_the_press_form_takes_today():
    assert press_form(published_on=timezone.localdate().isoformat()).is_valid()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2099-01-01", "Modtagelsesdatoen ligger i fremtiden."),
        ("0001-01-01", "Modtagelsesdatoen ligger før 1. januar 2000."),
    ],
)
def test_the_request_form_refuses_a_date_the_importer_refuses(day, message):
    """F4."""
    form = request_form(received_on=day)
    assert not form.is_valid()
    assert form.errors["received_on"] == [message]


@pytest.mark.django_db
def test_the_press_form_refuses_the_same_item_twice_and_names_it():
    """F3: the same municipality, date and medium (in any case) is the same item."""
    first = press_form()
    assert first.is_valid(), first.errors
    first.save()
    again = press_form(medium="jyllands-posten", summary="Samme kritik igen.")
    assert not again.is_valid()
    assert again.errors["medium"] == [
        "Kritikken i Jyllands-Posten den 1. marts 2026 er allerede registreret for "
        "Aarhus Kommune. Ret den i stedet for at registrere den igen."
    ]
    assert press_form(published_on="2026-03-02").is_valid()  # another day
    assert press_form(medium="Politiken").is_valid()  # another medium
    copenhagen = Municipality.objects.get(code="101")
    elsewhere = PressForm(press_form().data, instance=PressCriticism(municipality=copenhagen))
    assert elsewhere.is_valid(), elsewhere.errors  # another municipality


@pytest.mark.django_db
def test_a_press_item_is_not_its_own_duplicate():
    first = press_form()
    first.is_valid()
    item = first.save()
    edited = press_form(item, summary="Kritik af sagsbehandlingen i en sag om overgreb.")
    assert edited.is_valid(), edited.errors
    edited.save()
    item.refresh_from_db()
    assert item.summary.endswith("om overgreb.")
    recased = press_form(item, medium="JYLLANDS-POSTEN")
    assert recased.is_valid(), recased.errors


@pytest.mark.django_db
def test_a_press_item_cannot_be_moved_onto_another():
    for medium in ("Jyllands-Posten", "Politiken"):
        form = press_form(medium=medium)
        form.is_valid()
        form.save()
    politiken = PressCriticism.objects.get(medium="Politiken")
    moved = press_form(politiken, medium="Jyllands-Posten")
    assert not moved.is_valid()
    assert "er allerede registreret" in moved.errors["medium"][0]


@pytest.mark.django_db
def test_a_duplicate_stored_before_the_check_can_still_be_corrected():
    """Two items saved before the forms checked: each keeps working when only its other
    fields change."""
    for _ in range(2):
        PressCriticism.objects.create(
            municipality=aarhus(), published_on=date(2026, 3, 1), medium="Jyllands-Posten"
        )
    second = PressCriticism.objects.order_by("pk").last()
    assert press_form(second, summary="Rettet.").is_valid()


@pytest.mark.django_db
def test_the_request_form_refuses_a_reference_already_recorded_and_names_it():
    """F4: a request is known by its municipality and reference, in any case."""
    first = request_form(reference="MIN-2026-17")
    assert first.is_valid(), first.errors
    item = first.save()
    again = request_form(reference="min-2026-17", received_on="2026-03-01")
    assert not again.is_valid()
    assert again.errors["reference"] == [
        "Henvendelsen med referencen MIN-2026-17, modtaget 1. februar 2026, er allerede "
        "registreret for Aarhus Kommune. Ret den i stedet for at registrere den igen."
    ]
    closed = request_form(item, reference="MIN-2026-17", status=RequestStatus.CLOSED)
    assert closed.is_valid(), closed.errors  # the record itself is no duplicate
    elsewhere = MinisterialRequestForm(
        request_form(reference="MIN-2026-17").data,
        instance=MinisterialRequest(municipality=Municipality.objects.get(code="101")),
    )
    assert elsewhere.is_valid(), elsewhere.errors


# The importer's own limit ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_importers_refuse_a_date_unreasonably_far_back():
    press = "kommunekode;dato;medie;link;resumé\n751;0001-01-01;Politiken;;Skrevet forkert.\n"
    with pytest.raises(ImportFailed) as excinfo:
        import_press(press, "press.csv")
    assert [str(e) for e in excinfo.value.errors] == ["Linje 2: Datoen ligger før 1. januar 2000."]
    requests = "kommunekode;modtaget;reference\n751;1999-12-31;MIN-1\n"
    with pytest.raises(ImportFailed) as excinfo:
        import_ministerial_requests(requests, "requests.csv")
    assert [str(e) for e in excinfo.value.errors] == [
        "Linje 2: Modtagelsesdatoen ligger før 1. januar 2000."
    ]
    assert not PressCriticism.objects.exists()
    assert not MinisterialRequest.objects.exists()


# Through the API -----------------------------------------------------------------------


def api_client(user) -> TokenClient:
    _token, text = issue_token(user, "Testsystem", TokenScope.READ_WRITE)
    return TokenClient(text)


@pytest.mark.django_db
def test_the_api_refuses_a_press_item_twice_and_one_dated_2099(case_officer):
    client = api_client(case_officer)
    item = {
        "municipality": "751",
        "published_on": "2026-03-01",
        "medium": "Jyllands-Posten",
        "summary": "Kritik af sagsbehandlingen.",
    }
    assert client.post(PRESS_API, item, content_type="application/json").status_code == 201
    again = client.post(PRESS_API, item, content_type="application/json")
    assert again.status_code == 422
    assert again.json()["error"]["details"] == [
        {
            "field": "medium",
            "message": "Kritikken i Jyllands-Posten den 1. marts 2026 er allerede registreret "
            "for Aarhus Kommune. Ret den i stedet for at registrere den igen.",
        }
    ]
    future = client.post(
        PRESS_API, {**item, "published_on": "2099-01-01"}, content_type="application/json"
    )
    assert future.status_code == 422
    assert future.json()["error"]["details"] == [
        {"field": "published_on", "message": "Datoen ligger i fremtiden."}
    ]
    assert PressCriticism.objects.count() == 1
    stored = PressCriticism.objects.get()
    corrected = client.put(
        f"{PRESS_API}/{stored.pk}",
        {**item, "summary": "Rettet resumé.", "version": stored.version},
        content_type="application/json",
    )
    assert corrected.status_code == 200, corrected.content


@pytest.mark.django_db
def test_the_api_refuses_a_request_with_a_reference_already_recorded(case_officer):
    client = api_client(case_officer)
    item = {"municipality": "751", "received_on": "2026-02-01", "reference": "2026-17"}
    assert client.post(REQUESTS_API, item, content_type="application/json").status_code == 201
    again = client.post(REQUESTS_API, item, content_type="application/json")
    assert again.status_code == 422
    assert [d["field"] for d in again.json()["error"]["details"]] == ["reference"]
    assert MinisterialRequest.objects.count() == 1
