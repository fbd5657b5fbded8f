"""Recording who looked (C12): a staff member's opening of a case, a programme or a
municipality's screening page goes into the read log (``ReadLogEntry``), one insert each.

Views (and the API's ``GET /applications/{id}`` and ``GET /programmes/{id}``) call
``record_read`` once they know the object and are about to show it; only a GET by Board
staff is recorded (applicants see their own records only, and a POST is an
action, recorded in the audit trail when it changes something).
"""

from __future__ import annotations

from indsats.accounts import permissions

from .models import ReadKind, ReadLogEntry

__all__ = [
    "ReadKind",
    "case_label",
    "person_label",
    "programme_label",
    "record_read",
    "screening_label",
]


def person_label(user) -> str:
    """'Anne Holm <anne@styrelsen.dk>': who, as the person was named when they looked."""
    name = (user.full_name or "").strip()
    return f"{name} <{user.email}>" if name else user.email


def record_read(request, kind: ReadKind, object_id, label, user=None) -> ReadLogEntry | None:
    """Record that ``request.user`` (or ``user``: the API's token holder) opened the
    ``kind`` record ``object_id`` (``label`` names it for a person reading the log); None
    when nothing is recorded."""
    user = user if user is not None else request.user
    if request.method != "GET" or not permissions.is_board_staff(user):
        return None
    label_field = ReadLogEntry._meta.get_field("label")
    return ReadLogEntry.objects.create(
        user=user,
        user_label=person_label(user)[: ReadLogEntry._meta.get_field("user_label").max_length],
        kind=kind,
        object_id=str(object_id),
        label=str(label)[: label_field.max_length],
    )


def case_label(application) -> str:
    """'ANS-2026-0001, Aarhus Kommune' (reference and applicant)."""
    return f"{application}, {application.organisation.name}"


def programme_label(programme) -> str:
    """'OK-2026-0001 Rådgivningsforløb i Aarhus, Aarhus Kommune'."""
    return f"{programme}, {programme.organisation.name}"


def screening_label(municipality) -> str:
    """'Aarhus Kommune (751)'."""
    return f"{municipality} ({municipality.code})"
