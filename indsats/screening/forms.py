"""Forms for the screening: decisions, the records staff keep, settings and uploads."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import VersionedModelForm, version_field
from indsats.core.forms import (
    DanishDecimalField,
    WholeNumberModelMultipleChoiceField,
    danish_formfield,
)
from indsats.core.text import LineBreaksMixin, one_kind_of_line_break
from indsats.organisations.contacts import first_contact
from indsats.organisations.models import MunicipalContact, Municipality

from .importers import IMPORTERS, RECORD_IMPORT_LABELS
from .importers.records import press_key, record_date_problem, request_key
from .labels import FACTOR_LABELS
from .models import (
    ComparisonGroup,
    Decision,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    ScreeningSettings,
    SourceKind,
)
from .parameters import SETTING_RANGES, ParameterError, parse_reason_periods
from .weblinks import WebAddressField

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def https_by_default(field, **kwargs):
    """Model fields as form fields; a web address is http or https only, and one typed
    without a scheme gets https:// (``weblinks``, the importers' rules too)."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("form_class", WebAddressField)
    return field.formfield(**kwargs)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Beslutning"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        help_text=_("»Tag kontakt« opretter et opsøgende forløb (konsulentbistand)."),
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hvilke faktorer og hvilket kendskab til kommunen beslutningen bygger på."),
    )
    contact = forms.ModelChoiceField(
        label=_("Kontaktperson i kommunen"),
        queryset=MunicipalContact.objects.none(),
        required=False,
        empty_label=_("Ingen valgt endnu"),
        help_text=_("Den, Socialstyrelsen kontakter i det opsøgende forløb."),
    )

    def __init__(self, *args, municipality: Municipality, running_case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.running_case = running_case  # an outreach case in progress: no second one
        contacts = list(municipality.contacts.all())
        if not contacts:
            del self.fields["contact"]
            return
        field = self.fields["contact"]
        field.queryset = municipality.contacts.all()
        # The role as written: it may hold a proper noun (»… med Socialstyrelsen«). The
        # list takes the form's full width, so a long role is not cut off.
        field.label_from_instance = lambda contact: f"{contact.name}, {contact.get_role_display()}"
        field.widget.attrs["class"] = "screening-full-width"
        chosen = first_contact(contacts)
        field.initial = chosen.pk if chosen else None

    def clean_decision(self):
        decision = self.cleaned_data["decision"]
        if decision == Decision.CONTACT and self.running_case is not None:
            raise outreach_in_progress(self.running_case)
        return decision


def outreach_in_progress(programme) -> forms.ValidationError:
    """»Tag kontakt« refused while ``programme``, an outreach case, is in progress."""
    return forms.ValidationError(
        _("Der er allerede et opsøgende forløb i gang med kommunen: %(reference)s. Følg op i det."),
        code="outreach_in_progress",
        params={"reference": programme.reference},
    )


def changes_nothing(form) -> bool:
    """Whether a valid ModelForm for a saved record would save it as it is stored: then
    nothing is saved, and the audit trail gets no entry for a change that did not happen."""
    instance = form.instance
    if instance.pk is None:
        return False
    model = type(instance)
    stored = model.objects.filter(pk=instance.pk).first()
    if stored is None:
        return False
    many = {field.name for field in model._meta.many_to_many}
    for name in form._meta.fields:
        if name not in form.fields:
            continue
        if name in many:
            chosen = {item.pk for item in form.cleaned_data.get(name, [])}
            if chosen != set(getattr(stored, name).values_list("pk", flat=True)):
                return False
        elif getattr(stored, name) != getattr(instance, name):
            return False
    return True


class PlanForm(LineBreaksMixin, VersionedModelForm):
    class Meta:
        formfield_callback = https_by_default
        model = PreparednessPlan
        fields = ["approved_on", "revised_on", "is_published", "url", "note"]
        widgets = {"approved_on": DATE_WIDGET, "revised_on": DATE_WIDGET}

    def clean(self):
        cleaned = super().clean()
        approved, revised = cleaned.get("approved_on"), cleaned.get("revised_on")
        if revised and not approved:
            self.add_error(
                "approved_on", _("Et revideret beredskab skal også have en dato for godkendelse.")
            )
        elif approved and revised and revised < approved:
            self.add_error("revised_on", _("Revisionen kan ikke ligge før godkendelsen."))
        if cleaned.get("is_published") and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Skriv adressen, hvor beredskabet er offentliggjort."))
        return cleaned


def checked_record_date(day: date | None, label) -> date | None:
    """``day`` as a record's date, within the importers' limits (not in the future, not
    before ``EARLIEST_RECORD_DATE``): a press item dated 2099 would count for years (F3)."""
    if day is not None and (problem := record_date_problem(day, label, timezone.localdate())):
        raise forms.ValidationError(problem, code="date_out_of_range")
    return day


def same_record(form, key, stored_key, candidates):
    """The other stored record ``key`` names, if the form's record is new or now has a
    key of another record; None otherwise. A record is never its own duplicate, and one
    saved before the check came keeps its key when only its other fields change."""
    instance = form.instance
    if instance.pk is not None and stored_key(instance) == key:
        return None
    others = candidates.exclude(pk=instance.pk) if instance.pk is not None else candidates
    return next((other for other in others.order_by("pk") if stored_key(other) == key), None)


class PressForm(LineBreaksMixin, VersionedModelForm):
    """A press item, known as the importer knows it: by its municipality, date and medium."""

    class Meta:
        formfield_callback = https_by_default
        model = PressCriticism
        fields = ["published_on", "medium", "url", "summary"]
        widgets = {"published_on": DATE_WIDGET, "summary": forms.Textarea(attrs={"rows": 4})}

    def clean_published_on(self):
        return checked_record_date(self.cleaned_data["published_on"], _("Datoen"))

    def clean(self):
        cleaned = super().clean()
        published_on, medium = cleaned.get("published_on"), cleaned.get("medium")
        if published_on is None or not medium:
            return cleaned
        existing = same_record(
            self,
            press_key(published_on, medium),
            lambda press: press_key(press.published_on, press.medium),
            PressCriticism.objects.filter(
                municipality_id=self.instance.municipality_id, published_on=published_on
            ),
        )
        if existing is not None:
            self.add_error(
                "medium",
                forms.ValidationError(
                    _(
                        "Kritikken i %(medium)s den %(date)s er allerede registreret for "
                        "%(municipality)s. Ret den i stedet for at registrere den igen."
                    ),
                    code="duplicate",
                    params={
                        "medium": existing.medium,
                        "date": date_format(existing.published_on, "DATE_FORMAT"),
                        "municipality": self.instance.municipality,
                    },
                ),
            )
        return cleaned


class MinisterialRequestForm(LineBreaksMixin, VersionedModelForm):
    """A request from the minister, known as the importer knows it: by its municipality
    and reference."""

    class Meta:
        model = MinisterialRequest
        fields = ["received_on", "reference", "status", "note"]
        widgets = {"received_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 3})}

    def clean_received_on(self):
        return checked_record_date(self.cleaned_data["received_on"], _("Modtagelsesdatoen"))

    def clean_reference(self):
        reference = self.cleaned_data["reference"]
        existing = same_record(
            self,
            request_key(reference),
            lambda request: request_key(request.reference),
            MinisterialRequest.objects.filter(municipality_id=self.instance.municipality_id),
        )
        if existing is not None:
            raise forms.ValidationError(
                _(
                    "Henvendelsen med referencen %(reference)s, modtaget %(date)s, er allerede "
                    "registreret for %(municipality)s. Ret den i stedet for at registrere den "
                    "igen."
                ),
                code="duplicate",
                params={
                    "reference": existing.reference,
                    "date": date_format(existing.received_on, "DATE_FORMAT"),
                    "municipality": self.instance.municipality,
                },
            )
        return reference


class ComparisonGroupForm(VersionedModelForm):
    class Meta:
        model = ComparisonGroup
        fields = ["members"]
        # A 20-digit key is refused at the field, not an OverflowError on SQLite (C12).
        field_classes = {"members": WholeNumberModelMultipleChoiceField}
        widgets = {"members": forms.CheckboxSelectMultiple}
        help_texts = {"members": _("Kommunen selv indgår aldrig i sin egen gruppe.")}

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.fields["members"].queryset = Municipality.objects.exclude(pk=municipality.pk)
        self.fields["members"].label_from_instance = lambda m: f"{m.name} ({m.code})"


class SettingsForm(LineBreaksMixin, VersionedModelForm):
    class Meta:
        model = ScreeningSettings
        formfield_callback = danish_formfield  # threshold and weights: "1,5" (#9, C11)
        fields = [
            "threshold",
            "averaging",
            "use_region",
            "use_country",
            "use_group",
            "look_back_months",
            "plan_max_age_years",
            "warning_window_days",
            "candidate_min_factors",
            "weight_f1",
            "weight_f2",
            "weight_f3",
            "weight_f4",
            "weight_f5",
            "weight_f6",
            "weight_f7",
            "reason_codes",
            "child_count_quarter",
        ]
        widgets = {
            "averaging": forms.RadioSelect,
            "reason_codes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each whole number within its sensible range, as an error at the field (C12).
        for name, (low, high) in SETTING_RANGES.items():
            field = self.fields[name]
            field.min_value, field.max_value = low, high
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update({"min": low, "max": high})
        # The model's limits on a decimal (the threshold at most 0,99) checked by the form
        # field, whose messages write the limit as the language does (»0,99«, not »0.99«).
        for name, field in self.fields.items():
            if isinstance(field, DanishDecimalField):
                model_field = ScreeningSettings._meta.get_field(name)
                field.validators += [
                    validator
                    for validator in model_field.validators
                    if isinstance(validator, MinValueValidator | MaxValueValidator)
                ]

    def clean_reason_codes(self):
        text = one_kind_of_line_break(self.cleaned_data["reason_codes"])
        try:
            parse_reason_periods(text)
        except ParameterError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return text

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("use_region", "use_country", "use_group")):
            self.add_error("use_region", _("Vælg mindst én reference at sammenligne med."))
        for code in range(1, 8):
            weight = cleaned.get(f"weight_f{code}")
            if weight is not None and weight < 0:
                self.add_error(f"weight_f{code}", _("En vægt kan ikke være negativ."))
        return cleaned


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hvad indeholder filen?"),
        choices=[(value, label) for value, label in SourceKind.choices if value in IMPORTERS]
        + list(RECORD_IMPORT_LABELS.items()),
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("CSV med semikolon og decimalkomma, gemt som UTF-8. Højst 10 MB."),
    )

    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Filen er større end 10 MB."))
        return upload


class ReasonCodeChoiceForm(forms.Form):
    """UND3's reasons that count as violence or sexual abuse, ticked from the table's own
    list (#9), and the year they count from. Carries the settings' version, so that two
    managers never overwrite each other's settings."""

    codes = forms.MultipleChoiceField(
        label=_("Årsager, der tæller som vold og seksuelle overgreb"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Vælg mindst én årsag."),
            "invalid_choice": _("Koden %(value)s står ikke i UND3's liste over årsager."),
        },
    )
    first_year = forms.IntegerField(
        label=_("Gælder fra og med år"),
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Tidligere perioder i indstillingerne bevares; en periode, der løber ind i året, "
            "slutter året før."
        ),
    )
    version = version_field()

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [
            (option.code, f"{option.code} – {option.text}") for option in options
        ]


class ScreeningFilterForm(forms.Form):
    """The screening list's filters, from the address. A value no list offers (a region
    code that is none, a factor F9) is an error at its field, not an empty or unfiltered
    list that looks like an answer (C12)."""

    required_marks = "none"

    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        error_messages={"invalid_choice": _("Vælg en region fra listen.")},
    )
    faktor = forms.ChoiceField(
        label=_("Faktor"),
        required=False,
        error_messages={"invalid_choice": _("Vælg en faktor fra listen.")},
    )
    kandidater = forms.BooleanField(
        label=_("Vis kun kandidater (mindst to faktorer eller F4)"), required=False
    )

    def __init__(self, *args, regions, **kwargs):
        kwargs.setdefault("auto_id", "%s")  # the ids the page and its tests have used
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Alle regioner"))] + [
            (region.code, region.name) for region in regions
        ]
        self.fields["faktor"].choices = [("", _("Alle kommuner"))] + [
            (code, _("%(code)s er opfyldt: %(label)s") % {"code": code, "label": label})
            for code, label in FACTOR_LABELS.items()
        ]

    def filters(self) -> dict:
        """The valid filters; one with an error filters nothing."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "region": cleaned.get("region", ""),
            "factor": cleaned.get("faktor", ""),
            "candidates": bool(cleaned.get("kandidater")),
        }
