"""Staff edit an offer's texts, its process steps and its conditions, each Danish text with
its English version beside it (C11)."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import VersionedModelForm

from .models import Offer, OfferCondition, OfferStep

TEXT_ROWS = 4


class _EnglishBeside:
    """Pairs each Danish text field with its English field, for the side-by-side layout."""

    def pairs(self):
        """(Danish bound field, English bound field, English missing?) per translated text."""
        for name in self._meta.model.ENGLISH:
            if name in self.fields:
                danish, english = self[name], self[f"{name}_en"]
                missing = (
                    bool(str(danish.value() or "").strip())
                    and not str(english.value() or "").strip()
                )
                yield danish, english, missing

    @property
    def paired_names(self) -> set[str]:
        return {field for name in self._meta.model.ENGLISH for field in (name, f"{name}_en")}


def _text_widgets(model, names):
    widgets = {}
    for name in names:
        if isinstance(model._meta.get_field(name), models.TextField):
            widgets[name] = forms.Textarea(attrs={"rows": TEXT_ROWS})
    return widgets


OFFER_TEXTS = [name for danish in Offer.ENGLISH for name in (danish, f"{danish}_en")]


class OfferForm(_EnglishBeside, VersionedModelForm):
    class Meta:
        model = Offer
        fields = [*OFFER_TEXTS, "is_published", "is_open", "valid_from", "valid_to"]
        widgets = _text_widgets(Offer, OFFER_TEXTS)

    def clean(self):
        # Said at the field, before the database's check refuses it by its internal name.
        cleaned = super().clean()
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("Slutdatoen skal ligge efter startdatoen."))
        return cleaned


class OfferStepForm(_EnglishBeside, forms.ModelForm):
    class Meta:
        model = OfferStep
        fields = ["title", "title_en", "text", "text_en"]
        widgets = _text_widgets(OfferStep, ["text", "text_en"])


class OfferConditionForm(_EnglishBeside, forms.ModelForm):
    class Meta:
        model = OfferCondition
        fields = ["text", "text_en"]
        widgets = _text_widgets(OfferCondition, ["text", "text_en"])


StepFormSet = forms.inlineformset_factory(
    Offer, OfferStep, form=OfferStepForm, extra=0, can_delete=False
)
ConditionFormSet = forms.inlineformset_factory(
    Offer, OfferCondition, form=OfferConditionForm, extra=0, can_delete=False
)
STEPS_PREFIX, CONDITIONS_PREFIX = "steps", "rules"
MISSING_ENGLISH = _("Mangler engelsk: brugere, der har valgt engelsk, ser den danske tekst.")
