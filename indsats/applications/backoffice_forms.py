"""Forms of the Board's back office: inbox filters, enquiry answers, assessment, decision,
reopening."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indsats.accounts.models import BOARD_ROLES, User
from indsats.catalogue.models import Offer
from indsats.core.cleaning import MAX_SEARCH_LENGTH
from indsats.core.concurrency import VersionedModelForm, version_field
from indsats.organisations.models import Region

from .models import ApplicationStatus, DecisionOutcome, Enquiry, EnquiryStatus, Judgement


def board_staff():
    return User.objects.filter(
        is_active=True, organisation__kind="board", role__in=list(BOARD_ROLES)
    ).order_by("full_name")


class InboxFilterForm(forms.Form):
    required_marks = "none"

    q = forms.CharField(
        label=_("Søg"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,  # SQLite refuses a very long LIKE pattern (C12)
        help_text=_("Reference, organisation eller emne."),
    )
    offer = forms.ModelChoiceField(
        label=_("Tilbud"),
        queryset=Offer.objects.exclude(applicant_kind="none"),
        required=False,
        empty_label=_("Alle tilbud"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        # Drafts never reach the inbox, so "Kladde" would always show an empty list.
        choices=[("", _("Alle, der venter på os"))]
        + [
            (value, label)
            for value, label in ApplicationStatus.choices
            if value != ApplicationStatus.DRAFT
        ],
        required=False,
    )
    enquiry_status = forms.ChoiceField(
        label=_("Status for henvendelser"),
        choices=[("", _("Alle"))] + list(EnquiryStatus.choices),
        required=False,
        initial=EnquiryStatus.RECEIVED,
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Alle regioner"),
    )
    owner = forms.ChoiceField(label=_("Sagsbehandler"), required=False)
    received_from = forms.DateField(
        label=_("Modtaget fra"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Modtaget til"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [
            ("", _("Alle")),
            ("mine", _("Mine sager")),
            ("none", _("Ikke fordelt")),
        ] + [(str(user.pk), user.full_name) for user in board_staff()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("Slutdatoen skal ligge efter startdatoen."))
        return cleaned


class EnquiryAnswerForm(VersionedModelForm):
    """The Board's answer; carries the enquiry's version, so two people answering at once
    never overwrite each other (C12). An answered enquiry is never "received" again, so
    that status is not offered; a new answer to a received enquiry makes it "answered"."""

    status = forms.ChoiceField(
        label=_("Status efter svaret"),
        choices=[
            (EnquiryStatus.ANSWERED, EnquiryStatus.ANSWERED.label),
            (EnquiryStatus.CLOSED, EnquiryStatus.CLOSED.label),
        ],
        help_text=_("Vælg »Afsluttet«, når der ikke skal ske mere i sagen."),
        error_messages={"invalid_choice": _("Vælg »Besvaret« eller »Afsluttet«.")},
    )

    class Meta:
        model = Enquiry
        fields = ["answer", "initial_meeting_at", "initial_meeting_place", "status"]
        labels = {
            "answer": _("Svar til ansøgeren"),
            "initial_meeting_at": _("Tidspunkt for det indledende møde"),
            "initial_meeting_place": _("Sted for det indledende møde"),
        }
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 5}),
            "initial_meeting_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }
        error_messages = {
            "answer": {"required": _("Skriv svaret til ansøgeren.")},
            "initial_meeting_at": {
                "invalid": _("Skriv tidspunktet for mødet som dato og klokkeslæt.")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.fields["initial_meeting_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"]
        if self.instance.status == EnquiryStatus.RECEIVED:
            self.initial["status"] = EnquiryStatus.ANSWERED

    def clean_initial_meeting_at(self):
        meeting_at = self.cleaned_data.get("initial_meeting_at")
        # A meeting already on the enquiry may have been held; only a new time must be ahead.
        moved = meeting_at != self.instance.initial_meeting_at
        if meeting_at is not None and moved and meeting_at <= timezone.now():
            raise forms.ValidationError(
                _("Tidspunktet er passeret. Vælg et tidspunkt for mødet, der ligger efter nu."),
                code="past",
            )
        return meeting_at

    def clean(self):
        cleaned = super().clean()
        place_without_time = cleaned.get("initial_meeting_place") and not cleaned.get(
            "initial_meeting_at"
        )
        if place_without_time and "initial_meeting_at" not in self.errors:
            self.add_error(
                "initial_meeting_at", _("Skriv, hvornår mødet er, når der står et mødested.")
            )
        return cleaned


class AssignForm(forms.Form):
    case_officer = forms.ModelChoiceField(
        label=_("Sagsbehandler"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Ingen"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_officer"].queryset = board_staff()


class AssessmentForm(forms.Form):
    """A judgement and a reason for each of the offer's conditions and criteria."""

    # The assessment's version the officer started from; NEW when there was none yet.
    version = version_field(required=False)
    summary = forms.CharField(
        label=_("Samlet vurdering"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, rules, judgements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = list(rules)
        judgements = judgements or {}
        for rule in self.rules:
            current = judgements.get(rule.pk)
            self.fields[f"judgement_{rule.pk}"] = forms.ChoiceField(
                label=f"{rule.requirement}: {rule}",
                choices=[("", _("Ikke vurderet"))] + list(Judgement.choices),
                required=False,
                widget=forms.RadioSelect,
                initial=current.judgement if current else "",
            )
            # Named after the rule, so an error in the summary says which one it concerns.
            self.fields[f"reason_{rule.pk}"] = forms.CharField(
                label=_("Begrundelse for »%(criterion)s«") % {"criterion": rule},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.reason if current else "",
                help_text=_("Til sagen. Står aldrig i brevet til ansøgeren."),
            )

    def clean(self):
        cleaned = super().clean()
        for rule in self.rules:
            if cleaned.get(f"judgement_{rule.pk}") and not cleaned.get(f"reason_{rule.pk}"):
                self.add_error(f"reason_{rule.pk}", _("Skriv en begrundelse for vurderingen."))
        return cleaned

    def judgements(self) -> dict:
        return {
            rule.pk: (
                self.cleaned_data.get(f"judgement_{rule.pk}", ""),
                self.cleaned_data.get(f"reason_{rule.pk}", ""),
            )
            for rule in self.rules
        }

    def rows(self):
        """(rule, judgement field, reason field) for the template."""
        return [
            (rule, self[f"judgement_{rule.pk}"], self[f"reason_{rule.pk}"]) for rule in self.rules
        ]


class LetterTextForm(forms.Form):
    """The text to the applicant, as the officer edits it in the letter preview."""

    applicant_text = forms.CharField(
        label=_("Begrundelse til ansøgeren"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Står i afgørelsesbrevet. Skriv i et sprog, ansøgeren forstår, og forklar, hvorfor."
        ),
        error_messages={"required": _("Skriv begrundelsen til ansøgeren; den står i brevet.")},
    )


class CorrectedLetterForm(LetterTextForm):
    """The corrected text, and the version of the letter the officer started from: a
    colleague's correction sent in between is never silently replaced (C12)."""

    version = version_field()


class DecisionForm(LetterTextForm):
    """Outcome, the text to the applicant and an internal reason for the file (C4), and
    the version of the application the officer decided on (C12)."""

    field_order = ["outcome", "applicant_text", "internal_reason"]

    version = version_field(required=False)

    outcome = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg en afgørelse.")},
    )
    internal_reason = forms.CharField(
        label=_("Intern begrundelse for afgørelsen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Til sagen. Står aldrig i brevet eller i e-mails til ansøgeren."),
    )


class OverrideForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Hvorfor kan der træffes afgørelse uden en fuld vurdering?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv, hvorfor der gives en undtagelse.")},
    )


class ReopenForm(forms.Form):
    reopen_reason = forms.CharField(
        label=_("Hvorfor genoptages afgørelsen?"), widget=forms.Textarea(attrs={"rows": 3})
    )
