"""A municipality's contact persons on its screening page and as the outreach case's
contact (#9; C7, C10, C11); the demo's contacts are fictitious."""

from datetime import date

import pytest
from django.urls import reverse

from indsats.organisations.models import ContactRole, MunicipalContact, Municipality
from indsats.programmes.models import Programme
from indsats.screening.models import ScreeningDecision
from indsats.screening.services import outreach_contact

pytestmark = pytest.mark.django_db

URL = reverse("screening:municipality", args=["101"])


def _contact(code: str, name: str, role: str) -> MunicipalContact:
    return MunicipalContact.objects.create(
        municipality=Municipality.objects.get(code=code),
        name=name,
        title="Chef for Børn og Unge",
        role=role,
        email=f"{role}@kommune-{code}.test",
        phone="+45 11 00 11 00",
    )


@pytest.fixture
def contacts(db):
    return {
        "owner": _contact("101", "Sanne Testsen", ContactRole.PLAN_OWNER),
        "partner": _contact("101", "Rasmus Prøve", ContactRole.COLLABORATION),
        "elsewhere": _contact("751", "Aarhus Kontakt", ContactRole.COLLABORATION),
    }


def test_the_screening_page_shows_the_municipalitys_contacts(client, case_officer, contacts):
    client.force_login(case_officer)
    page = client.get(URL)
    text = page.text
    assert "Sanne Testsen" in text
    assert "Ansvarlig for beredskabet mod vold og overgreb" in text
    assert 'href="mailto:plan_owner@kommune-101.test"' in text
    assert 'href="tel:+4511001100"' in text
    assert "Aarhus Kontakt" not in text
    assert reverse("organisations:contacts", args=["101"]) in text


def test_the_outreach_case_gets_the_contact_the_manager_chose(client, manager, contacts):
    client.force_login(manager)
    form = client.get(URL).context["form"]
    assert form["contact"].initial == contacts["partner"].pk  # the collaboration contact first
    response = client.post(
        URL,
        {"decision": "contact", "reason": "Mange underretninger.", "contact": contacts["owner"].pk},
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert outreach_contact(programme) == contacts["owner"]
    page = client.get(URL)
    named = f"opsøgende forløb {programme.reference}</a>, kontaktperson Sanne Testsen"
    assert named in page.text


def test_a_contact_of_another_municipality_is_refused(client, manager, contacts):
    client.force_login(manager)
    response = client.post(
        URL, {"decision": "contact", "reason": "x", "contact": contacts["elsewhere"].pk}
    )
    assert response.status_code == 400
    assert not Programme.objects.exists()


def test_watching_names_no_contact_and_a_municipality_without_contacts_asks_for_none(
    client, manager, contacts
):
    client.force_login(manager)
    client.post(URL, {"decision": "watch", "reason": "x", "contact": contacts["owner"].pk})
    assert ScreeningDecision.objects.get().contact is None
    form = client.get(reverse("screening:municipality", args=["147"])).context["form"]
    assert "contact" not in form.fields


def test_removing_a_contact_keeps_the_decision(client, manager, contacts):
    client.force_login(manager)
    client.post(URL, {"decision": "contact", "reason": "x", "contact": contacts["partner"].pk})
    contacts["partner"].delete()
    decision = ScreeningDecision.objects.get()
    assert decision.contact is None
    assert outreach_contact(decision.programme) is None


def test_the_demos_contacts_are_fictitious():
    from indsats.screening.demo import load_synthetic_statistics

    load_synthetic_statistics(date(2026, 3, 1))
    contacts = list(MunicipalContact.objects.all())
    assert len(contacts) == 12
    for contact in contacts:
        assert " Demo " in contact.name
        assert contact.email.endswith(".test")
        assert contact.phone.startswith("+45 11 ")  # no Danish subscriber number does
        contact.full_clean()
    load_synthetic_statistics(date(2026, 3, 1))  # loading again adds none
    assert MunicipalContact.objects.count() == 12


def test_a_plan_reminder_names_the_plans_owner_in_the_municipality(contacts):
    from django.core import mail

    from indsats.screening.models import PreparednessPlan
    from indsats.screening.reminders import send_plan_reminders

    for code in ("101", "751"):
        PreparednessPlan.objects.create(
            municipality=Municipality.objects.get(code=code),
            approved_on=date(2020, 1, 1),
            is_published=True,
        )
    send_plan_reminders(date(2025, 3, 1))
    body = mail.outbox[0].body
    owner_line = (
        "Ansvarlig i kommunen: Sanne Testsen, Chef for Børn og Unge, "
        "plan_owner@kommune-101.test, tlf. +45 11 00 11 00"
    )
    assert owner_line in body
    assert "Aarhus Kontakt" not in body  # Aarhus has a contact, but no plan owner
    assert body.count("Ansvarlig i kommunen:") == 1


def test_the_outreach_cases_page_names_its_contact(client, manager, contacts):
    client.force_login(manager)
    client.post(URL, {"decision": "contact", "reason": "x", "contact": contacts["owner"].pk})
    programme = Programme.objects.get()
    page = client.get(reverse("programmes:detail", args=[programme.pk]))
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert "Kontaktperson i kommunen:</strong> Sanne Testsen, Chef for Børn og Unge" in text
    assert 'href="mailto:plan_owner@kommune-101.test"' in text
