"""The "Sikkerhed" link in the user box: for the Board's staff, once signed in fully (C12)."""

from django import template

from indsats.accounts import permissions
from indsats.accounts.twofactor import services

register = template.Library()


@register.simple_tag(takes_context=True)
def shows_security_link(context) -> bool:
    request = context.get("request")
    if request is None:
        return False
    return permissions.is_board_staff(request.user) and not services.needs_second_factor(request)


@register.simple_tag(takes_context=True)
def can_reset_two_factor(context, target) -> bool:
    request = context.get("request")
    return request is not None and permissions.can_reset_two_factor(request.user, target)
