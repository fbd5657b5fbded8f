"""The web addresses the screening keeps (where a plan is published, a press article) and
links to: http and https only (C12). One validator for the edit forms, the importers and
the pages, so that a file cannot store what a form refuses, and a page never makes a link
of anything else (``javascript:``, ``data:``, ``ftp:``), even if it was stored before.

Pure: no ORM.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

WEB_SCHEMES = ("http", "https")

NOT_A_WEB_ADDRESS = gettext_lazy("Skriv en webadresse, der begynder med https:// eller http://.")
validate_web_address = URLValidator(schemes=list(WEB_SCHEMES), message=NOT_A_WEB_ADDRESS)


def is_web_address(value) -> bool:
    """Whether ``value`` is an http(s) address a page may link to."""
    if not isinstance(value, str) or not value:
        return False
    try:
        validate_web_address(value)
    except ValidationError:
        return False
    return True


class WebAddressField(forms.URLField):
    """A web address as staff type it: http or https only; typed without a scheme
    (»www.kk.dk/beredskab«), https:// is assumed."""

    default_validators = [validate_web_address]
    default_error_messages = {"invalid": NOT_A_WEB_ADDRESS}  # a field's own message wins

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


def parse_web_address(cell: str, max_length: int) -> str:
    """A cell of an imported file by the edit forms' rules: empty, or an http(s) address
    of at most ``max_length`` characters (»www.kk.dk/…« gets https://). A ValueError
    with the message for the line otherwise."""
    value = cell.strip()
    try:
        return WebAddressField(max_length=max_length, required=False).clean(value)
    except ValidationError as exc:
        if any(error.code == "max_length" for error in exc.error_list):
            message = _("adressen »%(value)s« er for lang (højst %(limit)s tegn).")
        else:
            message = _(
                "»%(value)s« er ikke en webadresse, der begynder med https:// eller http:// "
                "(skriv fx https://www.kk.dk/…)."
            )
        raise ValueError(message % {"value": value, "limit": max_length}) from None
