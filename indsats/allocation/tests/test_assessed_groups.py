"""The allocation plans exactly what a decision accepts (C4, C5; O4.4): a group of small
sites is planned only once every member's assessment is complete."""

import pytest

from indsats.allocation import services
from indsats.allocation.periods import parse_period
from indsats.applications.models import Assessment
from indsats.applications.partners import accept_partners
from indsats.catalogue.models import Offer

from .conftest import at

pytestmark = pytest.mark.django_db


def test_a_group_waits_for_its_last_members_assessment(site_application, capacity, judge):
    capacity("O4", "2027", 2)
    ager = site_application("Ager", at(1), 10)
    baek = site_application("Bæk", at(2), 10, [ager.organisation])
    accept_partners(ager, [baek.organisation])
    Assessment.objects.filter(application=baek).delete()
    period = parse_period("2027")
    drawn = services.draw_plan(Offer.objects.get(code="O4"), period)
    assert drawn.plan.placements == ()
    assert {a.reference for a in drawn.unassessed} == {ager.reference, baek.reference}
    judge(baek)
    drawn = services.draw_plan(Offer.objects.get(code="O4"), period)
    assert {p.ref for p in drawn.plan.placements} == {ager.reference, baek.reference}
    assert drawn.unassessed == ()
