"""The one decimal field of every form (C11): "2,5" is two and a half, in Danish and in
English, typed with a comma or a point, and shown back the way the language writes it."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indsats.core.forms import DanishDecimalField


class HoursForm(forms.Form):
    hours = DanishDecimalField(max_digits=4, decimal_places=1, min_value=Decimal("0.5"))


def _parsed(text, language):
    with translation.override(language):
        form = HoursForm({"hours": text})
        return form.cleaned_data["hours"] if form.is_valid() else form.errors["hours"]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("text", ["2,5", "2.5", " 2,5 ", "2 ,5"])
def test_it_reads_a_comma_or_a_point_as_the_decimal_mark_in_both_languages(text, language):
    """C11: "2,5" hours is two and a half, never 25 (issue #9)."""
    assert _parsed(text, language) == Decimal("2.5")


@pytest.mark.parametrize("language", ["da", "en"])
def test_it_refuses_a_thousands_separator_as_not_a_number(language):
    """C11: "1.000,5" is ambiguous here; it is refused with the language's message."""
    with translation.override(language):
        form = HoursForm({"hours": "1.000,5"})
        assert not form.is_valid()
        assert form.errors["hours"] == [str(forms.DecimalField.default_error_messages["invalid"])]


def test_it_names_the_limit_with_a_decimal_comma_in_danish():
    """C11: the error says "0,5", not the Python value 0.5."""
    with translation.override("da"):
        form = HoursForm({"hours": "0,2"})
        assert not form.is_valid()
        assert "0,5" in str(form.errors["hours"])
        assert "0.5" not in str(form.errors["hours"])


@pytest.mark.parametrize(("language", "shown"), [("da", 'value="2,5"'), ("en", 'value="2.5"')])
def test_it_shows_the_value_as_the_language_writes_it_in_a_text_input(language, shown):
    """C11: a text input with inputmode=decimal, because number inputs refuse commas in
    some browsers; no min/max/step that only a number input would use."""
    with translation.override(language):
        html = str(HoursForm(initial={"hours": Decimal("2.5")})["hours"])
    assert shown in html
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html
    assert "step=" not in html
    assert "min=" not in html


@given(
    value=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("999.9"), places=1),
    language=st.sampled_from(["da", "en"]),
    mark=st.sampled_from([",", "."]),
)
def test_it_reads_back_every_number_it_shows_and_every_number_typed_with_either_mark(
    value, language, mark
):
    """C11: what the field shows, typed back unchanged, is the same number; so is the
    number typed with a comma or a point."""
    with translation.override(language):
        html = str(HoursForm(initial={"hours": value})["hours"])
        shown = html.split('value="', 1)[1].split('"', 1)[0]
    assert _parsed(shown, language) == value
    assert _parsed(f"{value:f}".replace(".", mark), language) == value


def test_every_decimal_field_of_every_form_is_the_danish_one():
    """C11 (#9): 'in every number field' — no form keeps Django's DecimalField, which
    reads "2,5" as 25 in English and draws a number input that refuses a comma."""
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in root.rglob("*forms*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
            importlib.import_module(module)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [
        form
        for form in set(subclasses(forms.BaseForm))
        if form.__module__.startswith("indsats.") and ".tests." not in form.__module__
    ]
    assert any(form.__name__ == "HourEntryForm" for form in ours)
    plain = sorted(
        f"{form.__module__}.{form.__name__}.{name}"
        for form in ours
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field, forms.DecimalField) and not isinstance(field, DanishDecimalField)
    )
    assert plain == []
