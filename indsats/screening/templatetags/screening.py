from datetime import date
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..labels import FACTOR_LABELS, FACTOR_SHORT_LABELS, MEASURE_LABELS, REFERENCE_LABELS

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``mapping|lookup:key`` for dicts keyed by variables."""
    if mapping is None:
        return None
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def factor_label(code: str) -> str:
    return str(FACTOR_LABELS.get(code, code))


@register.filter
def factor_short(code: str) -> str:
    return str(FACTOR_SHORT_LABELS.get(code, code))


@register.filter
def reference_label(name: str) -> str:
    return str(REFERENCE_LABELS.get(name, name))


@register.filter
def references_label(names) -> str:
    return ", ".join(str(REFERENCE_LABELS.get(name, name)) for name in names or ())


@register.filter
def measure_label(name: str) -> str:
    return str(MEASURE_LABELS.get(name, name))


@register.filter
def state(met) -> str:
    """True, False or None (missing) in words."""
    if met is None:
        return _("Mangler data")
    return _("Ja") if met else _("Nej")


@register.filter
def state_class(met) -> str:
    if met is None:
        return "factor-missing"
    return "factor-met" if met else "factor-not-met"


@register.filter
def rate(value, decimals: int = 1) -> str:
    """A figure with a decimal comma; a dash with words for a missing one."""
    if value is None or value == "":
        return _("mangler")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return number_format(number.quantize(Decimal(1).scaleb(-int(decimals))), int(decimals))


@register.filter
def as_date(value):
    """An ISO date string from a saved run as a date, for the ``date`` filter."""
    if not value:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value
