"""Fuzzing every importer (C12, C7): the screening's statistics (Statbank's UND1, UND3 and
FOLK1A, the children's houses, the vulnerable children), the preparedness plans, the
comparison groups, the press criticism and the ministerial requests, each fed a valid
sample file with cells, lines and bytes replaced by malformed values.

Whatever the file holds, an import either succeeds or fails with ``ImportFailed`` (the
clear, line-by-line refusal the upload page shows), never with another exception; and a
failed import saves nothing: every table an importer writes has the rows it had.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indsats.core.tests.junk import NASTY, value
from indsats.screening.importers.boernehus import import_boernehus, import_vulnerable_children
from indsats.screening.importers.csvformat import ImportFailed
from indsats.screening.importers.plans import import_comparison_groups, import_plans
from indsats.screening.importers.records import import_ministerial_requests, import_press
from indsats.screening.importers.statbank import import_statbank
from indsats.screening.models import (
    ComparisonGroup,
    DataSource,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    StatisticValue,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "screening" / "tests" / "data"

IMPORTERS = {
    "und1": (partial(import_statbank, "UND1"), "und1_2022_2023.csv"),
    "und3": (partial(import_statbank, "UND3"), "und3_2023.csv"),
    "folk1a": (partial(import_statbank, "FOLK1A"), "folk1a_2024K1.csv"),
    "boernehus": (import_boernehus, "boernehus_2023.csv"),
    "vulnerable": (import_vulnerable_children, "vulnerable_2023.csv"),
    "plans": (import_plans, "plans.csv"),
    "comparison_groups": (import_comparison_groups, "comparison_groups.csv"),
    "press": (import_press, "press.csv"),
    "ministerial_requests": (import_ministerial_requests, "ministerial_requests.csv"),
}

WRITTEN = (
    DataSource,
    StatisticValue,
    PreparednessPlan,
    ComparisonGroup,
    PressCriticism,
    MinisterialRequest,
)

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


@st.composite
def mangled(draw, text: str) -> bytes | str:
    """The sample file with one to three cells or lines replaced, a line added, or the
    whole file cut, as text or as bytes in some encoding."""
    lines = [line.split(";") for line in text.splitlines()]
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["cell", "cell", "cell", "line", "add", "cut", "columns"]))
        row = draw(st.integers(0, len(lines) - 1))
        if how == "cell":
            lines[row][draw(st.integers(0, len(lines[row]) - 1))] = draw(value)
        elif how == "line":
            lines[row] = [draw(value)]
        elif how == "add":
            lines.insert(row, [draw(value) for _ in lines[0]])
        elif how == "columns":
            lines[row] = lines[row] + [draw(value)]
        else:
            lines = lines[: max(row, 1)]
    joined = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(";".join(cells) for cells in lines)
    as_bytes = draw(st.sampled_from([None, "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    if as_bytes is None:
        return joined
    data = joined.encode(as_bytes, errors="replace")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


def run_import(name: str, data) -> str:
    """Import ``data``; "saved" or "refused". A refusal must leave every table as it was.
    Each example runs in a savepoint rolled back afterwards."""
    importer, _ = IMPORTERS[name]
    with transaction.atomic():
        before = counts()
        try:
            importer(data, "fuzz.csv")
        except ImportFailed as refusal:
            reasons = refusal.errors
            outcome = "refused"
        else:
            reasons, outcome = None, "saved"
        after = counts()
        transaction.set_rollback(True)
    if outcome == "refused":
        assert reasons, "a refusal says why"
        assert after == before, f"{name}: a refused import saved rows"
    return outcome


@pytest.mark.parametrize("name", IMPORTERS)
def test_it_imports_a_mangled_file_or_refuses_it_without_saving_anything(name):
    """C12: random cells, lines, line endings, encodings and stray bytes."""
    text = (DATA / IMPORTERS[name][1]).read_text(encoding="utf-8-sig")

    @FUZZ
    @given(data=mangled(text))
    def check(data):
        run_import(name, data)

    check()


# A blank line is skipped by design; every other value is wrong somewhere in every line.
NOT_BLANK = [v for v in NASTY if v.strip()]


@pytest.mark.parametrize("name", IMPORTERS)
@pytest.mark.parametrize("nasty", NOT_BLANK, ids=range(len(NOT_BLANK)))
def test_it_refuses_each_nasty_value_in_every_cell_of_a_line(name, nasty):
    """C12: each known-bad value in every cell of the first data line at once."""
    text = (DATA / IMPORTERS[name][1]).read_text(encoding="utf-8-sig")
    header, first, *rest = text.splitlines()
    line = ";".join(nasty.replace(";", ",") for _ in first.split(";"))
    assert run_import(name, "\n".join([header, line, *rest])) == "refused"


@pytest.mark.parametrize("name", IMPORTERS)
def test_it_refuses_an_empty_file_and_binary_garbage(name):
    assert run_import(name, b"") == "refused"
    assert run_import(name, "\x00" * 10) == "refused"
    assert run_import(name, bytes(range(256))) == "refused"
