"""A saved run's results as JSON or CSV, one entry per municipality. Pure: no ORM.

Per municipality: code, name, region, the rates, the reference rates, each factor
true/false/missing with the references that triggered it, the count and the candidate
mark. CSV is ``;``-separated with a decimal comma and a BOM, as Danish spreadsheets
expect; JSON numbers are plain numbers.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal

from .parameters import FACTORS, REFERENCES
from .rules import MEASURES

DECIMALS = Decimal("0.01")
MISSING = "missing"


def _round(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(DECIMALS, ROUND_HALF_UP)


def _state(met: bool | None) -> bool | str:
    return MISSING if met is None else met


def rows(results: list[dict], parameters: dict) -> list[dict]:
    """Flat rows in rank order with the figures rounded to two decimals."""
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
            row[f"rate_{measure}"] = _round(result["rates"][measure])
            for name in references:
                row[f"reference_{measure}_{name}"] = _round(
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


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(results: list[dict], parameters: dict, data_versions: dict, meta: dict) -> str:
    document = {
        **meta,
        "parameters": parameters,
        "data_versions": data_versions,
        "municipalities": rows(results, parameters),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, list):
        return ",".join(value)
    if value == MISSING:
        return "mangler"
    return str(value)


def to_csv(results: list[dict], parameters: dict) -> str:
    flat = rows(results, parameters)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    if not flat:
        return buffer.getvalue()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(flat[0].keys())
    for row in flat:
        writer.writerow(_cell(value) for value in row.values())
    return buffer.getvalue()
