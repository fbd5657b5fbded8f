"""What the offer edit page posts when nothing is changed, plus ``changes``."""

from __future__ import annotations

from indsats.catalogue.forms import (
    CONDITIONS_PREFIX,
    STEPS_PREFIX,
    ConditionFormSet,
    OfferForm,
    StepFormSet,
)


def _values(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = ""
        elif hasattr(value, "isoformat"):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)
    return data


def edit_data(offer, **changes) -> dict:
    """Changes name posted fields (``summary``, ``steps-0-title_en``); ``None`` leaves a
    field out, as an unticked checkbox is."""
    data = _values(OfferForm(instance=offer))
    for formset in (
        StepFormSet(instance=offer, prefix=STEPS_PREFIX),
        ConditionFormSet(instance=offer, prefix=CONDITIONS_PREFIX),
    ):
        data.update(_values(formset.management_form))
        for form in formset:
            data.update(_values(form))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
