"""One outreach case (O5) at a time per municipality (O5, C7): »Tag kontakt« is refused,
at the field and in the service, while the municipality's outreach case is in progress;
watching and no action stay possible, and contact is possible again once the case has
ended. The decisions name their outreach case with a link to it."""

import pytest
from django.urls import reverse

from indsats.organisations.models import Municipality
from indsats.programmes.models import Programme, ProgrammeStatus
from indsats.screening.models import Decision, ScreeningDecision
from indsats.screening.services import (
    OutreachAlreadyOpen,
    record_decision,
    running_outreach_case,
)

pytestmark = pytest.mark.django_db

URL = reverse("screening:municipality", args=["167"])


@pytest.fixture
def hvidovre():
    return Municipality.objects.get(code="167")


def _contact(client, reason="Mange underretninger."):
    return client.post(URL, {"decision": "contact", "reason": reason})


def test_a_second_contact_is_refused_at_the_field_naming_the_running_case(client, manager):
    client.force_login(manager)
    assert _contact(client).status_code == 302
    first = Programme.objects.get()
    response = _contact(client, "Igen.")
    assert response.status_code == 400
    assert Programme.objects.count() == 1
    assert ScreeningDecision.objects.count() == 1
    expected = (
        f"Der er allerede et opsøgende forløb i gang med kommunen: {first.reference}. "
        "Følg op i det."
    )
    assert response.context["form"].errors["decision"] == [expected]
    assert expected in response.text


@pytest.mark.parametrize("decision", [Decision.WATCH, Decision.NO_ACTION])
def test_watching_or_no_action_stay_possible_while_a_case_runs(client, manager, decision):
    client.force_login(manager)
    _contact(client)
    response = client.post(URL, {"decision": decision, "reason": "Vi følger med."})
    assert response.status_code == 302
    assert ScreeningDecision.objects.filter(decision=decision).count() == 1
    assert Programme.objects.count() == 1


def test_the_service_refuses_a_second_case_too(manager, hvidovre):
    first = record_decision(hvidovre, Decision.CONTACT, "Første.", manager).programme
    with pytest.raises(OutreachAlreadyOpen) as refused:
        record_decision(hvidovre, Decision.CONTACT, "Anden.", manager)
    assert refused.value.programme == first
    assert Programme.objects.count() == 1
    assert ScreeningDecision.objects.count() == 1


def test_a_case_opened_after_the_form_was_checked_is_refused_at_the_field(
    client, manager, hvidovre, monkeypatch
):
    """Two managers at once: the form saw no case, the service finds one."""
    from indsats.screening.views import municipality as view

    client.force_login(manager)
    other = record_decision(hvidovre, Decision.CONTACT, "Den anden leder.", manager).programme
    monkeypatch.setattr(view, "running_outreach_case", lambda municipality: None)
    response = _contact(client)
    assert response.status_code == 400
    assert other.reference in response.context["form"].errors["decision"][0]
    assert Programme.objects.count() == 1


@pytest.mark.parametrize("ended", [ProgrammeStatus.CLOSED, ProgrammeStatus.STOPPED])
def test_contact_is_possible_again_once_the_case_has_ended(manager, hvidovre, ended):
    first = record_decision(hvidovre, Decision.CONTACT, "Første.", manager).programme
    Programme.objects.filter(pk=first.pk).update(status=ended)
    assert running_outreach_case(hvidovre) is None
    second = record_decision(hvidovre, Decision.CONTACT, "Ny kontakt.", manager).programme
    assert second != first
    assert running_outreach_case(hvidovre) == second


def test_another_municipalitys_case_does_not_count(manager, hvidovre):
    copenhagen = Municipality.objects.get(code="101")
    record_decision(copenhagen, Decision.CONTACT, "København.", manager)
    assert running_outreach_case(hvidovre) is None
    record_decision(hvidovre, Decision.CONTACT, "Hvidovre.", manager)
    assert Programme.objects.count() == 2


def test_the_page_says_a_case_is_running_and_links_the_decisions_case(client, manager):
    client.force_login(manager)
    page = client.get(URL)
    assert page.context["running_case"] is None
    assert "Der er et opsøgende forløb i gang med kommunen" not in page.text
    _contact(client)
    programme = Programme.objects.get()
    page = client.get(URL)
    link = reverse("programmes:detail", args=[programme.pk])
    text = " ".join(page.text.split())
    assert page.context["running_case"] == programme
    assert f"Der er et opsøgende forløb i gang med kommunen: {programme.reference}." in text
    assert f'<a href="{link}">Gå til forløbet {programme.reference}</a>' in text
    assert f'<a href="{link}">opsøgende forløb {programme.reference}</a>' in text
