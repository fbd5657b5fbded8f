"""The CVR check: 8 digits, modulus 11 with weights 2,7,6,5,4,3,2,1 (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from indsats.organisations import cvr


def test_it_accepts_a_number_whose_weighted_sum_is_divisible_by_11():
    # 2*2+7*3+6*4+5*5+4*6+3*7+2*8+1*8 = 143 = 13 * 11
    result = cvr.check("23456788")
    assert result.well_formed
    assert result.checksum_ok


def test_it_flags_a_well_formed_number_that_fails_the_check():
    result = cvr.check("23456789")
    assert result.well_formed
    assert not result.checksum_ok


def test_it_refuses_wrong_lengths_letters_and_a_leading_zero():
    for value in ["1234567", "123456789", "1234567a", "", "02345678"]:
        assert not cvr.check(value).well_formed, value


def test_it_reads_the_ways_people_write_a_cvr_number():
    for value in ["DK23456788", "dk 2345 6788", "23 45 67 88", "23-45-67-88"]:
        assert cvr.check(value) == cvr.CvrCheck("23456788", True, True), value


valid_numbers = (
    st.text(alphabet="0123456789", min_size=7, max_size=7)
    .filter(lambda prefix: prefix[0] != "0")
    .map(lambda prefix: [prefix + str(d) for d in range(10)])
    .map(lambda candidates: [c for c in candidates if cvr.has_valid_checksum(c)])
    .filter(bool)
    .map(lambda valid: valid[0])
)


@given(valid_numbers, st.integers(min_value=0, max_value=7), st.integers(min_value=1, max_value=9))
def test_it_catches_every_single_digit_typo(number, position, shift):
    typo = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert cvr.has_valid_checksum(number)
    assert not cvr.has_valid_checksum(typo)


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_it_allows_at_most_one_check_digit_per_prefix(prefix):
    assert sum(cvr.has_valid_checksum(prefix + str(d)) for d in range(10)) <= 1
