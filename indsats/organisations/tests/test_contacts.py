"""Each municipality's contact persons, kept by the Board's staff (#9; C7, C10, C11):
added, edited and removed on their page with optimistic locking, in the audit trail,
never shown to applicants, and named in a decision letter to the municipality."""

import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from pypdf import PdfReader

from indsats.organisations.contacts import attention_line, first_contact, letter_recipient_lines
from indsats.organisations.models import ContactRole, MunicipalContact, Municipality

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Birgit Testesen",
    "title": "Afdelingsleder",
    "role": ContactRole.PLAN_OWNER,
    "email": "birgit@kommune-751.test",
    "phone": "+45 11 22 33 44",
    "note": "",
}


def _contact(code="751", **changes) -> MunicipalContact:
    values = {
        "name": "Ole Prøvesen",
        "title": "Koordinator",
        "role": ContactRole.COLLABORATION,
        "email": "ole@kommune.test",
        **changes,
    }
    return MunicipalContact.objects.create(
        municipality=Municipality.objects.get(code=code), **values
    )


# Choosing whom to name: no request.


def test_it_names_the_collaboration_contact_first_then_the_plan_owner():
    municipality = Municipality(code="751", name="Aarhus")
    owner = MunicipalContact(municipality=municipality, name="B", role=ContactRole.PLAN_OWNER)
    other = MunicipalContact(municipality=municipality, name="A", role=ContactRole.OTHER)
    partner = MunicipalContact(municipality=municipality, name="C", role=ContactRole.COLLABORATION)
    assert first_contact([other, owner]) is owner
    assert first_contact([other, owner, partner]) is partner
    assert first_contact([]) is None
    assert first_contact([owner, other], order=(ContactRole.OTHER,)) is other
    assert attention_line(MunicipalContact(name="Ida Ung", title="Chef")) == "Att.: Ida Ung, Chef"
    assert attention_line(MunicipalContact(name="Ida Ung")) == "Att.: Ida Ung"
    assert attention_line(None) is None


# The staff pages.


def test_it_lets_staff_add_a_contact_and_records_who_did(client, case_officer):
    client.force_login(case_officer)
    response = client.post(reverse("organisations:contact_create", args=["751"]), FORM)
    assert response.status_code == 302
    contact = MunicipalContact.objects.get()
    assert (contact.municipality.code, contact.name, contact.role) == (
        "751",
        "Birgit Testesen",
        ContactRole.PLAN_OWNER,
    )
    entry = LogEntry.objects.get_for_object(contact).get()
    assert entry.actor == case_officer
    page = client.get(response.url)
    assert "Birgit Testesen" in page.text
    assert "Ansvarlig for beredskabet mod vold og overgreb" in page.text
    assert "plan_owner" not in page.text


def test_it_needs_an_email_or_a_phone_and_a_readable_phone_number(client, case_officer):
    client.force_login(case_officer)
    url = reverse("organisations:contact_create", args=["751"])
    response = client.post(url, {**FORM, "email": "", "phone": ""})
    assert response.status_code == 400
    assert "Skriv en e-mail eller et telefonnummer." in response.text
    response = client.post(url, {**FORM, "phone": "ring til omstillingen"})
    assert response.status_code == 400
    assert "Skriv et telefonnummer med cifre" in response.text
    assert not MunicipalContact.objects.exists()


def test_it_edits_a_contact_and_keeps_what_was_typed_when_someone_saved_first(client, case_officer):
    contact = _contact()
    client.force_login(case_officer)
    url = reverse("organisations:contact_edit", args=[contact.pk])
    opened = contact.version
    # Someone else saves first.
    contact.title = "Chefkonsulent"
    contact.version += 1
    contact.save()
    response = client.post(url, {**FORM, "name": "Ole Prøvesen", "version": opened})
    assert response.status_code == 409
    assert "En anden har gemt ændringer" in response.text
    assert "Afdelingsleder" in response.text  # what the user typed is still there
    assert MunicipalContact.objects.get().title == "Chefkonsulent"
    again = client.post(url, {**FORM, "name": "Ole Prøvesen", "version": opened + 1})
    assert again.status_code == 302
    assert MunicipalContact.objects.get().title == "Afdelingsleder"


def test_it_removes_a_contact_unless_it_changed_since_it_was_shown(client, case_officer):
    contact = _contact()
    client.force_login(case_officer)
    url = reverse("organisations:contact_delete", args=[contact.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert f'name="version" value="{contact.version}"' in confirm.text
    MunicipalContact.objects.filter(pk=contact.pk).update(version=contact.version + 1)
    refused = client.post(url, {"version": contact.version})
    assert refused.status_code == 409
    assert "En anden har ændret kontaktpersonen" in refused.text
    assert MunicipalContact.objects.filter(pk=contact.pk).exists()
    removed = client.post(url, {"version": contact.version + 1})
    assert removed.status_code == 302
    assert not MunicipalContact.objects.exists()
    deletion = LogEntry.objects.filter(object_pk=str(contact.pk), action=LogEntry.Action.DELETE)
    assert deletion.get().actor == case_officer


@pytest.mark.parametrize("name", ["contacts", "contact_create"])
def test_it_refuses_applicants_the_contact_pages(client, applicant, name):
    client.force_login(applicant)
    assert client.get(reverse(f"organisations:{name}", args=["751"])).status_code == 403


def test_it_refuses_applicants_to_edit_or_remove_a_contact(client, applicant):
    contact = _contact()
    client.force_login(applicant)
    for name in ("contact_edit", "contact_delete"):
        url = reverse(f"organisations:{name}", args=[contact.pk])
        assert client.post(url, {**FORM, "version": 1}).status_code == 403
    assert MunicipalContact.objects.get().name == "Ole Prøvesen"


def test_it_answers_404_for_a_contact_or_municipality_that_does_not_exist(client, case_officer):
    client.force_login(case_officer)
    assert client.get(reverse("organisations:contacts", args=["999"])).status_code == 404
    assert client.get(reverse("organisations:contact_edit", args=[4242])).status_code == 404


def test_it_counts_the_contacts_in_the_municipality_register(client, case_officer):
    _contact()
    _contact(name="Eva Eksempel")
    client.force_login(case_officer)
    page = client.get(reverse("organisations:municipalities"), {"q": "Aarhus"})
    assert "2 kontaktpersoner" in page.text
    assert reverse("organisations:contacts", args=["751"]) in page.text


# Letters where a recipient is named.


def test_a_decision_letter_to_a_municipality_names_its_contact(aarhus, applicant, manager):
    from indsats.applications.letters import decision_letter
    from indsats.applications.models import Application, Decision, DecisionOutcome
    from indsats.catalogue.models import Offer
    from indsats.core.letters import to_pdf
    from indsats.testing import answers

    assert letter_recipient_lines(aarhus) == (aarhus.name,)  # no contact yet: the name alone
    _contact(name="Ole Prøvesen", title="Koordinator")
    application = Application.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=aarhus,
        created_by=applicant,
        answers=answers.o1(),
    )
    decision = Decision(
        application=application,
        outcome=DecisionOutcome.GRANT,
        applicant_text="I får forløbet.",
        decided_by=manager,
    )
    pdf = to_pdf(decision_letter(decision))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Att.: Ole Prøvesen, Koordinator" in text
    assert text.index(aarhus.name) < text.index("Att.: Ole Prøvesen")
