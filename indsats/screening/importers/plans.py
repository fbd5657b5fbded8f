"""Preparedness plans (beredskaber) and comparison groups from ``;``-separated files.

    kommunekode;godkendt;revideret;offentliggjort;url
    101;2019-05-02;2023-04-27;ja;https://www.kk.dk/beredskab

An empty date means no such decision. Comparison groups come one pair per line, as KL's
and VIVE's published groups can be written; a municipality named in the file gets
exactly the members the file gives it:

    kommunekode;sammenligningskommune
    101;751
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import ComparisonGroup, DataSource, PreparednessPlan, SourceKind
from ..weblinks import parse_web_address
from .base import Areas, DuplicateCheck, ImportResult, Progress, fail_if, sha256
from .csvformat import LineError, parse_date, parse_yes_no, read_table

PLAN_COLUMNS = ("KOMMUNEKODE", "GODKENDT", "REVIDERET", "OFFENTLIGGJORT", "URL")
GROUP_COLUMNS = ("KOMMUNEKODE", "SAMMENLIGNINGSKOMMUNE")
URL_MAX = PreparednessPlan._meta.get_field("url").max_length


@dataclass(frozen=True)
class _PlanRow:
    municipality: object
    approved_on: object
    revised_on: object
    is_published: bool
    url: str


def _source(kind, origin, data, user, synthetic, rows_read, changed) -> DataSource:
    return DataSource.objects.create(
        kind=kind,
        origin=origin[:500],
        sha256=sha256(data),
        imported_by=user,
        synthetic=synthetic,
        rows_read=rows_read,
        rows_changed=changed,
    )


def import_plans(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    rows = read_table(data, PLAN_COLUMNS)
    areas, errors, duplicates, parsed = Areas(), [], DuplicateCheck(), []
    for row in rows:
        code = row.cells["KOMMUNEKODE"]
        try:
            approved = parse_date(row.cells["GODKENDT"])
            revised = parse_date(row.cells["REVIDERET"])
            published = parse_yes_no(row.cells["OFFENTLIGGJORT"])
        except ValueError as exc:
            errors.append(LineError(row.line, str(exc)))
            continue
        if revised and not approved:
            errors.append(LineError(row.line, _("et revideret beredskab skal også være godkendt.")))
            continue
        if approved and revised and revised < approved:
            errors.append(LineError(row.line, _("revisionen ligger før godkendelsen.")))
            continue
        label = _("Kommunen %(code)s") % {"code": code}
        if not duplicates.check((code,), row.line, errors, label):
            continue
        municipality = areas.lookup(code, row.line, errors)
        if municipality is None:
            areas.not_a_municipality(code, row.line, errors)
            continue
        # The edit form's rules (PlanForm): http(s) only, and a published plan's address.
        try:
            url = parse_web_address(row.cells["URL"], URL_MAX)
        except ValueError as exc:
            errors.append(LineError(row.line, str(exc)))
            continue
        if published and not url:
            errors.append(
                LineError(row.line, _("skriv adressen, hvor beredskabet er offentliggjort."))
            )
            continue
        parsed.append(_PlanRow(municipality, approved, revised, published, url))
    fail_if(errors)
    result = ImportResult(source=None, rows_read=len(rows))
    with transaction.atomic():
        stored = {plan.municipality_id: plan for plan in PreparednessPlan.objects.all()}
        source = None
        for index, item in enumerate(parsed, start=1):
            plan = stored.get(item.municipality.pk) or PreparednessPlan(
                municipality=item.municipality
            )
            values = {
                "approved_on": item.approved_on,
                "revised_on": item.revised_on,
                "is_published": item.is_published,
                "url": item.url,
            }
            if plan.pk and all(getattr(plan, k) == v for k, v in values.items()):
                result.unchanged += 1
                continue
            if source is None:
                source = _source(SourceKind.PLANS, origin, data, user, synthetic, len(rows), 0)
            if plan.pk:
                result.updated += 1
                plan.version += 1
            else:
                result.created += 1
            for name, value in values.items():
                setattr(plan, name, value)
            plan.source = source
            plan.save()
            if progress:
                progress(index, len(parsed))
        if source is not None:
            source.rows_changed = result.changed
            source.save(update_fields=["rows_changed"])
        result.source = source
    return result


def import_comparison_groups(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    rows = read_table(data, GROUP_COLUMNS)
    areas, errors, duplicates = Areas(), [], DuplicateCheck()
    groups: dict[object, set] = defaultdict(set)
    for row in rows:
        code, other = row.cells["KOMMUNEKODE"], row.cells["SAMMENLIGNINGSKOMMUNE"]
        label = _("Parret %(code)s og %(other)s") % {"code": code, "other": other}
        if not duplicates.check((code, other), row.line, errors, label):
            continue
        municipality = areas.lookup(code, row.line, errors)
        member = areas.lookup(other, row.line, errors)
        for checked, value in ((municipality, code), (member, other)):
            if checked is None:
                areas.not_a_municipality(value, row.line, errors)
        if municipality is not None and member is not None:
            if municipality == member:
                errors.append(
                    LineError(
                        row.line,
                        _(
                            "kommune %(code)s er parret med sig selv, men en kommune indgår "
                            "aldrig i sin egen sammenligningsgruppe. Slet linjen."
                        )
                        % {"code": code},
                    )
                )
                continue
            groups[municipality].add(member)
    fail_if(errors)
    result = ImportResult(source=None, rows_read=len(rows))
    with transaction.atomic():
        source = None
        for index, (municipality, members) in enumerate(groups.items(), start=1):
            group = ComparisonGroup.objects.filter(municipality=municipality).first()
            if group is not None and set(group.members.all()) == members:
                result.unchanged += 1
                continue
            if source is None:
                source = _source(
                    SourceKind.COMPARISON_GROUPS, origin, data, user, synthetic, len(rows), 0
                )
            if group is None:
                group = ComparisonGroup.objects.create(municipality=municipality, source=source)
                result.created += 1
            else:
                group.source = source
                group.version += 1
                group.save()
                result.updated += 1
            group.members.set(members)
            if progress:
                progress(index, len(groups))
        if source is not None:
            source.rows_changed = result.changed
            source.save(update_fields=["rows_changed"])
        result.source = source
    return result
