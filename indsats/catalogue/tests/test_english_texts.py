"""The catalogue in English: every text has an English version that staff edit beside the
Danish, shown to those who chose English; a missing one falls back to Danish and is
marked for staff (C11, issue 9)."""

import pytest
from django.urls import reverse
from django.utils import translation

from indsats.catalogue.models import Offer, OfferCondition, OfferStep
from indsats.catalogue.tests.edit_data import edit_data
from indsats.programmes.event_forms import ThemeDayForm
from indsats.programmes.models import Programme
from indsats.testing.readable import visible_text

pytestmark = pytest.mark.django_db


def _in_english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize("model", [Offer, OfferStep, OfferCondition])
def test_it_has_an_english_version_of_every_published_text(model):  # C11
    records = list(model.objects.all())
    assert records
    missing = {str(record.pk): record.missing_english() for record in records}
    assert {pk: names for pk, names in missing.items() if names} == {}


def test_it_shows_an_offer_in_english_to_who_chose_english(client):  # C11
    offer = Offer.objects.get(code="O1")
    url = reverse("catalogue:offer_detail", args=[offer.slug])
    danish = visible_text(client.get(url).text)
    english = visible_text(_in_english(client).get(url).text)
    assert offer.name in danish
    assert offer.name_en in english
    for record in [*offer.steps.all(), *offer.rules.all()]:
        for name in record.ENGLISH:
            if getattr(record, name):
                assert getattr(record, f"{name}_en") in english
                assert getattr(record, name) not in english
    assert offer.summary not in english


def test_it_shows_the_english_offer_list(client):
    english = visible_text(_in_english(client).get(reverse("catalogue:offer_list")).text)
    for offer in Offer.objects.published():
        assert offer.name_en in english
        assert offer.summary_en in english


def test_it_falls_back_to_danish_where_the_english_text_is_missing(client):
    step = OfferStep.objects.filter(offer__code="O2").first()
    step.title_en = ""
    step.save()
    english = _in_english(client).get(reverse("catalogue:offer_detail", args=["udviklingsforloeb"]))
    assert step.title in english.text
    with translation.override("en"):
        assert step.in_language("title") == step.title
    assert step.missing_english() == ["title"]


def test_it_refuses_to_translate_a_field_without_an_english_twin():
    with pytest.raises(ValueError, match="no English version"):
        Offer.objects.get(code="O1").in_language("slug")


def test_it_marks_a_missing_english_text_for_staff_on_the_edit_page(client, project_leader):
    condition = OfferCondition.objects.filter(offer__code="O3").first()
    condition.text_en = ""
    condition.save()
    client.force_login(project_leader)
    page = client.get(reverse("catalogue:offer_edit", args=["fleksibelt-raadgivningsforloeb"]))
    assert page.status_code == 200
    marks = page.text.count("Mangler engelsk")
    assert marks == 1
    assert condition.requirement in page.text  # staff see the requirement id of a rule


def test_it_lets_staff_edit_a_steps_and_a_conditions_english_beside_the_danish(
    client, project_leader
):
    offer = Offer.objects.get(code="O4")
    client.force_login(project_leader)
    response = client.post(
        reverse("catalogue:offer_edit", args=[offer.slug]),
        edit_data(
            offer,
            **{
                "summary_en": "Two theme days and help with the policy.",
                "steps-0-title_en": "Interest in the programme",
                "rules-0-text_en": "Management has decided to take part.",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    offer.refresh_from_db()
    assert offer.summary_en == "Two theme days and help with the policy."
    assert offer.steps.get(number=1).title_en == "Interest in the programme"
    assert offer.rules.first().text_en == "Management has decided to take part."
    assert offer.steps.get(number=1).title == "Interesse"  # the Danish stays as it was


def test_it_offers_the_theme_day_topics_in_the_users_language(placement_site):  # O4.2, C11
    programme = Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0078",
        title="Forløb",
        organisation=placement_site,
        current_step="theme_days",
    )
    with translation.override("en"):
        english = ThemeDayForm(programme=programme).initial["topics"].splitlines()
    with translation.override("da"):
        danish = ThemeDayForm(programme=programme).initial["topics"].splitlines()
    assert english[0] == "Legislation, definitions and extent"
    assert danish[0] == "Lovgivning, definitioner og omfang"
    assert len(english) == len(danish) == 4


def test_it_tells_staff_on_the_offer_page_how_many_texts_lack_english(client, project_leader):
    offer = Offer.objects.get(code="O1")
    url = reverse("catalogue:offer_detail", args=[offer.slug])
    client.force_login(project_leader)
    assert "mangler en engelsk udgave" not in client.get(url).text
    offer.content_en = ""
    offer.save()
    offer.steps.filter(number=1).update(text_en="")
    assert "2 tekster mangler en engelsk udgave" in visible_text(client.get(url).text)
    client.logout()
    assert "mangler en engelsk udgave" not in client.get(url).text  # the public never sees it
