"""A new theme day starts from the four topics the offer promises (O4.2)."""

import pytest

from indsats.catalogue.models import Offer
from indsats.programmes.event_forms import ThemeDayForm
from indsats.programmes.models import Programme

pytestmark = pytest.mark.django_db


def test_it_prefills_a_new_theme_day_with_the_four_topics(placement_site):  # O4.2
    programme = Programme.objects.create(
        offer=Offer.objects.get(code="O4"),
        reference="OK-2027-0077",
        title="Forløb",
        organisation=placement_site,
        current_step="theme_days",
    )
    topics = ThemeDayForm(programme=programme).initial["topics"].splitlines()
    assert topics == [
        "Lovgivning, definitioner og omfang",
        "Tvivl og dilemmaer ved mistanke",
        "Tegn og reaktioner samt samtalen med barnet",
        "Børns seksualitet og bekymrende seksuel adfærd",
    ]
