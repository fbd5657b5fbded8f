"""Reading semicolon-separated files as Statistics Denmark and Danish spreadsheets write them:
UTF-8 (with or without a BOM), CRLF or LF line ends, ``;`` between cells, a decimal comma,
and ``..`` for a suppressed cell. Pure: no ORM.

Every problem is a LineError naming the line in the file (the header is line 1), and a
file is read in full before anything is saved, so that all its errors can be reported
together and nothing is imported from a file with errors.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indsats.core.cleaning import NUL

BOM = "\ufeff"
SUPPRESSED = ".."
MAX_ERRORS = 50  # a file full of errors is reported by its first 50


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self):
        return _("Linje %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class ImportFailed(Exception):  # noqa: N818 - reads as a sentence: "the import failed"
    """The file was not imported; ``errors`` says why, line by line."""

    def __init__(self, errors: list[LineError]):
        self.errors = sorted(errors, key=lambda error: error.line)[:MAX_ERRORS]
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]


def decode(data: bytes) -> str:
    """The text of a UTF-8 file, without its BOM; a clear error at the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            [LineError(line, _("filen er ikke gemt som UTF-8 (tegnsættet kan ikke læses)."))]
        ) from None
    return text[1:] if text.startswith(BOM) else text


def normalise_header(name: str) -> str:
    return name.strip().strip(BOM).upper()


def read_table(
    data: bytes | str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[Row]:
    """The rows of a ``;``-separated file whose header has the ``required`` columns.

    Header names are compared without regard to case; other columns than ``required`` and
    ``optional`` are an error, as is a row with the wrong number of cells. Blank lines are
    skipped.
    """
    text = decode(data) if isinstance(data, bytes) else data.lstrip(BOM)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed([LineError(1, _("filen er tom."))]) from None
    names = [normalise_header(name) for name in header]
    errors = _check_header(names, required, optional)
    if errors:
        raise ImportFailed(errors)
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            errors.append(
                LineError(
                    line,
                    _("rækken har %(found)s felter, men overskriften har %(expected)s.")
                    % {"found": len(cells), "expected": len(names)},
                )
            )
            continue
        if any(NUL in cell for cell in cells):  # PostgreSQL cannot store it in a text
            errors.append(
                LineError(line, _("rækken indeholder et nul-tegn (0x00), som ikke kan gemmes."))
            )
            continue
        values = {name: cell.strip() for name, cell in zip(names, cells, strict=True)}
        rows.append(Row(line, values))
    if errors:
        raise ImportFailed(errors)
    return rows


def _check_header(names, required, optional) -> list[LineError]:
    found = ";".join(names)
    errors = []
    missing = [name for name in required if name not in names]
    if missing:
        errors.append(
            LineError(
                1,
                ngettext(
                    "overskriften mangler kolonnen %(missing)s "
                    "(forventet %(expected)s, fandt %(found)s).",
                    "overskriften mangler kolonnerne %(missing)s "
                    "(forventet %(expected)s, fandt %(found)s).",
                    len(missing),
                )
                % {
                    "missing": ", ".join(f"»{name}«" for name in missing),
                    "expected": f"»{';'.join(required)}«",
                    "found": f"»{found}«",
                },
            )
        )
    unknown = [name for name in names if name not in required and name not in optional]
    if unknown:
        errors.append(
            LineError(
                1,
                ngettext(
                    "overskriften har en ukendt kolonne: %(unknown)s.",
                    "overskriften har ukendte kolonner: %(unknown)s.",
                    len(unknown),
                )
                % {"unknown": ", ".join(f"»{name}«" for name in unknown)},
            )
        )
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        errors.append(
            LineError(
                1,
                ngettext(
                    "kolonnen %(name)s står flere gange i overskriften.",
                    "kolonnerne %(name)s står flere gange i overskriften.",
                    len(duplicated),
                )
                % {"name": ", ".join(f"»{name}«" for name in duplicated)},
            )
        )
    return errors


_NUMBER = re.compile(r"^-?\d+(,\d+)?$")


def parse_number(cell: str, *, allow_empty: bool = False) -> Decimal | None:
    """A number with a decimal comma; ``..`` (suppressed) is None, never 0.

    Raises ValueError with a message for the user.
    """
    value = cell.strip()
    if value == SUPPRESSED or (allow_empty and value == ""):
        return None
    if not _NUMBER.match(value):
        if re.match(r"^-?\d+\.\d+$", value):
            raise ValueError(
                _("»%(value)s« er ikke et tal: brug decimalkomma, fx »12,5«.") % {"value": value}
            )
        raise ValueError(_("»%(value)s« er ikke et tal.") % {"value": value})
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already excludes it
        raise ValueError(_("»%(value)s« er ikke et tal.") % {"value": value}) from None


def parse_count(cell: str, *, allow_empty: bool = False) -> int | None:
    number = parse_number(cell, allow_empty=allow_empty)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        raise ValueError(_("»%(value)s« er ikke et helt, ikke-negativt tal.") % {"value": cell})
    return int(number)


def parse_date(cell: str) -> date | None:
    """An empty cell, or a date as 2021-03-15, 15-03-2021 or 15.03.2021."""
    value = cell.strip()
    if not value:
        return None
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            return date.fromisoformat(value)
        match = re.match(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$", value)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    raise ValueError(
        _("»%(value)s« er ikke en dato (skriv fx 2021-03-15 eller 15-03-2021).") % {"value": value}
    )


def parse_yes_no(cell: str) -> bool:
    value = cell.strip().lower()
    if value in {"ja", "j", "1", "true", "x"}:
        return True
    if value in {"nej", "n", "0", "false", ""}:
        return False
    raise ValueError(_("»%(value)s« er hverken »ja« eller »nej«.") % {"value": cell})


def parse_year(cell: str) -> int:
    value = cell.strip()
    if not re.match(r"^(19|20)\d{2}$", value):
        raise ValueError(_("»%(value)s« er ikke et årstal.") % {"value": cell})
    return int(value)
