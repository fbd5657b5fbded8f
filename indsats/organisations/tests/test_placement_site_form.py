"""Registering and editing a placement site: the CVR warning and edit conflicts."""

import pytest
from django.urls import reverse

from indsats.organisations.models import Municipality, Organisation

pytestmark = pytest.mark.django_db


def _site_data(**overrides):
    data = {
        "name": "Døgninstitutionen Havblik",
        "site_type": "doegninstitution",
        "cvr": "34567891",
        "municipality": Municipality.objects.get(code="461").pk,
        "address": "Havvej 2",
        "postcode": "5000",
        "city": "Odense C",
        "employee_count": "30",
        "contact_name": "Jens Havblik",
        "contact_email": "jens@havblik.test",
        "contact_phone": "11 22 33 44",
    }
    data.update(overrides)
    return data


def test_it_registers_a_site_with_a_valid_cvr(client, case_officer):
    client.force_login(case_officer)
    response = client.post(reverse("organisations:placement_site_create"), _site_data())
    site = Organisation.objects.get(name="Døgninstitutionen Havblik")
    assert response.status_code == 302
    assert site.cvr == "34567891"
    assert site.kind == "placement_site"
    assert not site.cvr_checksum_confirmed


def test_it_normalises_a_cvr_typed_with_spaces_and_prefix(client, case_officer):
    client.force_login(case_officer)
    client.post(reverse("organisations:placement_site_create"), _site_data(cvr="DK 3456 7891"))
    assert Organisation.objects.get(name="Døgninstitutionen Havblik").cvr == "34567891"


def test_it_warns_about_a_failed_cvr_check_and_keeps_what_was_typed(client, case_officer):
    client.force_login(case_officer)
    response = client.post(
        reverse("organisations:placement_site_create"), _site_data(cvr="34567890")
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Døgninstitutionen Havblik").exists()
    form = response.context["form"]
    assert list(form.errors) == ["cvr"]  # at the number, not at the confirmation
    assert "består ikke kontrollen" in response.text
    assert 'value="Havvej 2"' in response.text


def test_it_saves_a_failed_cvr_once_the_user_confirms_it(client, case_officer):
    client.force_login(case_officer)
    response = client.post(
        reverse("organisations:placement_site_create"),
        _site_data(cvr="34567890", confirm_cvr="on"),
    )
    assert response.status_code == 302
    site = Organisation.objects.get(name="Døgninstitutionen Havblik")
    assert site.cvr == "34567890"
    assert site.cvr_checksum_confirmed


def test_it_refuses_a_cvr_that_is_not_eight_digits(client, case_officer):
    client.force_login(case_officer)
    response = client.post(reverse("organisations:placement_site_create"), _site_data(cvr="1234"))
    assert "cvr" in response.context["form"].errors
    assert not Organisation.objects.filter(name="Døgninstitutionen Havblik").exists()


def test_it_refuses_a_second_save_made_from_a_stale_copy(
    client, case_officer, manager, placement_site
):
    url = reverse("organisations:placement_site_edit", args=[placement_site.pk])
    opened_version = placement_site.version
    base = {
        **_site_data(name=placement_site.name, cvr=placement_site.cvr),
        "municipality": placement_site.municipality_id,
        "version": opened_version,
    }
    client.force_login(case_officer)
    first = client.post(url, {**base, "employee_count": "22"})
    assert first.status_code == 302

    client.force_login(manager)
    second = client.post(url, {**base, "employee_count": "40", "contact_phone": "99 88 77 66"})
    assert second.status_code == 409
    placement_site.refresh_from_db()
    assert placement_site.employee_count == 22  # the first save stands
    assert "En anden har gemt ændringer" in second.text
    assert 'value="99 88 77 66"' in second.text  # nothing the second person typed is lost
    assert second.context["form"]["version"].value() == str(opened_version + 1)

    third = client.post(url, {**base, "employee_count": "40", "version": opened_version + 1})
    assert third.status_code == 302
    placement_site.refresh_from_db()
    assert placement_site.employee_count == 40
