"""Reason codes chosen from UND3's own list, read through Statbank's tableinfo (#9; C7,
C11).

The list comes from a real HTTP server started by the test on 127.0.0.1, answering
``POST /v1/tableinfo`` with a description written in the shape Statbank gives
(tests/data/und3_tableinfo_2024.json: variables with id, text and values of {id, text});
the client finds it through ``settings.STATBANK_API_URL``. The rule that writes the choice
into the settings' periods is pure and tested first.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from indsats.screening.models import ScreeningSettings
from indsats.screening.parameters import ParameterError
from indsats.screening.reason_codes import (
    ReasonOption,
    codes_in_force,
    reason_options,
    with_codes_from,
)
from indsats.screening.statbank import StatbankError

from .conftest import TABLEINFO

# The pure rules.


def test_it_reads_the_reasons_without_the_total_from_the_description():
    options = reason_options(json.loads(TABLEINFO.read_text("utf-8")))
    assert options[0] == ReasonOption("1", "Barnets skolegang")
    assert ReasonOption("11", "Vold mod barnet") in options
    assert "TOT" not in {option.code for option in options}
    assert len(options) == 8


@pytest.mark.parametrize(
    "answer",
    [[], {"variables": "x"}, {"variables": [{"id": "Tid", "text": "tid", "values": []}]}],
)
def test_it_refuses_an_answer_that_is_no_description_of_und3(answer):
    with pytest.raises(StatbankError):
        reason_options(answer)


def test_it_writes_the_chosen_codes_from_a_year_and_keeps_the_periods_before():
    text = "2015-2016: 7, 8\n2017-2021: 7, 8, 9\n2022-: 11, 12, 13"
    assert with_codes_from(text, 2024, {"12", "11"}) == (
        "2015-2016: 7, 8\n2017-2021: 7, 8, 9\n2022-2023: 11, 12, 13\n2024-: 11, 12"
    )
    assert with_codes_from(text, 2022, ["14"]) == "2015-2016: 7, 8\n2017-2021: 7, 8, 9\n2022-: 14"
    assert with_codes_from(text, 2017, ["3"]) == "2015-2016: 7, 8\n2017-: 3"
    assert with_codes_from("", 2023, ["11"]) == "2023-: 11"
    with pytest.raises(ValueError, match="at least one"):
        with_codes_from(text, 2023, [])
    with pytest.raises(ParameterError):
        with_codes_from("nonsense", 2023, ["11"])


def test_it_finds_the_codes_in_force_for_a_year():
    text = "2017-2021: 7, 8, 9\n2022-: 11, 12, 13"
    assert codes_in_force(text, 2023) == (2022, frozenset({"11", "12", "13"}))
    assert codes_in_force(text, 2016) is None


# Through a real local Statbank (the ``statbank`` fixture in conftest.py).


URL = reverse("screening:reason_codes")


def test_it_offers_the_reasons_from_und3s_own_list(client, manager, statbank):
    client.force_login(manager)
    page = client.get(URL)
    assert page.status_code == 200
    asked = {"table": "UND3", "format": "JSON", "lang": "da"}
    assert statbank.requests == [("/v1/tableinfo", asked)]
    assert "11 – Vold mod barnet" in page.text
    assert "12 – Seksuelle overgreb mod barnet" in page.text
    assert "I alt" not in page.text
    form = page.context["form"]
    assert sorted(form["codes"].initial) == ["11", "12", "13"]  # the defaults in force


def test_it_saves_the_chosen_codes_from_the_year_given(client, manager, statbank):
    client.force_login(manager)
    current = ScreeningSettings.current()
    response = client.post(
        URL, {"codes": ["11", "12"], "first_year": "2024", "version": current.version}
    )
    assert response.status_code == 302
    saved = ScreeningSettings.current()
    assert saved.reason_codes.endswith("2022-2023: 11, 12, 13\n2024-: 11, 12")
    assert saved.version == current.version + 1
    settings_page = client.get(response.url)
    assert "Årsagskoderne er gemt" in settings_page.text


def test_it_refuses_a_code_not_in_the_tables_list(client, manager, statbank):
    client.force_login(manager)
    version = ScreeningSettings.current().version
    response = client.post(URL, {"codes": ["99"], "first_year": "2024", "version": version})
    assert response.status_code == 400
    assert "Koden 99 står ikke i UND3&#x27;s liste over årsager." in response.text
    assert ScreeningSettings.current().reason_codes.endswith("2022-: 11, 12, 13")


def test_it_keeps_a_managers_choice_when_another_saved_the_settings_first(
    client, manager, statbank
):
    client.force_login(manager)
    current = ScreeningSettings.current()
    started_from = current.version
    current.threshold = "0.300"
    current.version += 1
    current.save()
    response = client.post(URL, {"codes": ["11"], "first_year": "2024", "version": started_from})
    assert response.status_code == 409
    assert "En anden har gemt indstillingerne" in response.text
    assert ScreeningSettings.current().reason_codes.endswith("2022-: 11, 12, 13")
    again = client.post(URL, {"codes": ["11"], "first_year": "2024", "version": started_from + 1})
    assert again.status_code == 302


def test_it_warns_of_codes_in_the_settings_that_the_table_does_not_list(client, manager, statbank):
    current = ScreeningSettings.current()
    current.reason_codes = "2022-: 7, 11"
    current.save()
    client.force_login(manager)
    page = client.get(URL)
    assert "Disse koder i indstillingerne står ikke i tabellens liste: 7." in page.text


def test_it_falls_back_to_typing_when_statbank_answers_with_an_error(client, manager, statbank):
    statbank.broken = True
    client.force_login(manager)
    response = client.get(URL, follow=True)
    settings_field = reverse("screening:settings") + "#id_reason_codes"
    assert response.redirect_chain[-1][0].endswith(settings_field)
    assert "Statistikbank kunne ikke nås" in response.text
    assert 'name="reason_codes"' in response.text  # the field to type the codes in


def test_it_falls_back_to_typing_when_statbank_cannot_be_reached(
    client, manager, nothing_listening
):
    client.force_login(manager)
    response = client.get(URL, follow=True)
    assert "Statistikbank kunne ikke nås" in response.text
    assert 'name="reason_codes"' in response.text


def test_it_lets_only_those_who_edit_the_settings_choose(client, case_officer, statbank):
    client.force_login(case_officer)
    assert client.get(URL).status_code == 403
    assert statbank.requests == []
