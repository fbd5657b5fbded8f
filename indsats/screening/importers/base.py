"""What every importer shares: municipality codes, duplicate checks, and saving figures
all-or-nothing and idempotently, each with its source and import time."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indsats.organisations.models import Municipality, Region

from ..models import DataSource, StatisticValue
from .csvformat import ImportFailed, LineError

Progress = Callable[[int, int], None]  # (done, total)

# Statistics Denmark's area codes that are not one of the 98 municipalities: the whole
# country, the five regions (081–085), the eleven landsdele (01–11) and Christiansø.
COUNTRY_CODE = "000"
CHRISTIANSOE_CODE = "411"


@dataclass
class ImportResult:
    source: DataSource | None
    rows_read: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows for the country, regions and the like
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        # Each count agrees with its own number (»1 ny, 2 ændrede«), not with the rows read.
        counts = ", ".join(
            [
                ngettext("%(count)s ny", "%(count)s nye", self.created) % {"count": self.created},
                ngettext("%(count)s ændret", "%(count)s ændrede", self.updated)
                % {"count": self.updated},
                ngettext("%(count)s uændret", "%(count)s uændrede", self.unchanged)
                % {"count": self.unchanged},
            ]
        )
        text = ngettext(
            "%(read)s række læst: %(counts)s, %(skipped)s sprunget over (landstal, regioner o.l.).",
            "%(read)s rækker læst: %(counts)s, %(skipped)s sprunget over (landstal, regioner "
            "o.l.).",
            self.rows_read,
        ) % {"read": self.rows_read, "counts": counts, "skipped": self.skipped}
        if not self.changed:
            text += " " + _("Intet er ændret: filen var allerede importeret.")
        return text


class Areas:
    """Looks area codes up: a municipality, an area to skip, or an error for the line."""

    def __init__(self):
        self.municipalities = {m.code: m for m in Municipality.objects.select_related("region")}
        self.skipped = {COUNTRY_CODE, CHRISTIANSOE_CODE}
        self.skipped |= {region.code[-3:] for region in Region.objects.all()}
        self.skipped |= {f"{number:02d}" for number in range(1, 12)}

    def lookup(self, code: str, line: int, errors: list[LineError]) -> Municipality | None:
        """The municipality; None for a code to skip or, with an error added, an unknown one."""
        code = code.strip()
        if code in self.municipalities:
            return self.municipalities[code]
        if code not in self.skipped:
            errors.append(LineError(line, _("ukendt kommunekode »%(code)s«.") % {"code": code}))
        return None

    def is_skipped(self, code: str) -> bool:
        return code.strip() in self.skipped

    def not_a_municipality(self, code: str, line: int, errors: list[LineError]) -> None:
        """Where a municipality is required: an error for a code ``lookup`` skips."""
        if self.is_skipped(code):
            errors.append(LineError(line, _("»%(code)s« er ikke en kommune.") % {"code": code}))


class DuplicateCheck:
    """Remembers the line of each key and reports a key seen twice, naming both lines."""

    def __init__(self):
        self.seen: dict[tuple, int] = {}

    def check(self, key: tuple, line: int, errors: list[LineError], label: str) -> bool:
        if key in self.seen:
            errors.append(
                LineError(
                    line,
                    _("%(what)s står allerede i linje %(first)s (dobbelt række).")
                    % {"what": label, "first": self.seen[key]},
                )
            )
            return False
        self.seen[key] = line
        return True


@dataclass(frozen=True)
class Figure:
    measure: str
    municipality: Municipality
    year: int
    period: str
    reason: str
    value: Decimal | None
    line: int

    @property
    def key(self) -> tuple:
        return (self.measure, self.municipality.pk, self.period, self.reason)


def sha256(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def _same(stored: Decimal | None, new: Decimal | None) -> bool:
    if stored is None or new is None:
        return stored is None and new is None
    return Decimal(stored) == new


def save_figures(
    *,
    kind: str,
    origin: str,
    data: bytes | str,
    figures: Iterable[Figure],
    rows_read: int,
    skipped: int = 0,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Save the figures in one transaction; a figure already stored with the same value is
    left as it is (with its earlier source), so importing a file twice changes nothing."""
    figures = list(figures)
    result = ImportResult(source=None, rows_read=rows_read, skipped=skipped)
    with transaction.atomic():
        measures = {figure.measure for figure in figures}
        periods = {figure.period for figure in figures}
        stored = {
            (value.measure, value.municipality_id, value.period, value.reason): value
            for value in StatisticValue.objects.filter(measure__in=measures, period__in=periods)
        }
        new, changed = [], []
        for figure in figures:
            existing = stored.get(figure.key)
            if existing is None:
                new.append(figure)
            elif _same(existing.value, figure.value):
                result.unchanged += 1
            else:
                changed.append((existing, figure))
        if not new and not changed:
            return result
        now = timezone.now()
        source = DataSource.objects.create(
            kind=kind,
            origin=origin[:500],
            sha256=sha256(data),
            imported_by=user,
            synthetic=synthetic,
            rows_read=rows_read,
            rows_changed=len(new) + len(changed),
        )
        total = len(new) + len(changed)
        objects = [
            StatisticValue(
                measure=f.measure,
                municipality=f.municipality,
                year=f.year,
                period=f.period,
                reason=f.reason,
                value=f.value,
                source=source,
                line=f.line,
                imported_at=now,
            )
            for f in new
        ]
        for start in range(0, len(objects), 500):
            StatisticValue.objects.bulk_create(objects[start : start + 500])
            if progress:
                progress(min(start + 500, len(objects)), total)
        for existing, figure in changed:
            existing.value = figure.value
            existing.source = source
            existing.line = figure.line
            existing.imported_at = now
        StatisticValue.objects.bulk_update(
            [existing for existing, _figure in changed],
            ["value", "source", "line", "imported_at"],
            batch_size=500,
        )
        if progress:
            progress(total, total)
        result.source = source
        result.created = len(new)
        result.updated = len(changed)
    return result


def fail_if(errors: list[LineError]) -> None:
    if errors:
        raise ImportFailed(errors)
