"""The management commands: screening, the imports with a progress indication, and the
plan reminders (C7; O5, F1–F7)."""

import csv
import io
import json
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from indsats.screening.management.progress import ProgressBar
from indsats.screening.models import (
    ComparisonGroup,
    PlanReminder,
    PreparednessPlan,
    ScreeningRun,
    StatisticValue,
)

from .conftest import DATA

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def figures_2023(add_statistics):
    add_statistics(2023, {"101": (1000, 12, 2), "147": (1000, 5, 1), "751": (1000, 4, 1)})


def test_it_writes_each_municipality_as_json_and_saves_the_run(figures_2023):
    out, _err = run("screening", "--year", "2023", "--format", "json", "--as-of", "2024-06-30")
    document = json.loads(out)
    assert document["parameters"]["year"] == 2023
    assert document["run"] == ScreeningRun.objects.get().pk
    rows = {row["code"]: row for row in document["municipalities"]}
    assert len(rows) == 98
    copenhagen = rows["101"]
    assert (copenhagen["name"], copenhagen["region"]) == ("København", "Region Hovedstaden")
    assert copenhagen["rate_notification"] == 12.0
    assert copenhagen["reference_notification_region"] == 8.5  # (12 + 5) / 2,000
    assert copenhagen["F5"] is True
    assert copenhagen["F5_triggered_by"] == ["region", "country"]
    assert copenhagen["F1"] == "missing"  # no plan recorded
    assert copenhagen["F4"] is False
    assert (copenhagen["count"], copenhagen["candidate"]) == (1, False)


def test_it_takes_the_threshold_and_averaging_from_the_command_line(figures_2023):
    run("screening", "--year", "2023", "--threshold", "0.5", "--average", "mean")
    saved = ScreeningRun.objects.get()
    assert (saved.parameters["threshold"], saved.parameters["averaging"]) == ("0.5", "mean")
    # Means of the rates: Hovedstaden (12 + 5) / 2 = 8.5, limit 12.75: not high; the
    # country (12 + 5 + 4) / 3 = 7, limit 10.5: high.
    assert saved.result_for("101")["factors"]["F5"]["triggered_by"] == ["country"]


def test_it_writes_csv_with_semicolons_and_decimal_commas(figures_2023):
    out, _err = run("screening", "--year", "2023", "--format", "csv")
    assert out.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")
    rows = {row["Kommunekode"]: row for row in reader}
    assert rows["101"]["Underretninger pr. 1.000 børn"] == "12,000000"
    assert rows["101"]["F5"] == "ja"
    assert rows["101"]["F5 udløst af"] == "regionen, hele landet"  # as a sentence lists them
    assert rows["101"]["Syntetiske data"] == "nej"
    assert rows["101"]["F1"] == "mangler"
    assert rows["461"]["Underretninger pr. 1.000 børn"] == ""


def test_it_refuses_a_threshold_it_cannot_use(figures_2023):
    with pytest.raises(CommandError):
        run("screening", "--year", "2023", "--threshold", "1.5")


def test_it_imports_a_statbank_file_and_shows_progress():
    out, err = run("import_statbank", "--table", "UND1", "--file", str(DATA / "und1_2022_2023.csv"))
    assert "8 nye" in out
    assert "UND1: 100%" in err
    assert StatisticValue.objects.count() == 8


def test_it_fails_an_import_naming_the_line_and_imports_nothing():
    with pytest.raises(CommandError, match="Linje 4: ukendt kommunekode »999«"):
        run("import_statbank", "--table", "UND1", "--file", str(DATA / "und1_unknown_code.csv"))
    assert not StatisticValue.objects.exists()


def test_it_fetches_a_table_from_the_api_through_the_client(statbank, settings):
    """From a Statbank on 127.0.0.1 at STATBANK_API_URL: UND3's description, then its data."""
    out, _err = run("import_statbank", "--table", "UND3", "--years", "2023")
    asked = [path for path, _body in statbank.requests]
    assert asked == ["/v1/tableinfo", "/v1/data"]
    assert statbank.requests[1][1]["variables"] == [
        {"code": "OMRÅDE", "values": ["*"]},
        {"code": "ÅRSAG", "values": ["*"]},
        {"code": "Tid", "values": ["2023"]},
    ]
    assert "12 nye" in out
    origin = StatisticValue.objects.first().source.origin
    assert origin.startswith(f"{settings.STATBANK_API_URL}/data")


def test_it_imports_the_boards_own_files():
    run("import_boernehus", str(DATA / "boernehus_2023.csv"))
    run("import_vulnerable_children", str(DATA / "vulnerable_2023.csv"))
    run("import_plans", str(DATA / "plans.csv"))
    run("import_comparison_groups", str(DATA / "comparison_groups.csv"))
    assert StatisticValue.objects.count() == 6
    assert PreparednessPlan.objects.count() == 3
    assert ComparisonGroup.objects.count() == 2


def test_it_says_so_when_a_file_cannot_be_read():
    with pytest.raises(CommandError, match="kan ikke læses"):
        run("import_plans", str(DATA / "findes-ikke.csv"))


def test_it_draws_a_progress_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    class Out:
        def __init__(self):
            self.stream = Terminal()

        def write(self, text, ending="\n"):
            self.stream.write(text + ending)

        def flush(self):
            pass

        def isatty(self):
            return True

    out = Out()
    bar = ProgressBar(out, "FOLK1A")
    bar(5, 10)
    bar(10, 10)
    assert "\rFOLK1A [###############---------------]  50% (5/10)" in out.stream.getvalue()
    assert "100% (10/10)" in out.stream.getvalue()


@time_machine.travel(date(2025, 3, 1), tick=False)
def test_it_reminds_the_board_once_of_plans_falling_due():
    # Due in 15 days (inside the 90-day window), overdue, and far from due.
    for code, approved in (("101", date(2021, 3, 16)), ("751", date(2020, 1, 1))):
        PreparednessPlan.objects.create(
            municipality_id=_pk(code), approved_on=approved, is_published=True
        )
    PreparednessPlan.objects.create(
        municipality_id=_pk("147"), approved_on=date(2024, 1, 1), is_published=True
    )
    out, _err = run("send_plan_reminders")
    assert "Påmindelse sendt om 2" in out
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Aarhus Kommune: fristen var 1. januar 2024" in body
    assert "Københavns Kommune: frist 16. marts 2025" in body
    assert "Frederiksberg" not in body
    assert "/screening/kommuner/101/" in body

    out, _err = run("send_plan_reminders")
    assert "Ingen nye" in out
    assert len(mail.outbox) == 1
    assert PlanReminder.objects.count() == 2


def test_it_reminds_again_when_a_revised_plan_falls_due_again():
    plan = PreparednessPlan.objects.create(
        municipality_id=_pk("101"), approved_on=date(2020, 1, 1), is_published=True
    )
    run("send_plan_reminders", "--as-of", "2024-01-02")
    plan.revised_on = date(2024, 1, 5)
    plan.save()
    run("send_plan_reminders", "--as-of", "2024-02-01")
    assert len(mail.outbox) == 1
    run("send_plan_reminders", "--as-of", "2027-12-01")
    assert len(mail.outbox) == 2


def _pk(code):
    from indsats.organisations.models import Municipality

    return Municipality.objects.get(code=code).pk
