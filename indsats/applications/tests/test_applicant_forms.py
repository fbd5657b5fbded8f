"""What applicants type: whole numbers the Danish way ("1.000" is a thousand), drafts
that are deleted rather than withdrawn, an edit conflict that judges nothing, the
"Andet" fields of O3, and the enquiry's length, phone number and wording."""

import re
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from indsats.applications.models import Application, Document, DocumentVersion, Enquiry
from indsats.applications.offer_forms import FORM_FOR_OFFER, form_class_for
from indsats.applications.offer_forms.base import answers_as_data
from indsats.catalogue.models import Offer
from indsats.core.forms import DanishIntegerField
from indsats.testing import answers
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

NOT_A_WHOLE_NUMBER = "Skriv et helt tal, fx 12."


def _form(code, data, organisation):
    offer = Offer.objects.get(code=code)
    with translation.override("da"):
        form = form_class_for(offer)(answers_as_data(data), offer=offer, organisation=organisation)
        form.is_valid()
    return form


# --- 1. whole numbers -----------------------------------------------------------------


def test_every_whole_number_an_applicant_types_is_read_the_danish_way():
    from indsats.accounts.forms import RegistrationSiteForm
    from indsats.organisations.forms import PlacementSiteForm

    fields = [
        (form_class.__name__, name, field)
        for form_class in FORM_FOR_OFFER.values()
        for name, field in form_class.base_fields.items()
    ]
    for form_class in (PlacementSiteForm, RegistrationSiteForm):
        form = form_class()
        fields += [(form_class.__name__, name, field) for name, field in form.fields.items()]
    plain = [
        f"{form}.{name}"
        for form, name, field in fields
        if isinstance(field, forms.IntegerField)
        and not isinstance(field, DanishIntegerField)
        and name != "version"  # hidden, written by the page
    ]
    assert plain == []


def test_it_refuses_1000_hours_typed_the_danish_way_on_o1(aarhus):
    """ "1.000" passed the 25-hour cap as 1."""
    form = _form("O1", answers.o1(planned_hours="1.000"), aarhus)
    assert form.errors["planned_hours"] == ["Et temaforløb er højst 25 timer."]
    assert _form("O1", answers.o1(planned_hours="1,5"), aarhus).errors["planned_hours"] == [
        NOT_A_WHOLE_NUMBER
    ]
    assert _form("O1", answers.o1(planned_hours="1.2"), aarhus).errors["planned_hours"] == [
        NOT_A_WHOLE_NUMBER
    ]
    assert _form("O1", answers.o1(planned_hours="12"), aarhus).cleaned_data["planned_hours"] == 12


def test_it_reads_1000_employees_as_a_thousand_on_o4_and_shows_it_the_danish_way(
    placement_site,
):
    """Fewer than the threshold changes the rules (O4.4): "1.000" must not be one."""
    form = _form("O4", answers.o4(employee_count="1.000"), placement_site)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["employee_count"] == 1000
    assert not form.is_small_site
    with translation.override("da"):
        assert (str(form.fields["employee_count"].label), "1.000") in form.summary()
    assert (
        _form("O4", answers.o4(employee_count="12.500"), placement_site).cleaned_data[
            "employee_count"
        ]
        == 12500
    )
    assert _form("O4", answers.o4(employee_count="1.5"), placement_site).errors[
        "employee_count"
    ] == [NOT_A_WHOLE_NUMBER]


def test_it_reads_o3_months_typed_with_a_space_and_refuses_a_decimal(aarhus):
    assert _form("O3", answers.o3(duration_months=" 10 "), aarhus).is_valid()
    assert _form("O3", answers.o3(duration_months="10,5"), aarhus).errors["duration_months"] == [
        NOT_A_WHOLE_NUMBER
    ]


def test_the_whole_number_fields_are_numeric_text_inputs(client, applicant, make_application):
    application = make_application("O1", applicant.organisation, applicant)
    client.force_login(applicant)
    page = client.get(reverse("applications:edit", args=[application.pk]))
    field = str(page.context["form"]["planned_hours"])
    assert 'inputmode="numeric"' in field
    assert 'type="number"' not in field


# --- 2. deleting a draft ----------------------------------------------------------------


def test_it_deletes_a_draft_instead_of_withdrawing_it(client, applicant, make_application):
    draft = make_application("O1", applicant.organisation, applicant)
    client.force_login(applicant)
    url = reverse("applications:withdraw", args=[draft.pk])
    page = client.get(url)
    assert "Ja, slet kladden" in page.text
    response = client.post(url, {"version": draft.version}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("applications:portal")
    assert "Kladden er slettet." in response.text
    assert "trukket tilbage" not in response.text
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert "Kladde" not in client.get(reverse("applications:portal")).text


def test_the_audit_trail_records_who_deleted_the_draft(client, applicant, make_application):
    draft = make_application("O1", applicant.organisation, applicant)
    client.force_login(applicant)
    client.post(reverse("applications:withdraw", args=[draft.pk]), {"version": draft.version})
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Application),
        object_pk=str(draft.pk),
        action=LogEntry.Action.DELETE,
    )
    assert entry.actor == applicant


def test_it_deletes_a_drafts_documents_and_their_files(client, applicant, make_application):
    draft = make_application("O1", applicant.organisation, applicant)
    document = Document.objects.create(application=draft, kind="other")
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        file=SimpleUploadedFile("bilag.pdf", b"%PDF-1.7"),
        original_name="bilag.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=applicant,
    )
    path = Path(version.file.path)
    assert path.exists()
    client.force_login(applicant)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("applications:withdraw", args=[draft.pk]), {"version": draft.version})
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not path.exists()


def test_it_deletes_no_draft_of_another_organisation(
    client, other_applicant, applicant, make_application
):
    draft = make_application("O1", applicant.organisation, applicant)
    client.force_login(other_applicant)
    url = reverse("applications:withdraw", args=[draft.pk])
    assert client.post(url, {"version": draft.version}).status_code == 404
    assert Application.objects.filter(pk=draft.pk).exists()


def test_it_does_not_delete_a_draft_a_colleague_changed_meanwhile(
    client, applicant, make_application
):
    draft = make_application("O1", applicant.organisation, applicant)
    opened = draft.version
    colleague = UserFactory(organisation=applicant.organisation, role=applicant.role)
    client.force_login(colleague)
    client.post(
        reverse("applications:edit", args=[draft.pk]),
        {**answers.o1(topic="Kollegaens emne"), "action": "save", "version": opened},
    )
    client.force_login(applicant)
    response = client.post(reverse("applications:withdraw", args=[draft.pk]), {"version": opened})
    assert response.status_code == 409
    assert "En kollega har ændret kladden" in response.text
    assert Application.objects.get(pk=draft.pk).answers["topic"] == "Kollegaens emne"


def test_withdrawing_a_submitted_application_keeps_it(client, applicant, make_application):
    application = make_application("O2", applicant.organisation, applicant, submitted=True)
    client.force_login(applicant)
    response = client.post(reverse("applications:withdraw", args=[application.pk]), follow=True)
    assert "Ansøgningen er trukket tilbage." in response.text
    application.refresh_from_db()
    assert application.status == "withdrawn"


# --- 3. an edit conflict judges nothing ---------------------------------------------------


def test_a_draft_saved_in_a_conflict_shows_only_the_conflict_and_the_differing_fields(
    client, applicant, make_application
):
    application = make_application("O1", applicant.organisation, applicant)
    Application.objects.filter(pk=application.pk).update(answers={"topic": "Første"})
    application.refresh_from_db()
    opened = application.version
    url = reverse("applications:edit", args=[application.pk])
    client.force_login(applicant)
    client.post(url, {"topic": "Kollegaens emne", "action": "save", "version": opened})
    response = client.post(url, {"topic": "Mit emne", "action": "save", "version": opened})
    assert response.status_code == 409
    assert "En kollega har gemt kladden" in response.text
    form = response.context["form"]
    assert list(form.errors) == ["topic"]  # not every empty required field
    assert "Gemt i kladden nu: »Kollegaens emne«." in response.text
    assert 'value="Mit emne"' in response.text
    assert "skal udfyldes" not in str(form.errors)


def test_a_draft_conflict_marks_only_what_the_colleague_changed(
    client, applicant, make_application
):
    """The edit page carries a fingerprint of the answers it showed: after a conflict only
    the colleague's changes are marked, not the answers this person changed (C12)."""
    application = make_application("O1", applicant.organisation, applicant)
    url = reverse("applications:edit", args=[application.pk])
    client.force_login(applicant)
    shown = client.get(url)
    based_on = shown.context["based_on"]
    assert f'name="based_on" value="{based_on}"' in shown.text
    opened = application.version
    mine = {**application.answers, "action": "save", "version": opened, "based_on": based_on}
    client.post(url, {**mine, "topic": "Kollegaens emne"})  # the colleague, first
    response = client.post(url, {**mine, "participants": "Mine deltagere"})
    assert response.status_code == 409
    assert list(response.context["form"].errors) == ["topic"]
    assert "Gemt i kladden nu: »Kollegaens emne«." in response.text
    assert 'value="Mine deltagere"' in response.text or "Mine deltagere</textarea>" in response.text
    # Saving again from the conflict page is based on what is stored now: no new conflict.
    again = response.context["based_on"]
    version = Application.objects.get(pk=application.pk).version
    saved = client.post(
        url, {**mine, "participants": "Mine deltagere", "version": version, "based_on": again}
    )
    assert saved.status_code == 302


def test_a_draft_with_a_missing_version_judges_nothing_either(client, applicant, make_application):
    application = make_application("O1", applicant.organisation, applicant, topic="")
    client.force_login(applicant)
    response = client.post(
        reverse("applications:edit", args=[application.pk]), {"topic": "", "action": "save"}
    )
    assert response.status_code == 400
    assert not response.context["form"].errors


# --- 6. "Andet" in O3, the enquiry ------------------------------------------------------


def test_it_refuses_an_other_area_without_other_ticked(aarhus):
    form = _form("O3", answers.o3(areas=["school"], areas_other="Fritid"), aarhus)
    assert form.errors["areas_other"] == ["Sæt kryds ved Andet, eller slet teksten."]
    form = _form("O3", answers.o3(themes_other="Digital vold"), aarhus)
    assert form.errors["themes_other"] == ["Sæt kryds ved Andet, eller slet teksten."]
    assert _form(
        "O3", answers.o3(areas=["school", "other"], areas_other="Fritid"), aarhus
    ).is_valid()


def _enquiry(client, user, **changes):
    client.force_login(user)
    data = {
        "subject": "Kursus i børnesamtaler",
        "message": "Vi overvejer et temaforløb.",
        "contact_name": user.full_name,
        "contact_email": user.email,
        "contact_phone": "",
        **changes,
    }
    return client.post(reverse("applications:enquiry_create", args=["temaforloeb"]), data)


def test_it_limits_an_enquiry_to_5000_characters(client, applicant):
    response = _enquiry(client, applicant, message="a" * 5001)
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert 'maxlength="5000"' in response.text
    assert _enquiry(client, applicant, message="a" * 5000).status_code == 302


def test_it_checks_the_enquirys_phone_number(client, applicant):
    response = _enquiry(client, applicant, contact_phone="abc")
    assert response.context["form"].errors["contact_phone"] == [
        "Skriv et telefonnummer, fx 12 34 56 78."
    ]
    assert not Enquiry.objects.exists()
    assert _enquiry(client, applicant, contact_phone="+45 12345678").status_code == 302
    assert Enquiry.objects.get().contact_phone == "+45 12345678"


def test_it_names_indsats_with_a_capital_on_the_enquiry_page(client, applicant):
    _enquiry(client, applicant)
    page = client.get(reverse("applications:enquiry_detail", args=[Enquiry.objects.get().pk]))
    assert "(online i Indsats)" in page.text
    assert "online i indsats" not in page.text


def test_long_answers_wrap_on_the_summary_page():
    """A 4,990-character word made the summary 52,000 px wide."""
    css = (Path(__file__).resolve().parents[2] / "static/indsats/indsats.css").read_text()
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    assert any(
        ".summary-list-row > dd" in selector and "overflow-wrap: anywhere" in body
        for selector, body in rules
    )
