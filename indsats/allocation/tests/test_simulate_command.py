"""`manage.py allocate --simulate FILE`: the what-if plan from a JSON file (C5; O1.4, O4.4,
O4.6). No database: the simulation touches no cases, and these tests have no ``db``."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
O1_MET = {"chef_decision": True, "resources": True}
O4_MET = {"management_decision": True, "staff_resources": True}

# The example in issue #8, as staff would write it.
ISSUE_EXAMPLE = {
    "offer": "O1",
    "capacity": 3,
    "weights": {"motivation": 1, "delimited": 1, "backing": 1, "no_prior_help": 1},
    "applications": [
        {
            "ref": "A",
            "complete_at": "2027-01-10T10:00:00+01:00",
            "conditions": {"chef_decision": True, "resources": True},
            "criteria": {
                "motivation": True,
                "delimited": True,
                "backing": True,
                "no_prior_help": False,
            },
        },
        {
            "ref": "S1",
            "complete_at": "2027-02-01T09:00:00+01:00",
            "employees": 12,
            "group": "G1",
            "conditions": {"management_decision": True, "staff_resources": True},
        },
    ],
}


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.fixture
def write(tmp_path):
    def write(data, name="plan.json") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return path

    return write


def run(path, output_format="json") -> str:
    out = StringIO()
    call_command("allocate", simulate=str(path), format=output_format, stdout=out)
    return out.getvalue()


def plan_of(path) -> dict:
    return {row["ref"]: row for row in json.loads(run(path))["plan"]}


def test_it_answers_the_issues_example(write):
    """O1.3: S1 is a site's application without the O1 conditions, so it is refused; A meets
    them and 3 of 4 O1.4 criteria, and is granted within the 3 places."""
    answer = json.loads(run(write(ISSUE_EXAMPLE)))
    assert [(r["ref"], r["outcome"], r["position"], r["unit"]) for r in answer["plan"]] == [
        ("A", "granted", 1, ["A"]),
        ("S1", "refused", None, ["S1"]),
    ]
    a, s1 = answer["plan"]
    assert a["reasons"][1].startswith("Prioriteret efter O1.4: 3 af 4 kriterier opfyldt")
    assert s1["reasons"] == [
        "Afvist: opfylder ikke betingelserne i O1.3 – ikke opfyldt: beslutning på chefniveau "
        "og afsatte personaleressourcer."
    ]
    assert a["waiting_number"] is None


def test_it_plans_o4_with_a_joint_programme_and_a_small_site_alone(write):
    """O4.4, O4.6, one place. Complete: T (10 employees, alone) 5 Jan; G1 = S1 (12) 1 Feb and
    S2 (8) 20 Jan; L (40) 25 Jan. Queue: T 1, G1 2 (by S2), L 3. T is small and alone: it
    waits as number 1. G1 takes the one place. L waits as number 2 of 2."""
    data = {
        "offer": "O4",
        "capacity": 1,
        "applications": [
            {"ref": "S1", "complete_at": "2027-02-01T09:00:00+01:00", "employees": 12,
             "group": "G1", "conditions": O4_MET},
            {"ref": "L", "complete_at": "2027-01-25T09:00:00+01:00", "employees": 40,
             "conditions": O4_MET},
            {"ref": "T", "complete_at": "2027-01-05T09:00:00+01:00", "employees": 10,
             "conditions": O4_MET},
            {"ref": "S2", "complete_at": "2027-01-20T08:00:00Z", "employees": 8,
             "group": "G1", "conditions": O4_MET},
        ],
    }  # fmt: skip
    plan = plan_of(write(data))
    assert {ref: (r["outcome"], r["position"], r["waiting_number"]) for ref, r in plan.items()} == {
        "T": ("waiting", 1, 1),
        "S2": ("granted", 2, None),
        "S1": ("granted", 2, None),
        "L": ("waiting", 3, 2),
    }
    assert plan["S1"]["unit"] == ["S2", "S1"]
    assert "20. januar 2027 kl. 09.00" in plan["S1"]["reasons"][1]  # 08.00 UTC, Danish time
    assert "har ingen partner" in plan["T"]["reasons"][-1]


def test_it_applies_moves_from_the_file(write):
    data = {
        "offer": "O2",
        "capacity": 1,
        "applications": [
            {"ref": ref, "complete_at": f"2027-01-0{day}T10:00:00+01:00", "manager_rank": day,
             "conditions": dict.fromkeys(
                 ("time_and_resources", "management_backing", "pays_premises"), True)}
            for day, ref in ((1, "A"), (2, "B"))
        ],
        "moves": [{"ref": "B", "to_position": 1, "reason": "Kommunen har en akut sag"}],
    }  # fmt: skip
    plan = plan_of(write(data))
    assert (plan["B"]["outcome"], plan["A"]["outcome"]) == ("granted", "waiting")
    assert any("Kommunen har en akut sag" in reason for reason in plan["B"]["reasons"])


def test_it_prints_a_readable_table(write):
    text = run(write(ISSUE_EXAMPLE), "table")
    lines = text.splitlines()
    assert lines[0] == "Tilbud O1, kapacitet 3 forløb, 0 på ventelisten."
    assert lines[2].split() == ["Nr.", "Ansøgning", "Udfald", "Venteliste", "Fælles", "med"]
    assert lines[4].split() == ["1", "A", "tildelt"]
    assert "    – Tildelt: nr. 1 i køen, inden for kapaciteten på 3 forløb i perioden." in lines
    assert any(line.split() == ["S1", "afvist"] for line in lines)


def with_application(index, **changes):
    data = json.loads(json.dumps(ISSUE_EXAMPLE))
    application = data["applications"][index]
    for key, value in changes.items():
        if value is None:
            application.pop(key)
        else:
            application[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ISSUE_EXAMPLE, "offer": "O9"}, 'Ukendt tilbud "O9"'),
        ({**ISSUE_EXAMPLE, "capacity": "3"}, "»capacity« skal være et helt tal"),
        ({**ISSUE_EXAMPLE, "weights": {"charm": 1}}, "Ukendt kriterium »charm«"),
        ({**ISSUE_EXAMPLE, "applicants": []}, "Filen: ukendt felt »applicants«"),
        (with_application(1, ref=None), "Ansøgning nr. 2 i listen: mangler »ref«"),
        (with_application(1, ref="A"), "Ansøgning A er med mere end én gang"),
        (
            with_application(0, complete_at="10/01/2027"),
            'Ansøgning A: »complete_at« "10/01/2027" er ikke',
        ),
        (
            with_application(0, complete_at="2027-01-10T10:00:00"),
            "Ansøgning A: »complete_at« .* mangler tidszone",
        ),
        (with_application(1, complete_at=None), "Ansøgning S1: mangler »complete_at«"),
        (with_application(1, employees="12"), "Ansøgning S1: »employees« skal være et helt tal"),
        (
            with_application(0, conditions={"chef_decision": "yes"}),
            "Ansøgning A: »conditions« »chef_decision« skal være true",
        ),
        (with_application(0, criteria={"charm": True}), "Ansøgning A: »criteria« .* »charm«"),
        (with_application(0, critera={}), "Ansøgning A: ukendt felt »critera«"),
        ({**ISSUE_EXAMPLE, "applications": [42]}, "Ansøgning nr. 1 i listen: skal være"),
        (
            {**ISSUE_EXAMPLE, "moves": [{"ref": "S1", "to_position": 1, "reason": "Fordi"}]},
            "Ansøgning S1 er afvist",
        ),
        ('{"offer": "O1",', "Filen er ikke gyldig JSON \\(linje 1"),
        ("[]", "Filen skal indeholde ét JSON-objekt"),
    ],
)
def test_it_refuses_bad_input_with_a_clear_error_and_status_2(write, data, message):
    with pytest.raises(CommandError, match=message) as error:
        run(write(data))
    assert error.value.returncode == 2


def test_it_refuses_a_file_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="kan ikke læses") as error:
        run(tmp_path / "missing.json")
    assert error.value.returncode == 2


def test_it_refuses_to_mix_a_simulation_with_the_database_options(write):
    with pytest.raises(CommandError, match="brug ikke --confirm-as") as error:
        call_command("allocate", simulate=str(write(ISSUE_EXAMPLE)), confirm_as="leder@x.test")
    assert error.value.returncode == 2


def manage(*args) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(MANAGE), "allocate", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_it_exits_with_status_2_and_names_the_application_on_stderr(write):
    result = manage("--simulate", str(write(with_application(1, ref="A"))), "--format", "json")
    assert result.returncode == 2
    assert "Ansøgning A er med mere end én gang." in result.stderr
    assert result.stdout == ""


def test_it_exits_with_status_0_and_prints_the_plan_as_json(write):
    result = manage("--simulate", str(write(ISSUE_EXAMPLE)), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [row["outcome"] for row in json.loads(result.stdout)["plan"]] == ["granted", "refused"]
