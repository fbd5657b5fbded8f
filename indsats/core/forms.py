"""Forms drawn in the look of Det Fælles Designsystem (DKFDS).

``{{ form }}`` renders an error summary (only when there are errors) followed by every
field as a DKFDS form group: label with a required mark, hint, the error message at the
field, and the input with DKFDS classes. Hint and error are tied to the input with
``aria-describedby`` (Django builds it from the ids ``<id>_helptext`` and ``<id>_error``,
which the field template uses).

Which fields are marked: by default required fields get "(*skal udfyldes)". A form can
say ``required_marks = "optional"`` to mark the optional fields "(frivilligt)" instead, or
``required_marks = "none"`` for short forms where every field is required.

Widgets get their DKFDS classes here, not in each form: text-like inputs and textareas
``form-input``, selects ``form-select``, a single checkbox ``form-checkbox``; radio and
checkbox lists are drawn with DKFDS markup (``forms/widgets/dkfds_choices.html``); a
select's empty choice reads "Vælg" instead of Django's dashes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import django
from django import forms
from django.conf import settings
from django.db import models
from django.forms.renderers import DjangoTemplates
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .cleaning import MAX_FORM_INTEGER, whole_number

DJANGO_FORM_TEMPLATES = Path(django.__file__).resolve().parent / "forms" / "templates"

TEXT_LIKE_INPUTS = frozenset(
    {
        "text",
        "email",
        "password",
        "number",
        "url",
        "tel",
        "search",
        "date",
        "datetime-local",
        "time",
        "month",
        "week",
    }
)

DJANGO_EMPTY_LABEL = "---------"  # Django's "nothing chosen" option in a select

# Django's radio and checkbox lists, redrawn with DKFDS markup (input before its label).
CHOICE_LIST_TEMPLATES = {
    "django/forms/widgets/radio.html": "forms/widgets/dkfds_choices.html",
    "django/forms/widgets/checkbox_select.html": "forms/widgets/dkfds_choices.html",
}


def _add_class(attrs: dict, css_class: str) -> None:
    classes = str(attrs.get("class", "")).split()
    if css_class not in classes:
        attrs["class"] = " ".join([*classes, css_class])


def style_widget(template_name: str, widget: dict) -> str:
    """Give a widget's context its DKFDS classes; return the template to draw it with."""
    attrs = widget.setdefault("attrs", {})
    for subwidget in widget.get("subwidgets", ()):  # MultiWidget, e.g. date and time
        style_widget(subwidget.get("template_name", ""), subwidget)
    if template_name in CHOICE_LIST_TEMPLATES:
        for _group, options, _index in widget.get("optgroups", ()):
            for option in options:
                _add_class(option.setdefault("attrs", {}), f"form-{option['type']}")
        return CHOICE_LIST_TEMPLATES[template_name]
    if template_name == "django/forms/widgets/select.html":
        _add_class(attrs, "form-select")
        for _group, options, _index in widget.get("optgroups", ()):
            for option in options:
                if option.get("label") == DJANGO_EMPTY_LABEL:
                    option["label"] = _("Vælg")
    elif template_name == "django/forms/widgets/textarea.html":
        _add_class(attrs, "form-input")
    elif widget.get("type") == "checkbox":
        _add_class(attrs, "form-checkbox")
    elif widget.get("type") in TEXT_LIKE_INPUTS:
        _add_class(attrs, "form-input")
    return template_name


class DkfdsFormRenderer(DjangoTemplates):
    """Render forms, fields and widgets with the DKFDS templates.

    It looks templates up in the project's template directories first (so
    ``templates/forms/`` and any override of ``django/forms/...`` win), then in Django's
    own form templates and the installed apps. That is what ``TemplatesSetting`` would do
    if ``django.forms`` were in INSTALLED_APPS; this renderer does not need that, and the
    admin's widget templates, which include Django's, keep working.
    """

    form_template_name = "forms/dkfds_form.html"
    field_template_name = "forms/dkfds_field.html"

    @cached_property
    def engine(self):
        project_dirs = [
            Path(directory)
            for template_setting in settings.TEMPLATES
            for directory in template_setting.get("DIRS", [])
        ]
        loaders = [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ]
        if not settings.DEBUG:
            # In development, edited form templates show at once, as the page templates do.
            loaders = [("django.template.loaders.cached.Loader", loaders)]
        return self.backend(
            {
                "APP_DIRS": False,
                "DIRS": [*project_dirs, DJANGO_FORM_TEMPLATES],
                "NAME": "dkfds_forms",
                "OPTIONS": {"loaders": loaders},
            }
        )

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if isinstance(widget, dict) and widget.get("template_name") == template_name:
            template_name = style_widget(template_name, widget)
        return super().render(template_name, context, request=request)


class _NumberTypedAsText:
    """A number field drawn as a text input: a number input refuses "2,5" or "1.000" in
    some browsers (and shows nothing of what was typed). Never negative, nor above
    MAX_FORM_INTEGER, unless the caller sets other limits, so that what is typed always
    fits the column (C12): an error at the field, never a 500. The limits in its messages
    ("at least 0,5", "at most 1.000.000") are written as the active language writes them.
    """

    inputmode = "decimal"
    number_type: type = int
    group_limits = False  # thousands separators in the limits of the messages

    def __init__(self, *args, **kwargs):
        kwargs.pop("localize", None)  # parsing is ours (to_python), showing is localized
        if kwargs.get("min_value") is None:
            kwargs["min_value"] = self.number_type(0)
        if kwargs.get("max_value") is None:
            kwargs["max_value"] = self.number_type(MAX_FORM_INTEGER)
        attrs = {"inputmode": self.inputmode, "autocomplete": "off"}
        widget = kwargs.pop("widget", None)
        if widget is not None:
            attrs = {**attrs, **getattr(widget, "attrs", {})}
            for key in ("step", "min", "max"):
                attrs.pop(key, None)
        super().__init__(*args, widget=forms.TextInput(attrs=attrs), **kwargs)
        self.widget.is_localized = True

    def widget_attrs(self, widget):
        # Django adds min, max and step for a number input; on a text input they mean
        # nothing to the browser and would only be read out by a screen reader.
        return {
            key: value
            for key, value in super().widget_attrs(widget).items()
            if key not in {"min", "max", "step"}
        }

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                [
                    _with_localized_limit(problem, force_grouping=self.group_limits)
                    for problem in error.error_list
                ]
            ) from error


class DanishDecimalField(_NumberTypedAsText, forms.DecimalField):
    """A decimal number typed the Danish way ("2,5") or with a point ("2.5"), in any
    language, shown in the active language's format (Danish "2,5").

    Django's own localized parsing reads "2,5" in English, or "2.5" in Danish, as a
    thousands separator (25). The numbers typed here are hours, weights and thresholds,
    never in the thousands, so both marks are decimal marks; a thousands separator is
    refused as not a number.
    """

    number_type = Decimal

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).replace(",", ".")
            if value.count(".") > 1:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


# A whole number as typed: digits, or groups of three digits after the first one to three,
# separated by a point or a space (one kind throughout): "1000", "1.000", "1 000", "12.500".
_GROUP_SPACES = "\u0020\u00a0\u202f"  # space, no-break space, narrow no-break space
_WHOLE_NUMBER = re.compile(
    rf"(?P<sign>[-+]?)(?:(?P<plain>[0-9]+)|(?P<grouped>[0-9]{{1,3}}(?P<separator>[.{_GROUP_SPACES}])"
    rf"[0-9]{{3}}(?:(?P=separator)[0-9]{{3}})*))"
)
# Far past MAX_FORM_INTEGER (so a long number is "too large", not "not a number") and far
# below what int() takes without slowing down.
_MAX_INTEGER_DIGITS = 30


def parse_danish_integer(text: str) -> int | None:
    """A whole number typed the Danish way, or None when ``text`` is not one.

    A point or a space separates thousands only where it stands between groups of
    exactly three digits: "1.000", "1 000" and "12.500" are numbers; "1.5", "1.2", "1,5",
    "1.0000" and "1. 000" are not (a decimal number is not a whole number). Only ASCII
    digits: int("٣") is 3, but nobody types that here.
    """
    match = _WHOLE_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    digits = match["plain"] or match["grouped"].replace(match["separator"], "")
    if len(digits.lstrip("0")) > _MAX_INTEGER_DIGITS:
        return None
    number = int(digits)
    return -number if match["sign"] == "-" else number


class DanishIntegerField(_NumberTypedAsText, forms.IntegerField):
    """A whole number typed the Danish way: "1.000", "1 000" or "1000" is a thousand.

    Django's IntegerField reads "1.000" as 1 (it drops a trailing ".0…") and refuses
    "1.200"; here a point or a space between groups of three digits is a thousands
    separator, and anything else, such as "1,5" or "1.5", is refused at the field.
    """

    inputmode = "numeric"
    group_limits = True
    default_error_messages = {"invalid": _lazy("Skriv et helt tal, fx 12.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number = parse_danish_integer(str(value))
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


# A phone number: digits with spaces, a Danish one of eight digits ("12 34 56 78", "+45
# 12345678", "0045 12345678") or an international one after "+" or "00".
_PHONE_SPACES = re.compile(r"[\u0020\u00a0\u202f]+")
_DANISH_PHONE = re.compile(r"(?:\+45|0045)?[0-9]{8}")
_INTERNATIONAL_PHONE = re.compile(r"(?:\+|00)(?!45)[1-9][0-9]{6,14}")


def normalised_phone_number(text: str) -> str | None:
    """``text`` with its spaces tidied (one between groups) if it is a phone number, or
    None when it is not one."""
    tidy = _PHONE_SPACES.sub(" ", text.strip())
    compact = tidy.replace(" ", "")
    if _DANISH_PHONE.fullmatch(compact) or _INTERNATIONAL_PHONE.fullmatch(compact):
        return tidy
    return None


def validate_phone_number(value: str) -> None:
    if value and normalised_phone_number(value) is None:
        raise forms.ValidationError(_lazy("Skriv et telefonnummer, fx 12 34 56 78."), code="phone")


class TelInput(forms.TextInput):
    input_type = "tel"


class PhoneNumberField(forms.CharField):
    """A phone number to call someone on: Danish (eight digits, "12 34 56 78", "+45
    12345678") or international ("+46 8 123 456 78"); anything else is refused at the
    field. Kept with tidy spaces, so what goes into an e-mail is what was meant."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", TelInput({"autocomplete": "tel"}))
        super().__init__(*args, **kwargs)
        self.validators.append(validate_phone_number)

    def to_python(self, value):
        value = super().to_python(value)
        return normalised_phone_number(value) or value


def _with_localized_limit(
    problem: forms.ValidationError, force_grouping: bool = False
) -> forms.ValidationError:
    params = problem.params or {}
    if "limit_value" not in params:
        return problem
    limit = number_format(params["limit_value"], force_grouping=force_grouping)
    return forms.ValidationError(
        problem.message, code=problem.code, params={**params, "limit_value": limit}
    )


def danish_formfield(model_field, **kwargs):
    """``formfield_callback`` for a ModelForm: every DecimalField as a DanishDecimalField."""
    if isinstance(model_field, models.DecimalField):
        return model_field.formfield(form_class=DanishDecimalField, **kwargs)
    return model_field.formfield(**kwargs)


class WholeNumberModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several rows by their (integer) keys that refuses a value no key can be
    before asking the database: SQLite raises OverflowError on a 20-digit number in
    ``pk__in``, where Django's own field only expects ValueError (C12)."""

    def _check_values(self, value):
        for key in value:
            if whole_number(key, minimum=1) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)
