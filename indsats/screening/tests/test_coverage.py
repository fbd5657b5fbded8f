"""The screening tells when an input is missing for most municipalities (#9; C7, C11).

The rule is pure (no database): what share counts as "most", per input, and the sentence
that says so. The run, the page and the ``screening`` command are tested below it.
"""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from indsats.screening.coverage import (
    BOERNEHUS_CASES,
    CHILDREN,
    MOST_MISSING_SHARE,
    NOTIFICATIONS,
    PLANS,
    MissingInput,
    describe,
    inputs_missing_for_most,
    is_most,
)
from indsats.screening.models import ScreeningRun, ScreeningSettings
from indsats.screening.rules import MunicipalityInput, Plan


def _inputs(total: int, missing: dict[str, int]) -> list[MunicipalityInput]:
    """``total`` municipalities; the first ``missing[name]`` of them without that input."""
    items = []
    for index in range(total):
        items.append(
            MunicipalityInput(
                code=f"{index:03d}",
                name=f"Kommune {index}",
                region_code="1081",
                region_name="Region Nordjylland",
                children=None if index < missing.get(CHILDREN, 0) else 1000,
                notifications=None if index < missing.get(NOTIFICATIONS, 0) else 10,
                boernehus_cases=None if index < missing.get(BOERNEHUS_CASES, 0) else 1,
                plan=None if index < missing.get(PLANS, 0) else Plan(None, None, False),
            )
        )
    return items


def test_most_is_more_than_the_inputs_share_of_the_municipalities():
    assert set(MOST_MISSING_SHARE.values()) == {Decimal("0.5")}
    assert set(MOST_MISSING_SHARE) == {NOTIFICATIONS, CHILDREN, BOERNEHUS_CASES, PLANS}
    assert not is_most(48, 98, Decimal("0.5"))
    assert not is_most(49, 98, Decimal("0.5"))  # exactly half is not most
    assert is_most(50, 98, Decimal("0.5"))
    assert is_most(26, 100, Decimal("0.25"))
    assert not is_most(0, 0, Decimal("0.5"))  # no municipalities: nothing to say


def test_it_names_each_input_missing_for_most_and_no_other():
    inputs = _inputs(98, {NOTIFICATIONS: 98, CHILDREN: 49, BOERNEHUS_CASES: 50, PLANS: 3})
    gaps = inputs_missing_for_most(inputs, expected_codes={"11", "12"}, imported_codes={"7"})
    assert [(gap.name, gap.missing, gap.total) for gap in gaps] == [
        (NOTIFICATIONS, 98, 98),
        (BOERNEHUS_CASES, 50, 98),
    ]
    assert gaps[0].codes_do_not_match
    assert inputs_missing_for_most(_inputs(98, {PLANS: 2})) == ()


def test_it_takes_the_share_per_input():
    inputs = _inputs(10, {PLANS: 3, CHILDREN: 3})
    shares = {**MOST_MISSING_SHARE, PLANS: Decimal("0.25")}
    assert [gap.name for gap in inputs_missing_for_most(inputs, shares=shares)] == [PLANS]


def test_it_says_when_the_imported_reason_codes_do_not_match_the_settings():
    gap = MissingInput(NOTIFICATIONS, 98, 98, ("11", "12", "13"), ("1", "2", "7"))
    with translation.override("da"):
        text = describe(gap, 2023)
    assert "mangler for 98 af 98 kommuner i 2023" in text
    assert "De importerede årsagskoder (1, 2, 7) passer ikke med" in text
    assert "(11, 12, 13)" in text
    matching = MissingInput(NOTIFICATIONS, 60, 98, ("11",), ("11", "12"))
    assert not matching.codes_do_not_match
    with translation.override("da"):
        assert "Importér tallene" in describe(matching, 2023)
        no_period = describe(MissingInput(NOTIFICATIONS, 98, 98, None, ("7",)), 2014)
    assert "ingen årsagskoder for 2014" in no_period
    assert MissingInput.from_dict(gap.to_dict()) == gap


# The run, the page and the command.


@pytest.fixture
def codes_not_matching(db, add_statistics):
    """Figures for every municipality of 2023, but settings that count other reasons."""
    from indsats.organisations.models import Municipality

    codes = Municipality.objects.values_list("code", flat=True)
    add_statistics(2023, dict.fromkeys(codes, (1000, 10, 1)))
    settings_row = ScreeningSettings.current()
    settings_row.reason_codes = "2022-: 21, 22"
    settings_row.save()


def _run_command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("screening", "--year", "2023", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_run_and_the_command_say_when_notifications_are_missing(codes_not_matching):
    _out, err = _run_command()
    run = ScreeningRun.objects.get()
    assert [gap["name"] for gap in run.data_versions["missing_inputs"]] == [NOTIFICATIONS, PLANS]
    assert run.data_versions["missing_inputs"][0]["imported_codes"] == ["1", "11", "12", "13"]
    assert "Data mangler: Underretninger" in err
    assert "passer ikke med dem, indstillingerne tæller for 2023 (21, 22)" in err


def test_the_command_exits_with_status_1_when_strict(codes_not_matching):
    with pytest.raises(CommandError, match="data mangler for de fleste kommuner") as failure:
        _run_command("--strict")
    assert failure.value.returncode == 1
    assert ScreeningRun.objects.count() == 1  # the run is saved all the same


def test_the_command_is_quiet_and_strict_passes_when_the_data_are_there(
    codes_not_matching, add_statistics
):
    from indsats.organisations.models import Municipality
    from indsats.screening.models import PreparednessPlan

    settings_row = ScreeningSettings.current()
    settings_row.reason_codes = "2022-: 11, 12, 13"
    settings_row.save()
    for municipality in Municipality.objects.all():
        PreparednessPlan.objects.create(municipality=municipality)
    _out, err = _run_command("--strict")
    assert "Data mangler" not in err
    assert ScreeningRun.objects.get().data_versions["missing_inputs"] == []


def test_the_page_says_when_data_are_missing(client, case_officer, codes_not_matching):
    _run_command()
    client.force_login(case_officer)
    page = client.get(reverse("screening:list"))
    assert "Data mangler for de fleste kommuner" in page.text
    assert "De importerede årsagskoder (1, 11, 12, 13) passer ikke med" in page.text
