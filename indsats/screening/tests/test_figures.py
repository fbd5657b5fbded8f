"""A flag's figures are shown with enough decimals that the comparison reads true (#9, C7,
C11): never »1,0 < 1,0«. Pure: no database."""

from decimal import Decimal

import pytest

from indsats.screening.figures import as_given, decimals_to_tell_apart, rounded


@pytest.mark.parametrize(
    ("first", "second", "minimum", "expected"),
    [
        ("12.04", "10.6", 1, 1),  # one decimal already tells them apart
        ("1.04", "1.03", 1, 2),  # »1,0 > 1,0« at one decimal
        ("1.0004", "1.0001", 1, 4),
        ("0.96", "0.9625", 1, 3),  # 1,0 = 1,0 and 0,96 = 0,96 (half up); 0,960 < 0,963
        ("7.5", "7.5", 1, 1),  # equal figures stay equal: no extra decimals
        ("3", "2.99999", 0, 5),
        ("10", "9", 0, 0),
        ("1.04", "1.03", 3, 3),  # never fewer than asked for
    ],
)
def test_it_gives_the_fewest_decimals_that_keep_the_comparison_true(
    first, second, minimum, expected
):
    assert decimals_to_tell_apart(Decimal(first), Decimal(second), minimum) == expected


@pytest.mark.parametrize(("first", "second"), [("1.04", "1.03"), ("0.1", "0.1000001")])
def test_it_shows_the_comparison_as_it_is_at_the_decimals_it_gives(first, second):
    a, b = Decimal(first), Decimal(second)
    decimals = decimals_to_tell_apart(a, b)
    assert (rounded(a, decimals) > rounded(b, decimals)) == (a > b)
    assert (rounded(a, decimals) < rounded(b, decimals)) == (a < b)


def test_it_refuses_a_negative_minimum():
    with pytest.raises(ValueError, match="minimum"):
        decimals_to_tell_apart(Decimal(1), Decimal(2), -1)


def test_it_writes_a_flag_in_danish_with_the_digits_that_make_it_true():
    from django.utils import translation

    from indsats.screening.templatetags.screening import compared

    close = {"measure": "notification", "rate": "1.0412", "limit": "1.0375", "met": True}
    low = {"measure": "boernehus", "rate": "0.96", "limit": "0.9625", "met": True}
    with translation.override("da"):
        assert compared(close, "F5") == "1,041 > 1,038"  # 1,0 > 1,0 and 1,04 > 1,04 would lie
        assert compared(low, "F6") == "0,960 < 0,963"
        assert compared({**close, "measure": "notification"}, "F7").startswith("1,041 <")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4.50", "4.5"), ("4.00", "4"), ("1.5", "1.5"), ("0.25", "0.25"), ("120", "120"), ("0", "0")],
)
def test_a_weighted_count_keeps_its_decimals_without_trailing_zeros(value, expected):
    assert str(as_given(Decimal(value))) == expected
