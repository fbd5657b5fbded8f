"""Who to name in a municipality (#9): the contact person for an outreach case and the
recipient line of a letter. ``first_contact`` and ``attention_line`` choose among contacts
already loaded; ``letter_recipient_lines`` reads them. No request."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from .models import ContactRole, MunicipalContact

# Who a letter or an outreach case names first, when the municipality has several.
ROLE_ORDER = (
    ContactRole.COLLABORATION,
    ContactRole.PLAN_OWNER,
    ContactRole.CHILDREN_MANAGER,
    ContactRole.OTHER,
)


def first_contact(
    contacts: Iterable[MunicipalContact], order: Sequence[str] = ROLE_ORDER
) -> MunicipalContact | None:
    """The contact whose role comes first in ``order`` (by name within a role)."""
    ranked = sorted(
        contacts,
        key=lambda contact: (
            order.index(contact.role) if contact.role in order else len(order),
            contact.name,
            contact.pk or 0,
        ),
    )
    return ranked[0] if ranked else None


def attention_line(contact: MunicipalContact | None) -> str | None:
    """»Att.: Name, title« for a letter's recipient lines; None without a contact."""
    if contact is None:
        return None
    who = f"{contact.name}, {contact.title}" if contact.title else contact.name
    return _("Att.: %(who)s") % {"who": who}


def letter_recipient_lines(organisation, order: Sequence[str] = ROLE_ORDER) -> tuple[str, ...]:
    """The organisation's name, and for a municipality the contact a letter is for."""
    lines = [organisation.name]
    if getattr(organisation, "kind", None) == "municipality" and organisation.municipality_id:
        contact = first_contact(
            MunicipalContact.objects.filter(municipality_id=organisation.municipality_id), order
        )
        line = attention_line(contact)
        if line:
            lines.append(line)
    return tuple(lines)
