"""Two people editing the same record never silently overwrite each other (C12, #12):
the first assessment of a case and an enquiry's answer carry the version the editor
started from; the second to save is refused, sees what the first saved, and keeps what
they typed."""

import pytest
from django.urls import reverse

from indsats.applications.models import Assessment, CriterionJudgement, Enquiry
from indsats.catalogue.models import OfferCondition

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(applicant, make_application):
    return make_application("O1", applicant.organisation, applicant, submitted=True)


def test_it_refuses_a_second_first_assessment_and_shows_the_first(
    client, case_officer, manager, submitted
):
    """Both open the case before anyone has assessed it; both forms carry 'no assessment
    yet'. The second save is a conflict, not an overwrite."""
    rule = OfferCondition.objects.get(offer__code="O1", key="motivation")
    url = reverse("applications:assess", args=[submitted.pk])
    client.force_login(case_officer)
    page = client.get(reverse("applications:case", args=[submitted.pk]))
    opened_version = page.context["assessment_form"]["version"].value()
    client.force_login(manager)
    assert client.get(reverse("applications:case", args=[submitted.pk])).status_code == 200

    first = {
        f"judgement_{rule.pk}": "met",
        f"reason_{rule.pk}": "Motivationen er klar.",
        "summary": "Sagsbehandlerens vurdering",
        "version": opened_version,
    }
    client.force_login(case_officer)
    assert client.post(url, first).status_code == 302

    second = {
        f"judgement_{rule.pk}": "not_met",
        f"reason_{rule.pk}": "Lederens begrundelse",
        "summary": "Lederens vurdering",
        "version": opened_version,
    }
    client.force_login(manager)
    response = client.post(url, second)
    assert response.status_code == 409
    assert "En kollega har gemt vurderingen" in response.text
    assert "Lederens begrundelse" in response.text  # what the manager typed stays
    assert "Sagsbehandlerens vurdering" in response.text  # and the colleague's is shown
    assert "Motivationen er klar." in response.text
    stored = Assessment.objects.get(application=submitted)
    assert stored.summary == "Sagsbehandlerens vurdering"
    assert CriterionJudgement.objects.get(rule=rule).judgement == "met"

    # Saving again from the conflict page overwrites, knowingly.
    again = response.context["assessment_form"]["version"].value()
    assert client.post(url, {**second, "version": again}).status_code == 302
    assert Assessment.objects.get(application=submitted).summary == "Lederens vurdering"


@pytest.mark.parametrize("version", ["abc", "9" * 20, "-1"])
def test_it_refuses_a_junk_assessment_version_at_the_form(client, case_officer, submitted, version):
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:assess", args=[submitted.pk]),
        {"summary": "Vurdering", "version": version},
    )
    assert response.status_code == 200
    assert "version" in response.context["assessment_form"].errors
    assert not Assessment.objects.exists()


def test_it_refuses_a_second_answer_to_an_enquiry_and_shows_the_first(
    client, applicant, case_officer, manager
):
    client.force_login(applicant)
    client.post(
        reverse("applications:enquiry_create", args=["temaforloeb"]),
        {
            "subject": "Temadage",
            "message": "Vi vil gerne høre mere.",
            "contact_name": "Anne Andersen",
            "contact_email": "anne@aarhus.test",
        },
    )
    enquiry = Enquiry.objects.get()
    url = reverse("applications:enquiry_detail", args=[enquiry.pk])
    client.force_login(case_officer)
    opened = client.get(url).context["form"]["version"].value()
    first = {"answer": "Sagsbehandlerens svar", "status": "answered", "version": opened}
    assert client.post(url, first).status_code == 302

    client.force_login(manager)
    second = {"answer": "Lederens svar", "status": "answered", "version": opened}
    response = client.post(url, second)
    assert response.status_code == 409
    assert "En anden har gemt ændringer" in response.text
    assert "Lederens svar" in response.text
    assert "Sagsbehandlerens svar" in response.text
    enquiry.refresh_from_db()
    assert enquiry.answer == "Sagsbehandlerens svar"
    assert enquiry.answered_by == case_officer
