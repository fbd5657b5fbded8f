"""The settings' history and the records' audit trail hold only changes that happened
(C12): a text area's lines sent with \r\n are the same text as stored with \n, and saving
a form with nothing changed saves nothing (»Ingen ændringer at gemme.«). A decimal
setting's limit is written the Danish way (»0,99«)."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from indsats.core.text import one_kind_of_line_break
from indsats.organisations.models import Municipality
from indsats.screening.models import PreparednessPlan, ScreeningSettings

from .test_settings_ranges import _data

pytestmark = pytest.mark.django_db


def _entries(model, pk) -> int:
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
    ).count()


def _as_a_browser_sends(text: str) -> str:
    return text.replace("\n", "\r\n")


def test_a_text_has_one_kind_of_line_break():
    assert one_kind_of_line_break("2015-2016: 7, 8\r\n2017-: 9\r") == "2015-2016: 7, 8\n2017-: 9"
    assert one_kind_of_line_break("uændret\n") == "uændret\n"


def test_saving_the_settings_unchanged_saves_nothing(client, manager):
    current = ScreeningSettings.current()
    assert "\n" in current.reason_codes  # several periods, so the line breaks matter
    before = _entries(ScreeningSettings, current.pk)
    client.force_login(manager)
    data = _data(current, reason_codes=_as_a_browser_sends(current.reason_codes))
    response = client.post(reverse("screening:settings"), data, follow=True)
    assert "Ingen ændringer at gemme." in response.text
    assert ScreeningSettings.current().version == current.version
    assert _entries(ScreeningSettings, current.pk) == before


def test_a_change_in_the_settings_does_not_list_the_unchanged_reason_codes(client, manager):
    current = ScreeningSettings.current()
    client.force_login(manager)
    data = _data(current, threshold="0,3", reason_codes=_as_a_browser_sends(current.reason_codes))
    assert client.post(reverse("screening:settings"), data).status_code == 302
    history = client.get(reverse("screening:settings")).context["history"]
    changed = [change.field for change in history[0].changes]
    assert changed
    assert not [field for field in changed if "rsagskoder" in str(field)]
    assert ScreeningSettings.current().reason_codes == current.reason_codes


def test_saving_a_plan_unchanged_adds_no_audit_entry(client, consultant):
    plan = PreparednessPlan.objects.create(
        municipality=Municipality.objects.get(code="101"),
        approved_on="2022-03-01",
        note="Første linje\nAnden linje",
    )
    before = _entries(PreparednessPlan, plan.pk)
    client.force_login(consultant)
    data = {
        "approved_on": "2022-03-01",
        "revised_on": "",
        "url": "",
        "note": _as_a_browser_sends(plan.note),
        "version": plan.version,
    }
    response = client.post(reverse("screening:plan_edit", args=["101"]), data, follow=True)
    assert "Ingen ændringer at gemme." in response.text
    assert PreparednessPlan.objects.get(pk=plan.pk).version == plan.version
    assert _entries(PreparednessPlan, plan.pk) == before
    changed = client.post(reverse("screening:plan_edit", args=["101"]), {**data, "note": "Ny"})
    assert changed.status_code == 302
    assert PreparednessPlan.objects.get(pk=plan.pk).note == "Ny"


def test_a_decimal_settings_limit_is_written_as_the_language_writes_numbers(client, manager):
    current = ScreeningSettings.current()
    client.force_login(manager)
    with translation.override("da"):
        response = client.post(reverse("screening:settings"), _data(current, threshold="1,5"))
    assert response.status_code == 400
    errors = response.context["form"].errors["threshold"]
    assert errors == ["Denne værdi skal være mindre end eller lig 0,99."]
