"""How many decimals a flag's figures need, so that what the page shows is true (#9, C11).

Pure: no ORM, no request. A flag compares a municipality's rate with a limit; rounded to
one decimal, 1.04 > 1.03 would read »1,0 > 1,0«. ``decimals_to_tell_apart`` gives the
fewest decimals (at least ``minimum``) at which the rounded figures compare as the exact
ones do; the template filters format both figures with it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Enough for any figure a run saves (rates are kept to Decimal's 28 significant digits);
# past it two figures that still differ are shown with this many decimals.
MAX_DECIMALS = 28


def rounded(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` decimals, as the page shows it."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def as_given(value: Decimal) -> Decimal:
    """``value`` with the decimals it has and no trailing zeros: 4.50 is 4.5, 4.00 is 4.
    For a figure that is exact, such as a weighted count, where rounding would change it.

    >>> as_given(Decimal("4.50")), as_given(Decimal("4.00")), as_given(Decimal("120"))
    (Decimal('4.5'), Decimal('4'), Decimal('120'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _sign(difference: Decimal) -> int:
    return (difference > 0) - (difference < 0)


def decimals_to_tell_apart(first: Decimal, second: Decimal, minimum: int = 1) -> int:
    """The fewest decimals, at least ``minimum``, at which ``first`` and ``second``, both
    rounded, compare as they do exactly (greater, smaller or equal).

    >>> decimals_to_tell_apart(Decimal("1.04"), Decimal("1.03"))
    2
    >>> decimals_to_tell_apart(Decimal("12.04"), Decimal("10.6"))
    1
    """
    if minimum < 0:
        raise ValueError("minimum must be 0 or more")
    exact = _sign(first - second)
    for decimals in range(minimum, MAX_DECIMALS + 1):
        if _sign(rounded(first, decimals) - rounded(second, decimals)) == exact:
            return decimals
    return MAX_DECIMALS
