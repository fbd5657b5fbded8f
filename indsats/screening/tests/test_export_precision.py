"""The screening run's files keep the core's precision (#10, C7; O5): the JSON export
carries every rate and reference rate as a full-precision number, equal to what the core
(rules.screen / references.rate) computes; the CSV has Danish column names and rates with
its documented number of decimals."""

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from indsats.screening import export
from indsats.screening.inputs import gather
from indsats.screening.models import ScreeningRun
from indsats.screening.parameters import Parameters
from indsats.screening.references import rate
from indsats.screening.rules import MEASURES, screen

pytestmark = pytest.mark.django_db

# Thirds, sevenths and ninths: rates with more digits than two decimals (or a float) hold.
FIGURES = {"101": (3000, 7, 1), "147": (7000, 5, 3), "751": (9000, 4, 1), "851": (6000, 1, 0)}


@pytest.fixture
def run_2023(add_statistics):
    add_statistics(2023, FIGURES)
    out = io.StringIO()
    call_command(
        "screening", "--year", "2023", "--format", "json", stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


def _core_results():
    """The core's own results on the same data and parameters as the saved run."""
    saved = ScreeningRun.objects.earliest("pk")
    parameters = Parameters.from_dict(saved.parameters)
    inputs, _versions = gather(parameters)
    return {result.code: result for result in screen(inputs, parameters)}


def test_each_rate_in_the_json_export_equals_the_core_value(run_2023):
    document = json.loads(run_2023, parse_float=Decimal)
    exported = {row["code"]: row for row in document["municipalities"]}
    core = _core_results()
    assert set(exported) == set(core)
    compared = 0
    for code, result in core.items():
        for measure in MEASURES:
            assert exported[code][f"rate_{measure}"] == result.rates[measure], (code, measure)
            for name, reference in result.references[measure].items():
                key = f"reference_{measure}_{name}"
                assert exported[code][key] == reference.rate, (code, key)
            compared += 1
    assert compared == 98 * len(MEASURES)
    # Worked by hand: 7 notifications per 3,000 children is 2.333… per 1,000, with all
    # the digits the core's decimal context gives, not 2.33 and not a float's 17 digits.
    copenhagen = exported["101"]["rate_notification"]
    assert copenhagen == rate(Decimal(7), Decimal(3000))
    assert str(copenhagen) == "2.333333333333333333333333333"


def test_the_rates_are_json_numbers_not_strings(run_2023):
    document = json.loads(run_2023)
    copenhagen = next(row for row in document["municipalities"] if row["code"] == "101")
    assert isinstance(copenhagen["rate_notification"], float)
    assert copenhagen["rate_boernehus"] is not None
    assert '"rate_notification": 2.333333333333333333333333333' in run_2023


def test_the_downloaded_json_carries_the_same_digits(client, consultant, run_2023):
    client.force_login(consultant)
    saved = ScreeningRun.objects.get()
    response = client.get(reverse("screening:download_json", args=[saved.pk]))
    document = json.loads(response.content, parse_float=Decimal)
    core = _core_results()
    for row in document["municipalities"]:
        assert row["rate_boernehus"] == core[row["code"]].rates["boernehus"]


def test_the_csv_has_danish_column_names_and_its_documented_decimals(run_2023):
    out = io.StringIO()
    call_command("screening", "--year", "2023", "--format", "csv", stdout=out, stderr=io.StringIO())
    reader = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")), delimiter=";")
    assert reader.fieldnames[:5] == [
        "Rang",
        "Kommunekode",
        "Kommune",
        "Region",
        "Underretninger pr. 1.000 børn",
    ]
    assert "Underretninger pr. 1.000 børn, hele landet" in reader.fieldnames
    assert not [name for name in reader.fieldnames if "_" in name]
    rows = {row["Kommunekode"]: row for row in reader}
    core = _core_results()
    expected = (
        core["101"]
        .rates["notification"]
        .quantize(Decimal(1).scaleb(-export.CSV_DECIMALS), ROUND_HALF_UP)
    )
    assert rows["101"]["Underretninger pr. 1.000 børn"] == "2,333333"
    assert rows["101"]["Underretninger pr. 1.000 børn"] == str(expected).replace(".", ",")
    assert rows["461"]["Underretninger pr. 1.000 børn"] == ""
    assert rows["101"]["F1"] == "mangler"
    triggered = {row["F5 udløst af"] for row in rows.values()}
    assert not {"region", "country", "group"} & {
        name for cell in triggered for name in cell.split(",")
    }


def test_the_csv_says_on_every_row_whether_the_figures_are_synthetic(run_2023):
    """The JSON says »synthetic«; the CSV, read without it, says so in its last column."""
    run = ScreeningRun.objects.earliest("pk")
    for synthetic, marker in ((True, "ja"), (False, "nej")):
        text = export.to_csv(run.results, run.parameters, synthetic=synthetic)
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
        assert reader.fieldnames[-1] == "Syntetiske data"
        assert {row["Syntetiske data"] for row in reader} == {marker}


def test_a_value_without_a_json_number_is_refused():
    with pytest.raises(ValueError, match="no JSON number"):
        export.to_json([], {}, {}, {"odd": Decimal("NaN")})
