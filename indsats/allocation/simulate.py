"""What-if allocation from a JSON file (C5): JSON in, plan out, no database, no cases touched.

The input is the shape staff write by hand (issue #8)::

    {"offer": "O1", "capacity": 3,
     "weights": {"motivation": 1, "delimited": 1, "backing": 1, "no_prior_help": 1},
     "applications": [
       {"ref": "A", "complete_at": "2027-01-10T10:00:00+01:00",
        "conditions": {"chef_decision": true, "resources": true},
        "criteria": {"motivation": true, "delimited": true, "backing": true}},
       {"ref": "S1", "complete_at": "2027-02-01T09:00:00+01:00", "employees": 12,
        "group": "G1", "conditions": {"management_decision": true, "staff_resources": true}}]}

Optional keys beyond that: ``small_site_threshold``, ``consultant_hours`` (hours per
consultant), ``hours_per_programme``, ``moves`` (``[{"ref", "to_position", "reason"}]``) and,
per application, ``manager_rank``. Criteria and conditions absent count as not met. Every
problem is a ``SimulationInputError`` naming the application by its ref, or by its number
in the list when it has none.
"""

from __future__ import annotations

import json
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .rules import (
    ALL_CONDITIONS,
    O1_CRITERIA,
    AllocationInputError,
    Candidate,
    Move,
    Plan,
    Policy,
    allocate,
)

TOP_LEVEL_KEYS = {
    "offer",
    "capacity",
    "weights",
    "applications",
    "small_site_threshold",
    "consultant_hours",
    "hours_per_programme",
    "moves",
}
APPLICATION_KEYS = {
    "ref",
    "complete_at",
    "conditions",
    "criteria",
    "employees",
    "group",
    "manager_rank",
}


class SimulationInputError(AllocationInputError):
    """The simulation file cannot be used; the message says where and why."""


def simulate(text: str) -> Plan:
    """The plan for the JSON text."""
    policy, candidates, moves = parse(text)
    return allocate(policy, candidates, moves)


def parse(text: str) -> tuple[Policy, list[Candidate], list[Move]]:
    """Read and check the JSON text; raise SimulationInputError on the first problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SimulationInputError(
            _("Filen er ikke gyldig JSON (linje %(line)s, kolonne %(column)s): %(problem)s.")
            % {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
        ) from None
    if not isinstance(data, dict):
        raise SimulationInputError(
            _("Filen skal indeholde ét JSON-objekt med tilbud og ansøgninger.")
        )
    _no_unknown_keys(data, TOP_LEVEL_KEYS, _("Filen"))
    policy = _policy(data)
    applications = data.get("applications")
    if not isinstance(applications, list):
        raise SimulationInputError(_("»applications« skal være en liste af ansøgninger."))
    candidates = [_candidate(item, index) for index, item in enumerate(applications, 1)]
    seen = set()
    for candidate in candidates:
        if candidate.ref in seen:
            raise SimulationInputError(
                _("Ansøgning %(ref)s er med mere end én gang.") % {"ref": candidate.ref},
                candidate.ref,
            )
        seen.add(candidate.ref)
    return policy, candidates, _moves(data.get("moves", []))


def _no_unknown_keys(data: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise SimulationInputError(
            _("%(where)s: ukendt felt »%(key)s«; tilladte felter er %(allowed)s.")
            % {"where": where, "key": unknown[0], "allowed": ", ".join(sorted(allowed))}
        )


def _policy(data: dict) -> Policy:
    offer = data.get("offer")
    if offer not in ("O1", "O2", "O3", "O4"):
        raise SimulationInputError(
            _("Ukendt tilbud %(offer)s; »offer« skal være O1, O2, O3 eller O4.")
            % {"offer": json.dumps(offer, ensure_ascii=False)}
        )
    capacity = data.get("capacity")
    if not _is_count(capacity):
        raise SimulationInputError(_("»capacity« skal være et helt tal, 0 eller mere."))
    fields = {"offer": offer, "capacity": capacity}
    if data.get("weights") is not None:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise SimulationInputError(
                _("»weights« skal være et objekt med en vægt pr. kriterium.")
            )
        fields["weights"] = weights
    if data.get("small_site_threshold") is not None:
        fields["small_site_threshold"] = data["small_site_threshold"]
    if data.get("consultant_hours") is not None:
        if not isinstance(data["consultant_hours"], dict):
            raise SimulationInputError(
                _("»consultant_hours« skal være et objekt med ledige timer pr. konsulent.")
            )
        fields["consultant_hours"] = data["consultant_hours"]
    if data.get("hours_per_programme") is not None:
        fields["hours_per_programme"] = data["hours_per_programme"]
    try:
        return Policy(**fields)
    except AllocationInputError as exc:
        raise SimulationInputError(str(exc)) from None


def _is_count(value, minimum: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _candidate(item, index: int) -> Candidate:
    ref = item.get("ref") if isinstance(item, dict) else None
    if isinstance(ref, str) and ref.strip():
        name = _("Ansøgning %(ref)s") % {"ref": ref}
    else:
        name = _("Ansøgning nr. %(index)s i listen") % {"index": index}

    def fail(problem: str):
        raise SimulationInputError(
            _("%(name)s: %(problem)s") % {"name": name, "problem": problem}, ref
        )

    if not isinstance(item, dict):
        fail(_("skal være et JSON-objekt."))
    if ref is None:
        fail(_("mangler »ref« (referencenummeret)."))
    if not isinstance(ref, str) or not ref.strip():
        fail(_("»ref« skal være en tekst, der ikke er tom."))
    unknown = sorted(set(item) - APPLICATION_KEYS)
    if unknown:
        fail(_("ukendt felt »%(key)s«.") % {"key": unknown[0]})
    complete_at = _timestamp(item.get("complete_at"), fail)
    conditions = _flags(item.get("conditions"), "conditions", ALL_CONDITIONS, fail)
    criteria = _flags(item.get("criteria"), "criteria", set(O1_CRITERIA), fail)
    employees = item.get("employees")
    if employees is not None and not _is_count(employees):
        fail(_("»employees« skal være et helt tal, 0 eller mere."))
    group = item.get("group")
    if group is not None and (not isinstance(group, str) or not group.strip()):
        fail(_("»group« skal være en tekst, der ikke er tom."))
    rank = item.get("manager_rank")
    if rank is not None and not _is_count(rank, 1):
        fail(_("»manager_rank« skal være et helt tal, 1 eller mere."))
    return Candidate(
        ref=ref,
        complete_at=complete_at,
        conditions=conditions,
        criteria=criteria,
        employees=employees,
        group=group,
        manager_rank=rank,
    )


def _timestamp(value, fail) -> datetime:
    if value is None:
        fail(_("mangler »complete_at« (hvornår ansøgningen blev komplet)."))
    if not isinstance(value, str):
        fail(_("»complete_at« skal være et tidspunkt som tekst, fx 2027-01-10T10:00:00+01:00."))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail(
            _("»complete_at« %(value)s er ikke et tidspunkt; skriv fx 2027-01-10T10:00:00+01:00.")
            % {"value": json.dumps(value, ensure_ascii=False)}
        )
    if moment.utcoffset() is None:
        fail(
            _("»complete_at« %(value)s mangler tidszone; skriv fx 2027-01-10T10:00:00+01:00.")
            % {"value": json.dumps(value, ensure_ascii=False)}
        )
    return moment


def _flags(value, key: str, known, fail) -> dict[str, bool]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail(_("»%(key)s« skal være et objekt med navn og true/false.") % {"key": key})
    for name, flag in value.items():
        if name not in known:
            fail(
                _("»%(key)s« har det ukendte navn »%(name)s«; kendte navne er %(known)s.")
                % {"key": key, "name": name, "known": ", ".join(sorted(known))}
            )
        if not isinstance(flag, bool):
            fail(_("»%(key)s« »%(name)s« skal være true eller false.") % {"key": key, "name": name})
    return dict(value)


def _moves(value) -> list[Move]:
    if not isinstance(value, list):
        raise SimulationInputError(_("»moves« skal være en liste af flytninger."))
    moves = []
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != {"ref", "to_position", "reason"}:
            raise SimulationInputError(
                _("Flytning nr. %(index)s skal have netop »ref«, »to_position« og »reason«.")
                % {"index": index}
            )
        if not isinstance(item["ref"], str):
            raise SimulationInputError(
                _("Flytning nr. %(index)s: »ref« skal være en tekst.") % {"index": index}
            )
        try:
            moves.append(Move(item["ref"], item["to_position"], item["reason"]))
        except AllocationInputError as exc:
            raise SimulationInputError(str(exc), item["ref"]) from None
    return moves


def plan_to_dict(plan: Plan) -> dict:
    """The plan as JSON data: {"plan": [{"ref", "outcome", "position", "unit", "reasons"…}]}."""
    return {
        "offer": plan.offer,
        "capacity": plan.capacity,
        "waiting_count": plan.waiting_count,
        "plan": [
            {
                "ref": placement.ref,
                "outcome": placement.outcome,
                "position": placement.position,
                "waiting_number": placement.waiting_number,
                "unit": list(placement.unit),
                "reasons": list(placement.reasons),
                "score": placement.score,
                "consultant": placement.consultant,
            }
            for placement in plan.placements
        ],
    }


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def plan_to_table(plan: Plan) -> str:
    """The plan as a table for the terminal: one row per application, its reasons below."""
    outcome_labels = {
        "granted": pgettext("fordelingstabel", "tildelt"),
        "waiting": pgettext("fordelingstabel", "venteliste"),
        "refused": pgettext("fordelingstabel", "afvist"),
    }
    header = (
        pgettext("fordelingstabel", "Nr."),
        pgettext("fordelingstabel", "Ansøgning"),
        pgettext("fordelingstabel", "Udfald"),
        pgettext("fordelingstabel", "Venteliste"),
        pgettext("fordelingstabel", "Fælles med"),
    )
    rows = []
    for placement in plan.placements:
        waiting = ""
        if placement.waiting_number is not None:
            waiting = pgettext("fordelingstabel", "%(number)s af %(count)s") % {
                "number": placement.waiting_number,
                "count": plan.waiting_count,
            }
        rows.append(
            (
                "" if placement.position is None else str(placement.position),
                placement.ref,
                outcome_labels[placement.outcome],
                waiting,
                ", ".join(placement.unit) if len(placement.unit) > 1 else "",
            )
        )
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = [
        _("Tilbud %(offer)s, kapacitet %(capacity)s forløb, %(waiting)s på ventelisten.")
        % {"offer": plan.offer, "capacity": plan.capacity, "waiting": plan.waiting_count},
        "",
        _row(header, widths),
        _row(tuple("-" * width for width in widths), widths),
    ]
    for row, placement in zip(rows, plan.placements, strict=True):
        lines.append(_row(row, widths))
        lines.extend(f"    – {reason}" for reason in placement.reasons)
    return "\n".join(lines) + "\n"


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
