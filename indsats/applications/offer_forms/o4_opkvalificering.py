"""Application for an Opkvalificeringsforløb (O4) from a døgninstitution or opholdssted.

The working group needs at least one management representative and two to three staff
representatives (O4.3); the minimum conditions are confirmed (O4.5); a site with fewer
employees than the offer's threshold names its partner sites or asks the Board to find
some (O4.4).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import MAX_FORM_INTEGER
from indsats.core.forms import DanishIntegerField, WholeNumberModelMultipleChoiceField
from indsats.organisations.models import Organisation

from .base import OfferApplicationForm, confirmation, date_field, not_in_future, text_area


def people(text: str) -> list[str]:
    """One person per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class OpkvalificeringForm(OfferApplicationForm):
    employee_count = DanishIntegerField(
        label=_("Antal ansatte på stedet"),
        min_value=1,
        max_value=MAX_FORM_INTEGER,
        help_text=_("Alle fastansatte, også deltid."),
    )
    management_representatives = text_area(
        _("Arbejdsgruppen: ledelsesrepræsentanter"),
        _("Mindst én. Én person pr. linje: navn og stilling."),
        rows=2,
    )
    staff_representatives = text_area(
        _("Arbejdsgruppen: medarbejderrepræsentanter"),
        _("To eller tre. Én person pr. linje: navn og stilling."),
        rows=3,
    )
    management_decision = confirmation(  # O4.5
        _("Ledelsen har besluttet at søge og bakker op om forløbet"),
        message=_("Forløbet kræver en ledelsesbeslutning og ledelsens opbakning."),
    )
    decision_date = date_field(_("Dato for ledelsens beslutning"), validators=[not_in_future])
    staff_resources = confirmation(  # O4.5
        _("Der er sat personaleressourcer af til hele forløbet"),
        _("Temadagene, udkast og endelig politik samt det indledende og det afsluttende møde."),
        message=_("Der skal være personaleressourcer til hele forløbet."),
    )
    all_staff_take_part = confirmation(  # O4.5
        _("Vi arbejder for, at alle ansatte deltager"),
        message=_("Målet er, at alle ansatte deltager i forløbet."),
    )
    expectations = text_area(
        _("Erfaringer og forventninger"),
        _("Hvad er jeres erfaringer med overgrebsområdet, og hvad håber I at få ud af forløbet?"),
        required=False,
    )
    partners = WholeNumberModelMultipleChoiceField(
        label=_("Samarbejdssteder"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "De steder, I søger sammen med. Hvert sted sender sin egen ansøgning, og I deler "
            "det indledende møde."
        ),
    )
    asks_board_to_find_partners = forms.BooleanField(
        label=_("Vi vil gerne have hjælp fra Socialstyrelsen til at finde samarbejdssteder"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.threshold = self.offer.small_site_threshold
        self.fields["partners"].queryset = (
            Organisation.objects.placement_sites()
            .exclude(pk=self.organisation.pk)
            .select_related("municipality")
            .order_by("name")
        )
        if self.threshold:
            self.fields["partners"].help_text = (
                str(self.fields["partners"].help_text)
                + " "
                + str(
                    _("Skal udfyldes, hvis stedet har færre end %(n)s ansatte.")
                    % {"n": self.threshold}
                )
            )
        if not self.is_bound and self.organisation.employee_count:
            self.initial.setdefault("employee_count", self.organisation.employee_count)

    def clean_management_representatives(self):
        text = self.cleaned_data["management_representatives"]
        if len(people(text)) < 1:
            raise forms.ValidationError(_("Arbejdsgruppen skal have mindst én fra ledelsen."))
        return text

    def clean_staff_representatives(self):
        text = self.cleaned_data["staff_representatives"]
        count = len(people(text))
        if not 2 <= count <= 3:
            raise forms.ValidationError(  # O4.3
                _(
                    "Arbejdsgruppen skal have to eller tre medarbejderrepræsentanter. "
                    "Der står %(count)s."
                )
                % {"count": count},
                code="staff_representatives",
            )
        return text

    @property
    def is_small_site(self) -> bool:
        count = self.cleaned_data.get("employee_count")
        return bool(self.threshold and count is not None and count < self.threshold)

    def clean(self):
        cleaned = super().clean()
        if (
            self.is_small_site
            and not cleaned.get("partners")
            and not cleaned.get("asks_board_to_find_partners")
        ):
            self.add_error(  # O4.4
                "partners",
                _(
                    "Et sted med færre end %(n)s ansatte skal søge sammen med andre steder. "
                    "Vælg samarbejdssteder, eller bed Socialstyrelsen om hjælp til at "
                    "finde nogle."
                )
                % {"n": self.threshold},
            )
        return cleaned

    def apply_to(self, application) -> None:
        super().apply_to(application)
        application.asks_board_to_find_partners = bool(
            self.is_small_site and self.cleaned_data.get("asks_board_to_find_partners")
        )

    def apply_relations(self, application) -> None:
        application.partners.set(self.cleaned_data.get("partners") or [])
