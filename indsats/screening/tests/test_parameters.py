"""The screening's parameters: reason codes per period, dates, and saving them with a run
(C7; F2, F3, F5)."""

from datetime import date
from decimal import Decimal

import pytest

from indsats.screening.parameters import (
    DEFAULT_REASON_CODES,
    ParameterError,
    Parameters,
    add_years,
    parse_reason_periods,
    reason_codes_for,
    subtract_months,
)


def test_it_reads_reason_codes_per_period_with_an_open_end():
    periods = parse_reason_periods("2015-2016: 7, 8\n\n2017-2021: 7,8,9\n2022-: 11, 12")
    assert reason_codes_for(periods, 2016) == {"7", "8"}
    assert reason_codes_for(periods, 2017) == {"7", "8", "9"}
    assert reason_codes_for(periods, 2030) == {"11", "12"}
    assert reason_codes_for(periods, 2014) is None  # no period: the count is missing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2017: 7", "Linje 1"),
        ("2015-2016: 7\n2016-2020: 8", "overlapper"),
        ("2015-2016: 7\n2020-2018: 8", "Linje 2"),
        ("2022-:", "Linje 1"),
        ("2015-: 7\n2022-: 8", "overlapper"),
    ],
)
def test_it_names_the_line_of_a_reason_code_period_it_cannot_use(text, message):
    with pytest.raises(ParameterError, match=message):
        parse_reason_periods(text)


def test_it_ships_reason_codes_that_cover_every_year_from_2015():
    periods = parse_reason_periods(DEFAULT_REASON_CODES)
    assert all(reason_codes_for(periods, year) for year in range(2015, 2031))


def test_it_moves_dates_by_whole_years_and_months():
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)
    assert add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert subtract_months(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert subtract_months(date(2025, 6, 30), 24) == date(2023, 6, 30)
    assert subtract_months(date(2025, 1, 15), 13) == date(2023, 12, 15)


def test_it_saves_and_restores_every_parameter():
    params = Parameters(
        year=2023,
        as_of=date(2025, 6, 30),
        threshold=Decimal("0.3"),
        averaging="mean",
        references=("region", "group"),
        child_count_quarter=3,
    )
    assert Parameters.from_dict(params.to_dict()) == params
    assert params.child_count_period == "2023K3"


def test_it_refuses_saved_parameters_it_cannot_read():
    with pytest.raises(ParameterError):
        Parameters.from_dict({"year": 2023})
