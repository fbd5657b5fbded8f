from datetime import date
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..figures import as_given as without_trailing_zeros
from ..figures import decimals_to_tell_apart, rounded
from ..labels import FACTOR_LABELS, FACTOR_SHORT_LABELS, MEASURE_LABELS, REFERENCE_LABELS
from ..weblinks import is_web_address as _is_web_address

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
def is_web_address(value) -> bool:
    """Whether a stored address may be a link: http(s) only, never ``javascript:`` (C12)."""
    return _is_web_address(value)


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
    return number_format(rounded(number, int(decimals)), int(decimals))


@register.filter
def as_given(value) -> str:
    """A figure with the decimals it has, with a decimal comma (#9): a weighted count of
    4.50 is »4,5«, of 4.00 »4«; never rounded to a whole number."""
    number = _decimal(value)
    if number is None:
        return rate(value)
    number = without_trailing_zeros(number)
    return number_format(number, max(0, -number.as_tuple().exponent))


@register.filter
def whole_number(value) -> str:
    """A count with the language's thousands separator (Danish »8.832«); a dash with
    words for a missing one."""
    number = _decimal(value)
    if number is None:
        return rate(value)
    return number_format(number, 0, force_grouping=True)


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def comparison_decimals(comparison, minimum: int = 1) -> int:
    """The decimals that show a comparison's rate and limit as they compare (#9): never
    »1,0 < 1,0«. ``minimum`` when either figure is missing."""
    own, limit = _decimal(comparison.get("rate")), _decimal(comparison.get("limit"))
    if own is None or limit is None:
        return int(minimum)
    return decimals_to_tell_apart(own, limit, int(minimum))


@register.filter
def comparison_sign(comparison, code: str) -> str:
    """»>« where the factor looks for a rate above the limit, »<« where below: F6, and
    F7's notifications."""
    if code == "F6" or (code == "F7" and comparison.get("measure") == "notification"):
        return "<"
    return ">"


@register.filter
def compared(comparison, code: str) -> str:
    """»12,04 > 12,03«: the rate, the sign and the limit, with the decimals that tell
    them apart."""
    decimals = comparison_decimals(comparison)
    sign = comparison_sign(comparison, code)
    own, limit = rate(comparison.get("rate"), decimals), rate(comparison.get("limit"), decimals)
    return f"{own} {sign} {limit}"


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


@register.simple_tag
def outreach_contact(programme):
    """The contact person chosen for an outreach case (#9), or None."""
    from ..services import outreach_contact as contact_for

    return contact_for(programme)
