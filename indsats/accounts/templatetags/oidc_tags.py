"""``{% oidc_enabled as name %}``: whether sign-in with MitID Erhverv is configured (C12)."""

from django import template

from indsats.accounts.oidc.provider import oidc_enabled as _oidc_enabled

register = template.Library()


@register.simple_tag
def oidc_enabled() -> bool:
    return _oidc_enabled()
