"""A saved run's results as JSON or CSV, one entry per municipality. Pure: no ORM.

Per municipality: code, name, region, the rates, the reference rates, each factor
true/false/missing with the references that triggered it, the count and the candidate
mark.

- **JSON is for programs** and keeps every figure at the core's full precision: each rate
  is written as a JSON number with exactly the digits the core computed (never rounded, and
  never passed through a binary float). Read it with a decimal-aware parser (Python:
  ``json.loads(text, parse_float=Decimal)``) to keep them all.
- **CSV is for spreadsheets**: ``;``-separated with a decimal comma and a BOM, as Danish
  spreadsheets expect, with Danish column names that do not change with the language of
  whoever downloads it, and a last column saying whether the figures are synthetic.
  Rates per 1,000 children have ``CSV_DECIMALS`` (6) decimals,
  rounded half up; the JSON has them all.

A page may round for the eye; a file for programs may not (#10).
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal

from .parameters import FACTORS, REFERENCES
from .rules import MEASURES

CSV_DECIMALS = 6
CSV_QUANTUM = Decimal(1).scaleb(-CSV_DECIMALS)
MISSING = "missing"

# The CSV's column names: fixed Danish, so that a spreadsheet built on them keeps working.
CSV_MEASURE_NAMES = {
    "notification": "Underretninger pr. 1.000 børn",
    "boernehus": "Børnehussager pr. 1.000 børn",
    "boernehus_vulnerable": "Børnehussager pr. 1.000 sårbare børn",
}
CSV_REFERENCE_NAMES = {
    "region": "regionen",
    "country": "hele landet",
    "group": "sammenligningsgruppen",
}
CSV_FIXED_NAMES = {
    "rank": "Rang",
    "code": "Kommunekode",
    "name": "Kommune",
    "region": "Region",
    "count": "Antal faktorer",
    "weighted_count": "Vægtet antal faktorer",
    "missing": "Mangler data for",
    "candidate": "Kandidat",
}
CSV_SYNTHETIC_NAME = "Syntetiske data"


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _state(met: bool | None) -> bool | str:
    return MISSING if met is None else met


def rows(results: list[dict], parameters: dict) -> list[dict]:
    """Flat rows in rank order with every figure as the core computed it (a Decimal)."""
    references = parameters.get("references", list(REFERENCES))
    flat = []
    for result in sorted(results, key=lambda r: (r["rank"], r["name"])):
        row = {
            "rank": result["rank"],
            "code": result["code"],
            "name": result["name"],
            "region": result["region_name"],
        }
        for measure in MEASURES:
            row[f"rate_{measure}"] = _decimal(result["rates"][measure])
            for name in references:
                row[f"reference_{measure}_{name}"] = _decimal(
                    result["references"][measure][name]["rate"]
                )
        for code in FACTORS:
            factor = result["factors"][code]
            row[code] = _state(factor["met"])
            row[f"{code}_triggered_by"] = list(factor["triggered_by"])
        row["count"] = result["count"]
        row["weighted_count"] = Decimal(result["weighted_count"])
        row["missing"] = list(result["missing"])
        row["candidate"] = result["candidate"]
        flat.append(row)
    return flat


# A Decimal goes through json.dumps as a marked string and comes out as a bare number with
# its own digits: the json module would otherwise make it a float and lose digits. JSON
# escapes a NUL inside a string, so the mark cannot come from the data itself.
_NUMBER_MARK = "\x00number:"
_MARKED_NUMBER = re.compile(r'"\\u0000number:(-?[0-9]+(?:\.[0-9]+)?(?:E[+-]?[0-9]+)?)"')


def _json_default(value):
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} has no JSON number")
        return _NUMBER_MARK + str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(results: list[dict], parameters: dict, data_versions: dict, meta: dict) -> str:
    document = {
        **meta,
        "parameters": parameters,
        "data_versions": data_versions,
        "municipalities": rows(results, parameters),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_default)
    return _MARKED_NUMBER.sub(r"\1", text) + "\n"


def csv_header(key: str) -> str:
    """The Danish column name for a row key of ``rows``."""
    if key in CSV_FIXED_NAMES:
        return CSV_FIXED_NAMES[key]
    if key.startswith("rate_"):
        return CSV_MEASURE_NAMES[key.removeprefix("rate_")]
    if key.startswith("reference_"):
        measure, name = key.removeprefix("reference_").rsplit("_", 1)
        return f"{CSV_MEASURE_NAMES[measure]}, {CSV_REFERENCE_NAMES[name]}"
    if key.endswith("_triggered_by"):
        return f"{key.removesuffix('_triggered_by')} udløst af"
    return key  # the factor codes F1–F7 are the Board's own names


def _cell(key: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, Decimal):
        if key.startswith(("rate_", "reference_")):
            value = value.quantize(CSV_QUANTUM, ROUND_HALF_UP)
        return str(value).replace(".", ",")
    if isinstance(value, list):
        return ", ".join(CSV_REFERENCE_NAMES.get(item, item) for item in value)
    if value == MISSING:
        return "mangler"
    return str(value)


def to_csv(results: list[dict], parameters: dict, *, synthetic: bool = False) -> str:
    """The run as a spreadsheet; the last column, »Syntetiske data«, says on every row
    whether the figures are made up (the JSON says it once, in ``synthetic``)."""
    flat = rows(results, parameters)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    if not flat:
        return buffer.getvalue()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([*(csv_header(key) for key in flat[0]), CSV_SYNTHETIC_NAME])
    marker = _cell("synthetic", synthetic)
    for row in flat:
        writer.writerow([*(_cell(key, value) for key, value in row.items()), marker])
    return buffer.getvalue()
