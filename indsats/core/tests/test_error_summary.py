"""The error summary above a form (C11): each field's error after the field's label, and
a link to the field; no doubled mark after a label that already ends in one."""

import pytest
from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    plain = forms.CharField(label="Navn")
    sentence = forms.CharField(label="Hvilke behov har I i kommunen.")
    question = forms.CharField(label="Har I en politik?")


@pytest.fixture
def summary():
    form = _Form(data={})
    assert not form.is_valid()
    return render_to_string("includes/error_summary.html", {"form": form})


def test_it_puts_a_colon_after_a_plain_label(summary):
    assert "Navn: " in summary
    assert 'href="#id_plain"' in summary


@pytest.mark.parametrize("label", ["Hvilke behov har I i kommunen.", "Har I en politik?"])
def test_it_adds_no_colon_after_a_label_that_ends_in_a_mark(summary, label):
    assert label in summary
    assert f"{label}:" not in summary
