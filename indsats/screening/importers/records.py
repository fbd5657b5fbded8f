"""Press criticism (F3) and the minister's requests (F4) from ``;``-separated files, for
what staff would otherwise type in one by one. The headers are Danish:

    kommunekode;dato;medie;link;resumé
    101;2024-03-15;Politiken;https://politiken.dk/…;Kritik af sagsbehandlingen i …

    kommunekode;modtaget;reference;status;bemærkning
    101;2024-02-01;2024-1234;åben;Ministeren beder om et tilbud om sparring.

``link`` may be left out or empty; ``status`` is »åben« or »afsluttet« (empty: åben) and
``bemærkning`` may be left out or empty. Dates as 2024-03-15 or 15-03-2024, never in
the future nor before ``EARLIEST_RECORD_DATE``. A press item is known by its municipality,
date and medium, a request by its municipality and reference (``press_key``,
``request_key``): importing the same file again changes nothing, and a file with a
changed summary or status updates the record it names. The screening's forms check both
the same way.

The row parsers are pure (no ORM): they turn one row into a value or the errors of its
line. The importers look up the municipalities, check duplicates, and save everything in
one transaction, or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import MinisterialRequest, PressCriticism, RequestStatus
from ..weblinks import parse_web_address
from .base import Areas, DuplicateCheck, ImportResult, Progress, fail_if
from .csvformat import LineError, Row, parse_date, read_table

PRESS_COLUMNS = ("KOMMUNEKODE", "DATO", "MEDIE", "RESUMÉ")
PRESS_OPTIONAL = ("LINK",)
MINISTERIAL_COLUMNS = ("KOMMUNEKODE", "MODTAGET", "REFERENCE")
MINISTERIAL_OPTIONAL = ("STATUS", "BEMÆRKNING")

MEDIUM_MAX = PressCriticism._meta.get_field("medium").max_length
URL_MAX = PressCriticism._meta.get_field("url").max_length
REFERENCE_MAX = MinisterialRequest._meta.get_field("reference").max_length
# A date before this is a typing error (0001-01-01, 1024 for 2024), not a record the
# screening keeps: its longest look-back is ten years (F3, F4). The page's and the API's
# forms share the limit, so a date refused in a file is refused there too.
EARLIEST_RECORD_DATE = date(2000, 1, 1)
STATUS_WORDS = {
    "": RequestStatus.OPEN,
    "åben": RequestStatus.OPEN,
    "afsluttet": RequestStatus.CLOSED,
}


@dataclass(frozen=True)
class PressRow:
    line: int
    code: str
    published_on: date
    medium: str
    url: str
    summary: str


@dataclass(frozen=True)
class MinisterialRow:
    line: int
    code: str
    received_on: date
    reference: str
    status: str
    note: str


def _required(row: Row, column: str, label: str, errors: list[str]) -> str:
    value = row.cells.get(column, "").strip()
    if not value:
        errors.append(_("%(what)s mangler.") % {"what": label})
    return value


def record_date_problem(day: date, label: str, today: date) -> str | None:
    """Why ``day`` cannot be the date of a press item or a request, or None."""
    if day > today:
        return _("%(what)s ligger i fremtiden.") % {"what": label}
    if day < EARLIEST_RECORD_DATE:
        return _("%(what)s ligger før %(earliest)s.") % {
            "what": label,
            "earliest": date_format(EARLIEST_RECORD_DATE, "DATE_FORMAT"),
        }
    return None


def press_key(published_on: date, medium: str) -> tuple[date, str]:
    """What makes two press items of one municipality the same item."""
    return published_on, medium.casefold()


def request_key(reference: str) -> str:
    """What makes two of the minister's requests about one municipality the same request."""
    return reference.casefold()


def _past_date(cell: str, label: str, today: date, errors: list[str]) -> date | None:
    try:
        day = parse_date(cell)
    except ValueError as exc:
        errors.append(str(exc))
        return None
    if day is None:
        errors.append(_("%(what)s mangler.") % {"what": label})
    elif problem := record_date_problem(day, label, today):
        errors.append(problem)
    return day


def _at_most(value: str, limit: int, label: str, errors: list[str]) -> None:
    if len(value) > limit:
        errors.append(
            _("%(what)s er for lang (højst %(limit)s tegn).") % {"what": label, "limit": limit}
        )


def parse_press_row(row: Row, today: date) -> PressRow | list[LineError]:
    """One press item, or every error of its line."""
    errors: list[str] = []
    code = _required(row, "KOMMUNEKODE", _("Kommunekoden"), errors)
    published_on = _past_date(row.cells.get("DATO", ""), _("Datoen"), today, errors)
    medium = _required(row, "MEDIE", _("Mediet"), errors)
    _at_most(medium, MEDIUM_MAX, _("Mediet"), errors)
    summary = _required(row, "RESUMÉ", _("Resuméet"), errors)
    url = ""
    try:
        url = parse_web_address(row.cells.get("LINK", ""), URL_MAX)
    except ValueError as exc:
        errors.append(str(exc))
    if errors:
        return [LineError(row.line, message) for message in errors]
    return PressRow(row.line, code, published_on, medium, url, summary)


def parse_ministerial_row(row: Row, today: date) -> MinisterialRow | list[LineError]:
    """One request from the minister, or every error of its line."""
    errors: list[str] = []
    code = _required(row, "KOMMUNEKODE", _("Kommunekoden"), errors)
    received_on = _past_date(row.cells.get("MODTAGET", ""), _("Modtagelsesdatoen"), today, errors)
    reference = _required(row, "REFERENCE", _("Referencen"), errors)
    _at_most(reference, REFERENCE_MAX, _("Referencen"), errors)
    word = row.cells.get("STATUS", "").strip().lower()
    status = STATUS_WORDS.get(word)
    if status is None:
        errors.append(
            _("status »%(value)s« er hverken »åben« eller »afsluttet«.")
            % {"value": row.cells["STATUS"].strip()}
        )
    if errors:
        return [LineError(row.line, message) for message in errors]
    note = row.cells.get("BEMÆRKNING", "").strip()
    return MinisterialRow(row.line, code, received_on, reference, status, note)


def _parse(data, columns, optional, parse_row, key, label) -> tuple[list, dict, int]:
    """The parsed rows with their municipalities; ImportFailed naming every bad line."""
    rows = read_table(data, columns, optional)
    areas, duplicates, today = Areas(), DuplicateCheck(), timezone.localdate()
    errors: list[LineError] = []
    parsed, municipalities = [], {}
    for row in rows:
        item = parse_row(row, today)
        if isinstance(item, list):
            errors.extend(item)
            continue
        municipality = areas.lookup(item.code, row.line, errors)
        if municipality is None:
            areas.not_a_municipality(item.code, row.line, errors)
            continue
        if not duplicates.check(key(item), row.line, errors, label(item)):
            continue
        municipalities[item.line] = municipality
        parsed.append(item)
    fail_if(errors)
    return parsed, municipalities, len(rows)


def _save(model, found, values: dict, user, result: ImportResult) -> None:
    """Create, update (a new version) or leave the record as it is."""
    if found is None:
        model.objects.create(**values, recorded_by=user)
        result.created += 1
    elif all(
        getattr(found, name) == value for name, value in values.items() if name != "municipality"
    ):  # the municipality is part of the key that found it
        result.unchanged += 1
    else:
        for name, value in values.items():
            setattr(found, name, value)
        found.version += 1
        found.save()
        result.updated += 1


def import_press(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    parsed, municipalities, read = _parse(
        data,
        PRESS_COLUMNS,
        PRESS_OPTIONAL,
        parse_press_row,
        key=lambda item: (item.code, *press_key(item.published_on, item.medium)),
        label=lambda item: (
            _("Kritik i %(medium)s af kommunen %(code)s den %(date)s")
            % {"medium": item.medium, "code": item.code, "date": f"{item.published_on:%d-%m-%Y}"}
        ),
    )
    result = ImportResult(source=None, rows_read=read)
    with transaction.atomic():
        stored = {}
        for press in PressCriticism.objects.filter(
            municipality__in={m.pk for m in municipalities.values()}
        ).order_by("pk"):
            key = (press.municipality_id, *press_key(press.published_on, press.medium))
            stored.setdefault(key, press)
        for index, item in enumerate(parsed, start=1):
            municipality = municipalities[item.line]
            found = stored.get((municipality.pk, *press_key(item.published_on, item.medium)))
            values = {
                "municipality": municipality,
                "published_on": item.published_on,
                "medium": item.medium,
                "url": item.url,
                "summary": item.summary,
            }
            _save(PressCriticism, found, values, user, result)
            if progress:
                progress(index, len(parsed))
    return result


def import_ministerial_requests(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    parsed, municipalities, read = _parse(
        data,
        MINISTERIAL_COLUMNS,
        MINISTERIAL_OPTIONAL,
        parse_ministerial_row,
        key=lambda item: (item.code, request_key(item.reference)),
        label=lambda item: (
            _("Referencen %(reference)s for kommunen %(code)s")
            % {"reference": item.reference, "code": item.code}
        ),
    )
    result = ImportResult(source=None, rows_read=read)
    with transaction.atomic():
        stored = {}
        for request in MinisterialRequest.objects.filter(
            municipality__in={m.pk for m in municipalities.values()}
        ).order_by("pk"):
            stored.setdefault((request.municipality_id, request_key(request.reference)), request)
        for index, item in enumerate(parsed, start=1):
            municipality = municipalities[item.line]
            found = stored.get((municipality.pk, request_key(item.reference)))
            values = {
                "municipality": municipality,
                "received_on": item.received_on,
                "reference": item.reference,
                "status": item.status,
                "note": item.note,
            }
            _save(MinisterialRequest, found, values, user, result)
            if progress:
                progress(index, len(parsed))
    return result
