"""Synthetic statistics and records for all 98 municipalities, for the demo.

Every figure is made up, from a fixed seed, and stored with sources marked ``synthetic``,
so every page that shows them says so. Loading is idempotent: figures already there with
the same value are left alone, and records staff have changed are not overwritten.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from indsats.organisations.models import ContactRole, MunicipalContact, Municipality

from .importers.base import Figure, save_figures
from .models import (
    ComparisonGroup,
    DataSource,
    Measure,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    RequestStatus,
    ScreeningRun,
    SourceKind,
)
from .parameters import DEFAULT_REASON_CODES, parse_reason_periods, reason_codes_for

SEED = 20170112  # the date of seed 004
ORIGIN = "Syntetiske demodata (ikke rigtige tal)"
YEARS_BACK = 5
OTHER_REASONS = ("1", "2", "3")  # reasons that do not count as violence or sexual abuse
# Municipalities the demo makes stand out, so that every factor can be seen.
HIGH_NOTIFICATIONS = {"167", "461", "851", "657"}  # F5
LOW_BOERNEHUS = {"167", "760", "330"}  # F6
HIGH_BOERNEHUS_FEW_NOTIFICATIONS = {"540", "210"}  # F7
SUPPRESSED_BOERNEHUS = {"825", "741", "563"}  # small islands: ".." in the source
NO_PLAN = {"167", "480"}
UNPUBLISHED_PLAN = {"219"}
OLD_PLAN = {"461", "760", "851"}
PLAN_DUE_SOON = {"330"}
PRESS = {"167": 3, "461": 8, "657": 14, "101": 40}  # months ago
MINISTERIAL_OPEN = {"851": "2025-1234-17"}
MINISTERIAL_CLOSED = {"101": "2022-0456-03"}
# Fictitious contact persons (#9): "Demo" in every name, addresses under .test and phone
# numbers starting with 11, which no Danish subscriber number does.
CONTACTS = (
    ("Anne Demo Sørensen", "Chef for Børn og Familie", ContactRole.PLAN_OWNER, "beredskab"),
    ("Jonas Demo Madsen", "Faglig koordinator", ContactRole.COLLABORATION, "samarbejde"),
)
CONTACT_MUNICIPALITIES = ("101", "167", "461", "657", "751", "851")


def _contacts(by_code: dict[str, Municipality]) -> None:
    """Two fictitious contacts in each municipality the demo makes stand out."""
    for code in CONTACT_MUNICIPALITIES:
        municipality = by_code.get(code)
        if municipality is None or municipality.contacts.exists():
            continue
        for index, (name, title, role, mailbox) in enumerate(CONTACTS, start=1):
            MunicipalContact.objects.create(
                municipality=municipality,
                name=name,
                title=title,
                role=role,
                email=f"{mailbox}@kommune-{code}.test",
                phone=f"+45 11 0{index} 0{code[0]} {code[1:]}",
            )


def _source(kind: str) -> DataSource:
    return DataSource.objects.create(
        kind=kind, origin=ORIGIN, sha256="synthetic", synthetic=True, rows_read=0
    )


def _years(today: date) -> list[int]:
    return list(range(today.year - YEARS_BACK, today.year))


def _figures(municipalities, years) -> dict[str, list[Figure]]:
    rng = random.Random(SEED)  # noqa: S311 - made-up demo figures, not secrets
    periods = parse_reason_periods(DEFAULT_REASON_CODES)
    figures: dict[str, list[Figure]] = {kind: [] for kind in SourceKind.values}
    for municipality in municipalities:
        code = municipality.code
        children = int(rng.lognormvariate(9.3, 0.7)) + 1500
        notification_rate = rng.uniform(5.5, 9.5) * (1.8 if code in HIGH_NOTIFICATIONS else 1)
        notification_rate *= 0.5 if code in HIGH_BOERNEHUS_FEW_NOTIFICATIONS else 1
        boernehus_rate = rng.uniform(1.0, 1.6) * (0.4 if code in LOW_BOERNEHUS else 1)
        boernehus_rate *= 1.9 if code in HIGH_BOERNEHUS_FEW_NOTIFICATIONS else 1
        vulnerable = Decimal(str(round(rng.uniform(3.0, 8.0), 1)))
        for year in years:
            drift = 1 + (year - years[0]) * 0.03
            kids = int(children * rng.uniform(0.98, 1.02))

            def add(kind, measure, value, period=None, reason="", _m=municipality, _y=year):
                period = period or str(_y)
                figures[kind].append(Figure(measure, _m, _y, period, reason, value, 0))

            add(SourceKind.FOLK1A, Measure.CHILDREN, Decimal(kids), period=f"{year}K1")
            counted = round(kids * notification_rate * drift / 1000)
            add(
                SourceKind.UND1,
                Measure.NOTIFICATIONS,
                Decimal(counted * 7 + rng.randint(0, 40)),
            )
            codes = sorted(reason_codes_for(periods, year) or ())
            shares = [rng.random() + 0.2 for _ in codes]
            split = [int(counted * share / sum(shares)) for share in shares]
            split[0] += counted - sum(split)
            for reason, value in zip(codes, split, strict=True):
                add(SourceKind.UND3, Measure.NOTIFICATIONS_BY_REASON, Decimal(value), reason=reason)
            for reason in OTHER_REASONS:
                add(
                    SourceKind.UND3,
                    Measure.NOTIFICATIONS_BY_REASON,
                    Decimal(rng.randint(5, 400)),
                    reason=reason,
                )
            cases = None if code in SUPPRESSED_BOERNEHUS else round(kids * boernehus_rate / 1000)
            add(SourceKind.BOERNEHUS, Measure.BOERNEHUS, None if cases is None else Decimal(cases))
            add(SourceKind.VULNERABLE, Measure.VULNERABLE_PCT, vulnerable)
    for kind in figures:
        figures[kind] = [
            Figure(f.measure, f.municipality, f.year, f.period, f.reason, f.value, line)
            for line, f in enumerate(figures[kind], start=2)
        ]
    return figures


def _plans(municipalities, today: date) -> None:
    rng = random.Random(SEED + 1)  # noqa: S311 - made-up demo dates, not secrets
    source = None
    for municipality in municipalities:
        code = municipality.code
        approved = today - timedelta(days=rng.randint(5 * 365, 9 * 365))
        revised = today - timedelta(days=rng.randint(60, 3 * 365))
        if code in OLD_PLAN:
            revised = today - timedelta(days=4 * 365 + rng.randint(30, 400))
        if code in PLAN_DUE_SOON:
            revised = today - timedelta(days=4 * 365 - 30)
        if PreparednessPlan.objects.filter(municipality=municipality).exists():
            continue
        source = source or _source(SourceKind.PLANS)
        has_plan = code not in NO_PLAN
        PreparednessPlan.objects.create(
            municipality=municipality,
            approved_on=approved if has_plan else None,
            revised_on=revised if has_plan else None,
            is_published=has_plan and code not in UNPUBLISHED_PLAN,
            url=f"https://example.org/{code}/beredskab" if has_plan else "",
            source=source,
        )


def _groups(municipalities, figures) -> None:
    if ComparisonGroup.objects.exists():
        return
    children = {f.municipality.code: f.value for f in figures[SourceKind.FOLK1A]}
    source = _source(SourceKind.COMPARISON_GROUPS)
    for municipality in municipalities:
        own = children.get(municipality.code, Decimal(0))
        nearest = sorted(
            (m for m in municipalities if m.pk != municipality.pk),
            key=lambda m: (abs(children.get(m.code, Decimal(0)) - own), m.code),
        )[:6]
        group = ComparisonGroup.objects.create(municipality=municipality, source=source)
        group.members.set(nearest)


def _records(by_code, today: date) -> None:
    for code, months in PRESS.items():
        day = today - timedelta(days=months * 30)
        PressCriticism.objects.get_or_create(
            municipality=by_code[code],
            medium="Lokalavisen (syntetisk)",
            published_on=day,
            defaults={"summary": "Opdigtet omtale til demoen: kritik af sagsbehandlingen."},
        )
    for code, reference in MINISTERIAL_OPEN.items():
        MinisterialRequest.objects.get_or_create(
            municipality=by_code[code],
            reference=reference,
            defaults={"received_on": today - timedelta(days=45), "note": "Opdigtet til demoen."},
        )
    for code, reference in MINISTERIAL_CLOSED.items():
        MinisterialRequest.objects.get_or_create(
            municipality=by_code[code],
            reference=reference,
            defaults={
                "received_on": today - timedelta(days=900),
                "status": RequestStatus.CLOSED,
                "note": "Opdigtet til demoen.",
            },
        )


@transaction.atomic
def load_synthetic_statistics(today: date | None = None) -> None:
    """Synthetic figures and records for every municipality, and a first screening run."""
    today = today or timezone.localdate()
    municipalities = list(Municipality.objects.select_related("region").order_by("code"))
    years = _years(today)
    figures = _figures(municipalities, years)
    for kind, items in figures.items():
        if items:
            save_figures(
                kind=kind,
                origin=ORIGIN,
                data=f"synthetic {kind} {SEED}",
                figures=items,
                rows_read=len(items),
                synthetic=True,
            )
    _plans(municipalities, today)
    _groups(municipalities, figures)
    _records({m.code: m for m in municipalities}, today)
    _contacts({m.code: m for m in municipalities})
    if not ScreeningRun.objects.exists():
        from .services import current_parameters, run_screening

        run_screening(current_parameters(years[-1], as_of=today))
