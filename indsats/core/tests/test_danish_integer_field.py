"""Whole numbers typed the Danish way: "1.000" and "1 000" are a thousand, never one; a
decimal number is refused at the field. And phone numbers: Danish or international, or
a clear error."""

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indsats.core.forms import (
    DanishIntegerField,
    PhoneNumberField,
    normalised_phone_number,
    parse_danish_integer,
)

NOT_A_WHOLE_NUMBER = "Skriv et helt tal, fx 12."


class CountForm(forms.Form):
    count = DanishIntegerField(min_value=1)


class CappedForm(forms.Form):
    hours = DanishIntegerField(min_value=1, max_value=25, required=False)


def _parsed(text, form_class=CountForm, name="count"):
    with translation.override("da"):
        form = form_class({name: text})
        return form.cleaned_data[name] if form.is_valid() else form.errors[name]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("1.000", 1000),
        ("1 000", 1000),
        ("1\u00a0000", 1000),  # a no-break space, as a word processor writes it
        ("12.500", 12500),
        (" 1.000.000 ", 1_000_000),
        ("1000", 1000),
    ],
)
def test_it_reads_a_whole_number_with_thousands_separators(text, number):
    """Django's IntegerField read "1.000" as 1 and refused "1.200"."""
    assert _parsed(text) == number


@pytest.mark.parametrize(
    "text", ["1,5", "1.5", "1.2", "12.50", "1.0000", "1.000 000", "1. 000", "abc", "٣", "1e3"]
)
def test_it_refuses_a_number_that_is_not_whole_or_not_grouped_in_threes(text):
    assert _parsed(text) == [NOT_A_WHOLE_NUMBER]


def test_it_keeps_the_limits_and_names_them_the_danish_way():
    assert _parsed("1.000", CappedForm, "hours") == [
        "Denne værdi skal være mindre end eller lig 25."
    ]
    assert _parsed("2.000.000") == ["Denne værdi skal være mindre end eller lig 1.000.000."]
    assert _parsed("0") == ["Denne værdi skal være større end eller lig 1."]
    assert _parsed("", CappedForm, "hours") is None


def test_it_is_a_numeric_text_input_without_number_input_attributes():
    html = str(CountForm(initial={"count": 1000})["count"])
    assert 'type="text"' in html
    assert 'inputmode="numeric"' in html
    for attribute in ("min=", "max=", "step="):
        assert attribute not in html


@given(
    number=st.integers(min_value=0, max_value=10**15),
    separator=st.sampled_from([".", " ", "\u00a0", ""]),
)
def test_it_reads_back_every_whole_number_grouped_in_threes(number, separator):
    grouped = f"{number:,}".replace(",", separator)
    assert parse_danish_integer(grouped) == number
    assert parse_danish_integer(f" {grouped} ") == number


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    decimals=st.text(alphabet="0123456789", min_size=1, max_size=6).filter(
        lambda digits: len(digits) != 3
    ),
    mark=st.sampled_from([".", ","]),
)
def test_it_never_reads_a_decimal_number_as_a_whole_one(whole, decimals, mark):
    """ "1.5", "1.2" and "1,5" are refused; only a group of exactly three digits follows
    a point (and a comma never separates anything)."""
    assert parse_danish_integer(f"{whole}{mark}{decimals}") is None
    assert parse_danish_integer(f"{whole},{decimals.ljust(3, '0')[:3]}") is None


@given(text=st.text(max_size=40))
def test_it_reads_any_text_as_a_whole_number_or_nothing(text):
    """Never an exception, and what it reads is what the digits say."""
    number = parse_danish_integer(text)
    if number is not None:
        digits = "".join(character for character in text if character in "0123456789")
        assert abs(number) == int(digits)


# --- phone numbers ----------------------------------------------------------------------


class PhoneForm(forms.Form):
    phone = PhoneNumberField()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("12 34 56 78", "12 34 56 78"),
        ("12345678", "12345678"),
        ("+45 12345678", "+45 12345678"),
        ("+4512345678", "+4512345678"),
        ("0045 12 34 56 78", "0045 12 34 56 78"),
        ("+46 8 123 456 78", "+46 8 123 456 78"),
        ("  12  34 56 78 ", "12 34 56 78"),
    ],
)
def test_it_takes_a_danish_or_an_international_phone_number(text, kept):
    with translation.override("da"):
        form = PhoneForm({"phone": text})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == kept


@pytest.mark.parametrize(
    "text", ["abc", "1234567", "123456789", "+45 1234567", "12-34-56-78", "+", "12 34 56 7a"]
)
def test_it_refuses_what_is_not_a_phone_number(text):
    with translation.override("da"):
        form = PhoneForm({"phone": text})
        assert form.errors["phone"] == ["Skriv et telefonnummer, fx 12 34 56 78."]


def test_it_draws_a_telephone_input():
    html = str(PhoneForm()["phone"])
    assert 'type="tel"' in html
    assert 'autocomplete="tel"' in html


@given(digits=st.text(alphabet="0123456789", min_size=8, max_size=8), spaced=st.booleans())
def test_it_takes_every_eight_digit_danish_number(digits, spaced):
    text = " ".join(digits[i : i + 2] for i in range(0, 8, 2)) if spaced else digits
    assert normalised_phone_number(text) == text
    assert normalised_phone_number(f"+45 {text}") == f"+45 {text}"


@given(text=st.text(max_size=40))
def test_it_reads_any_text_as_a_phone_number_or_nothing(text):
    shown = normalised_phone_number(text)
    if shown is not None:
        assert set(shown) <= set("+0123456789 ")
