"""Whether the screening's inputs are there at all (#9, C7): an input missing for most
municipalities is a gap in the data, not 98 municipalities that happen to lack a figure.

Pure: no ORM, no request. ``inputs_missing_for_most`` takes the core's inputs and says
which inputs are missing for more than their share of the municipalities; ``describe``
says it in a sentence, the same on the screening page, in a saved run and from the
``screening`` command. A typical cause is named: UND3's reason codes in the imported data
that do not match the codes the settings count for the year.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .parameters import sorted_codes
from .rules import MunicipalityInput

NOTIFICATIONS = "notifications"
CHILDREN = "children"
BOERNEHUS_CASES = "boernehus_cases"
PLANS = "plans"
INPUTS = (NOTIFICATIONS, CHILDREN, BOERNEHUS_CASES, PLANS)

# "Most" per input: an input missing for more than this share of the municipalities is
# taken to be missing as a whole. Statistics Denmark's tables and the children's houses'
# figures cover every municipality once imported (bar a few suppressed small numbers), so
# more than half missing means the import is missing or does not match; preparedness plans
# are recorded by staff one by one, and until half of them are, F1 and F2 say little.
MOST_MISSING_SHARE: Mapping[str, Decimal] = {
    NOTIFICATIONS: Decimal("0.5"),
    CHILDREN: Decimal("0.5"),
    BOERNEHUS_CASES: Decimal("0.5"),
    PLANS: Decimal("0.5"),
}


@dataclass(frozen=True)
class MissingInput:
    """An input missing for ``missing`` of ``total`` municipalities; for notifications,
    the reason codes the settings count and those imported, when they do not match."""

    name: str
    missing: int
    total: int
    expected_codes: tuple[str, ...] | None = None  # None: no period covers the year
    imported_codes: tuple[str, ...] = ()

    @property
    def codes_do_not_match(self) -> bool:
        return (
            self.name == NOTIFICATIONS
            and bool(self.imported_codes)
            and (
                self.expected_codes is None
                or not set(self.expected_codes) <= set(self.imported_codes)
            )
        )

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "missing": self.missing,
            "total": self.total,
            "expected_codes": None if self.expected_codes is None else list(self.expected_codes),
            "imported_codes": list(self.imported_codes),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> MissingInput:
        expected = data.get("expected_codes")
        return cls(
            name=data["name"],
            missing=int(data["missing"]),
            total=int(data["total"]),
            expected_codes=None if expected is None else tuple(expected),
            imported_codes=tuple(data.get("imported_codes", ())),
        )


def is_most(missing: int, total: int, share: Decimal) -> bool:
    """Whether ``missing`` of ``total`` is more than ``share`` of them."""
    if total <= 0:
        return False
    return Decimal(missing) > share * total


def missing_counts(inputs: Sequence[MunicipalityInput]) -> dict[str, int]:
    """For each input, the number of municipalities without it."""
    return {
        NOTIFICATIONS: sum(1 for item in inputs if item.notifications is None),
        CHILDREN: sum(1 for item in inputs if item.children is None),
        BOERNEHUS_CASES: sum(1 for item in inputs if item.boernehus_cases is None),
        PLANS: sum(1 for item in inputs if item.plan is None),
    }


def inputs_missing_for_most(
    inputs: Sequence[MunicipalityInput],
    *,
    expected_codes: Collection[str] | None = None,
    imported_codes: Collection[str] = (),
    shares: Mapping[str, Decimal] = MOST_MISSING_SHARE,
) -> tuple[MissingInput, ...]:
    """The inputs missing for more than their share of the municipalities, in INPUTS order.

    ``expected_codes`` are the UND3 reason codes the settings count for the year (None:
    no period covers it), ``imported_codes`` those in the imported figures for the year.
    """
    counts = missing_counts(inputs)
    total = len(inputs)
    gaps = []
    for name in INPUTS:
        if not is_most(counts[name], total, shares[name]):
            continue
        if name == NOTIFICATIONS:
            gaps.append(
                MissingInput(
                    name,
                    counts[name],
                    total,
                    None if expected_codes is None else sorted_codes(expected_codes),
                    sorted_codes(imported_codes),
                )
            )
        else:
            gaps.append(MissingInput(name, counts[name], total))
    return tuple(gaps)


def _label(name: str) -> str:
    labels = {
        NOTIFICATIONS: _("Underretninger om vold og seksuelle overgreb (UND3 efter årsag)"),
        CHILDREN: _("Antal børn 0–17 år (FOLK1A)"),
        BOERNEHUS_CASES: _("Børnehussager"),
        PLANS: _("Kommunernes beredskaber"),
    }
    return str(labels[name])


def describe(gap: MissingInput, year: int) -> str:
    """The gap in one or two plain sentences, with what to do about it."""
    sentence = _(
        "%(input)s mangler for %(missing)s af %(total)s kommuner i %(year)s, så de faktorer, "
        "der bygger på dem, står som »mangler data« for de fleste kommuner."
    ) % {"input": _label(gap.name), "missing": gap.missing, "total": gap.total, "year": year}
    if gap.name == NOTIFICATIONS and gap.codes_do_not_match:
        if gap.expected_codes is None:
            advice = _(
                "Indstillingerne har ingen årsagskoder for %(year)s; de importerede koder er "
                "%(imported)s. Tilføj en periode under Indstillinger for screeningen."
            ) % {"year": year, "imported": ", ".join(gap.imported_codes)}
        else:
            advice = _(
                "De importerede årsagskoder (%(imported)s) passer ikke med dem, indstillingerne "
                "tæller for %(year)s (%(expected)s). Vælg koderne under Indstillinger for "
                "screeningen."
            ) % {
                "imported": ", ".join(gap.imported_codes),
                "year": year,
                "expected": ", ".join(gap.expected_codes),
            }
    elif gap.name == PLANS:
        advice = _("Registrér eller importér kommunernes beredskaber.")
    else:
        advice = _("Importér tallene for året under Importér data.")
    return f"{sentence} {advice}"
