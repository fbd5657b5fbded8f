"""Who may do what: plain predicates shared by views, templates and the API.

Each takes the user (possibly anonymous) first and answers True or False; none touches
the request. Templates reach them through the ``can`` filter in core's template tags.
"""

from __future__ import annotations

from .models import BOARD_ROLES, Role


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_board_staff(user) -> bool:
    return _active(user) and user.role in BOARD_ROLES and user.organisation.is_board


def is_applicant(user) -> bool:
    return _active(user) and user.role == Role.APPLICANT and not user.organisation.is_board


def can_view_organisation(user, organisation) -> bool:
    """Staff see every organisation; an applicant only their own."""
    if is_board_staff(user):
        return True
    return is_applicant(user) and user.organisation_id == organisation.pk


def can_view_organisation_register(user) -> bool:
    """The lists of all municipalities and placement sites are the Board's working tools."""
    return is_board_staff(user)


def can_view_audit_trail(user) -> bool:
    return is_board_staff(user) and user.role in {Role.MANAGER, Role.ADMINISTRATOR}


def can_use_admin_site(user) -> bool:
    return is_board_staff(user) and user.role == Role.ADMINISTRATOR
