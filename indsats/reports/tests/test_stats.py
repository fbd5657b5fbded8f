"""Nearest-rank percentiles for the waiting times (C8), worked out by hand; no database."""

import pytest

from indsats.reports.stats import median, nearest_rank, percentile_90


def test_it_takes_the_value_at_rank_ceil_p_times_n_over_100():
    # n = 5: the median is rank ceil(2.5) = 3, the 90th percentile rank ceil(4.5) = 5.
    assert median([30, 3, 10, 7, 5]) == 7
    assert percentile_90([30, 3, 10, 7, 5]) == 30


def test_it_takes_the_lower_middle_value_as_median_of_an_even_count():
    # n = 4: rank ceil(2.0) = 2 of [1, 2, 3, 4]; the 90th percentile rank ceil(3.6) = 4.
    assert median([4, 1, 3, 2]) == 2
    assert percentile_90([4, 1, 3, 2]) == 4


def test_it_reaches_below_the_top_from_eleven_values():
    # n = 11: the 90th percentile is rank ceil(9.9) = 10, the second largest.
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]
    assert percentile_90(values) == 10
    assert median(values) == 6


def test_it_has_no_figure_for_no_values_and_the_value_for_one():
    assert median([]) is None
    assert percentile_90([]) is None
    assert median([12]) == 12
    assert percentile_90([12]) == 12


@pytest.mark.parametrize("percent", [0, -5, 101])
def test_it_refuses_a_percent_outside_1_to_100(percent):
    with pytest.raises(ValueError, match="percent"):
        nearest_rank([1, 2], percent)
