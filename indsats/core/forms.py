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


class DanishDecimalField(forms.DecimalField):
    """A decimal number typed the Danish way ("2,5") or with a point ("2.5"), in any
    language, shown in the active language's format (Danish "2,5").

    Drawn as a text input with ``inputmode="decimal"``: a number input refuses a comma in
    some browsers (and shows nothing of what was typed), and Django's own localized
    parsing reads "2,5" in English, or "2.5" in Danish, as a thousands separator (25).
    The numbers typed here are hours, weights and thresholds, never in the thousands, so
    both marks are decimal marks; a thousands separator is refused as not a number. They
    are never negative, nor above MAX_FORM_INTEGER, unless the caller sets other limits.
    """

    def __init__(self, *args, **kwargs):
        kwargs.pop("localize", None)  # parsing is ours (to_python), showing is localized
        # Never negative and never huge unless the caller says otherwise, so that what
        # is typed always fits the column (C12); an error at the field, never a 500.
        if kwargs.get("min_value") is None:
            kwargs["min_value"] = Decimal(0)
        if kwargs.get("max_value") is None:
            kwargs["max_value"] = Decimal(MAX_FORM_INTEGER)
        attrs = {"inputmode": "decimal", "autocomplete": "off"}
        widget = kwargs.pop("widget", None)
        if widget is not None:
            attrs = {**attrs, **getattr(widget, "attrs", {})}
            attrs.pop("step", None)
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
        # The limits in "at least 0.5" are numbers too: shown as the language writes them.
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                [_with_localized_limit(problem) for problem in error.error_list]
            ) from error

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).replace(",", ".")
            if value.count(".") > 1:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def _with_localized_limit(problem: forms.ValidationError) -> forms.ValidationError:
    params = problem.params or {}
    if "limit_value" not in params:
        return problem
    limit = number_format(params["limit_value"])
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
