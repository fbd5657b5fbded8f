"""Applicants read the reasons without the Board's requirement ids (C11); staff keep them."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from indsats.allocation import rules
from indsats.allocation.reasons import for_applicant

START = datetime(2027, 1, 4, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))
REQUIREMENT_ID = re.compile(r"O[1-5]\.\d")


@pytest.mark.parametrize(
    ("staff", "applicant"),
    [
        (
            "Opfylder betingelserne i O1.3 (beslutning på chefniveau).",
            "Opfylder betingelserne (beslutning på chefniveau).",
        ),
        (
            "Prioriteret efter O1.4: 3 af 4 kriterier opfyldt",
            "Prioriteret: 3 af 4 kriterier opfyldt",
        ),
        ("ingen partner. Efter O4.4 og O4.6 tildeles", "ingen partner. Derfor tildeles"),
        ("no partner. Under O4.4 and O4.6 a programme", "no partner. So a programme"),
        ("Fælles forløb for 2 steder (O4.4): ét forløb", "Fælles forløb for 2 steder: ét forløb"),
        ("Tidligere hjælp (O1.4 d)", "Tidligere hjælp"),
    ],
)
def test_it_drops_the_requirement_ids_and_keeps_the_words(staff, applicant):
    assert for_applicant(staff) == applicant


candidates = st.lists(
    st.builds(
        lambda i, employees, group, conditions, criteria: rules.Candidate(
            ref=f"R{i}",
            complete_at=START + timedelta(hours=i),
            conditions=dict.fromkeys(conditions, True),
            criteria=dict.fromkeys(criteria, True),
            employees=employees,
            group=group,
        ),
        st.integers(0, 10_000),
        st.sampled_from([None, 10, 40]),
        st.sampled_from([None, "G1", "G2"]),
        st.sets(st.sampled_from(sorted(rules.ALL_CONDITIONS))),
        st.sets(st.sampled_from(rules.O1_CRITERIA)),
    ),
    max_size=8,
    unique_by=lambda c: c.ref,
)


@settings(max_examples=60, deadline=None)
@given(
    offer=st.sampled_from(rules.OFFERS),
    capacity=st.integers(0, 3),
    items=candidates,
    language=st.sampled_from(["da", "en"]),
)
def test_no_reason_an_applicant_reads_names_a_requirement_id(offer, capacity, items, language):
    with translation.override(language):
        plan = rules.allocate(rules.Policy(offer=offer, capacity=capacity), items)
    for placement in plan.placements:
        for reason in placement.reasons:
            shown = for_applicant(reason)
            assert not REQUIREMENT_ID.search(shown), shown
            assert "  " not in shown
            assert not re.search(r"\s[.,:;)]", shown), shown
