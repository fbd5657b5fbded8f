"""Two-factor events in the audit trail in words (C10, C12), built when the trail is read,
so in the reader's language: "Bente Sagsen satte en ny godkendelsesapp op", "Bente Sagsen
loggede ind med en reservekode (9 tilbage)". Nothing here holds a secret, key or code: the
records audited hold none (``models``)."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indsats.audit.describe import recorded_value

from .models import SecurityEventKind


def security_event_sentence(entry: LogEntry, actor: str) -> str | None:
    if entry.action != LogEntry.Action.CREATE:
        return None
    kind = recorded_value(entry, "kind")
    name = entry.object_repr  # the person, as named when it happened
    if kind == SecurityEventKind.APP_SET_UP:
        return _("%(name)s satte en ny godkendelsesapp op") % {"name": name}
    if kind == SecurityEventKind.NEW_RECOVERY_CODES:
        return _("%(name)s lavede nye reservekoder") % {"name": name}
    if kind not in (
        SecurityEventKind.SIGNED_IN_WITH_RECOVERY_CODE,
        SecurityEventKind.CONFIRMED_WITH_RECOVERY_CODE,
    ):
        return None
    left = recorded_value(entry, "codes_left")
    if left is None or not left.isdigit():
        return None
    if kind == SecurityEventKind.SIGNED_IN_WITH_RECOVERY_CODE:
        text = ngettext(
            "%(name)s loggede ind med en reservekode (%(count)d tilbage)",
            "%(name)s loggede ind med en reservekode (%(count)d tilbage)",
            int(left),
        )
    else:
        text = ngettext(
            "%(name)s bekræftede et skift af godkendelsesapp med en reservekode "
            "(%(count)d tilbage)",
            "%(name)s bekræftede et skift af godkendelsesapp med en reservekode "
            "(%(count)d tilbage)",
            int(left),
        )
    return text % {"name": name, "count": int(left)}


def reset_sentence(entry: LogEntry, actor: str) -> str | None:
    """'Anne Holm nulstillede totrinsbekræftelsen for Bente Sagsen. Begrundelse: Mistet
    telefon' (the reason as the administrator wrote it)."""
    reason = recorded_value(entry, "reason")
    if entry.action != LogEntry.Action.CREATE or reason is None:
        return None
    name = entry.object_repr
    if name.endswith(f": {reason}"):
        # Earlier resets recorded "name – begrundelse: reason", in the language of that
        # request; the name is the part before.
        name = name.removesuffix(f": {reason}").rpartition(" – ")[0] or name
    return _("%(actor)s nulstillede totrinsbekræftelsen for %(name)s. Begrundelse: %(reason)s") % {
        "actor": actor,
        "name": name,
        "reason": reason,
    }
