from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def recorded():
    """The bytes of a recorded sample file under tests/data, in the sources' own format."""

    def read(name: str) -> bytes:
        return (DATA / name).read_bytes()

    return read


@pytest.fixture
def add_statistics(db):
    """Save figures for ``year``: {code: (children, notifications, børnehus cases)}.

    Notifications are stored as UND3 would have them: all under the first reason code that
    counts that year, with 0 under the other counting codes and 50 under a code that does
    not count. Children go under the year's first quarter (FOLK1A).
    """
    from decimal import Decimal

    from indsats.organisations.models import Municipality
    from indsats.screening.importers.base import Figure, save_figures
    from indsats.screening.models import Measure, SourceKind
    from indsats.screening.parameters import (
        DEFAULT_REASON_CODES,
        parse_reason_periods,
        reason_codes_for,
    )

    def add(year: int, figures: dict, synthetic: bool = False):
        codes = sorted(reason_codes_for(parse_reason_periods(DEFAULT_REASON_CODES), year))
        rows = {kind: [] for kind in (SourceKind.FOLK1A, SourceKind.UND3, SourceKind.BOERNEHUS)}
        for code, (children, notifications, cases) in figures.items():
            municipality = Municipality.objects.get(code=code)

            def figure(measure, value, period=str(year), reason="", municipality=municipality):
                number = None if value is None else Decimal(value)
                return Figure(measure, municipality, year, period, reason, number, 2)

            rows[SourceKind.FOLK1A].append(figure(Measure.CHILDREN, children, f"{year}K1"))
            for index, reason in enumerate(codes):
                count = notifications if index == 0 else 0
                rows[SourceKind.UND3].append(
                    figure(Measure.NOTIFICATIONS_BY_REASON, count, reason=reason)
                )
            rows[SourceKind.UND3].append(figure(Measure.NOTIFICATIONS_BY_REASON, 50, reason="1"))
            rows[SourceKind.BOERNEHUS].append(figure(Measure.BOERNEHUS, cases))
        for kind, items in rows.items():
            save_figures(
                kind=kind,
                origin=f"test {kind} {year}",
                data=f"{kind}{year}{figures}",
                figures=items,
                rows_read=len(items),
                synthetic=synthetic,
            )

    return add
