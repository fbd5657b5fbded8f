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

from functools import cached_property
from pathlib import Path

import django
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext as _

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
