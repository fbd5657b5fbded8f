from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import refuse_line_breaks
from indsats.core.forms import PhoneNumberField
from indsats.organisations.forms import PlacementSiteForm
from indsats.organisations.models import Municipality, Organisation, OrganisationKind

from . import registration
from .models import User
from .registration import Person


class LoginForm(AuthenticationForm):
    """Django's login form with the e-mail field labelled and typed as e-mail."""

    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "E-mail og adgangskode passer ikke sammen. Bemærk, at der skelnes mellem store "
            "og små bogstaver i adgangskoden."
        ),
        "inactive": _("Denne bruger er ikke aktiv. Kontakt din administrator."),
        "awaiting_approval": _(
            "Din konto er endnu ikke godkendt. Socialstyrelsen tjekker din anmodning om "
            "adgang, og du får en e-mail, så snart den er behandlet."
        ),
        "rejected": _(
            "Socialstyrelsen har ikke godkendt din anmodning om adgang. Se begrundelsen i den "
            "e-mail, du har fået, eller kontakt Socialstyrelsen."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                self._explain_inactive_user()
            raise

    def _explain_inactive_user(self):
        """Tell an inactive user why they cannot log in, if the password is right.

        Django's ModelBackend never authenticates an inactive user, so the form only sees
        "invalid login". This looks the user up and, only when the password matches, says
        whether the Board has yet to approve them. Nobody is logged in either way.
        """
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not email or not password:
            return
        user = User.objects.filter(email__iexact=email, is_active=False).first()
        if user is None or not user.check_password(password):
            return
        latest = user.access_requests.order_by("-created_at", "-pk").first()
        if latest is None:
            code = "inactive"
        elif latest.is_pending:
            code = "awaiting_approval"
        elif latest.approved is False:
            code = "rejected"
        else:
            code = "inactive"
        raise forms.ValidationError(self.error_messages[code], code=code)


class AdminUserCreationForm(auth_forms.AdminUserCreationForm):
    """Django admin's add-user form for our e-mail based user."""

    class Meta:
        model = User
        fields = ("email", "full_name", "organisation", "role")


# --- self-registration and invitations -------------------------------------------------


class CombinedErrors:
    """Several forms on one page, seen by includes/error_summary.html as one form.

    The page then has one error summary that links to every field with an error.
    """

    def __init__(self, *forms_):
        self.forms = [form for form in forms_ if form is not None]

    @property
    def errors(self) -> bool:
        return any(form.errors for form in self.forms)

    def non_field_errors(self) -> list:
        return [error for form in self.forms for error in form.non_field_errors()]

    def __iter__(self):
        for form in self.forms:
            yield from form


def _password_fields():
    return SetPasswordMixin.create_password_fields(
        label1=_("Adgangskode"), label2=_("Gentag adgangskoden")
    )


class _PersonMixin(SetPasswordMixin):
    """Name, title, phone and a password checked by Django's password validators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One line each: the name goes into e-mails' greetings and headers (C12).
        for name in ("full_name", "job_title", "phone"):
            if name in self.fields:
                self.fields[name].validators.append(refuse_line_breaks)

    error_messages = {
        "password_mismatch": _("De to adgangskoder er ikke ens. Skriv den samme to gange."),
    }

    def _validate_password_for(self, email: str) -> None:
        self.validate_passwords()
        candidate = User(
            email=email,
            full_name=self.cleaned_data.get("full_name", ""),
            job_title=self.cleaned_data.get("job_title", ""),
        )
        self.validate_password_for_user(candidate)

    def _drop_password_fields(self, with_password: bool) -> None:
        """Someone who signs in with MitID Erhverv (``oidc``) sets no password here."""
        self.with_password = with_password
        if not with_password:
            del self.fields["password1"]
            del self.fields["password2"]

    def person(self, email: str = "") -> Person:
        data = self.cleaned_data
        return Person(
            full_name=data.get("full_name", ""),
            email=email or data.get("email", ""),
            job_title=data.get("job_title", ""),
            phone=data.get("phone", ""),
        )


class RegistrationSiteForm(PlacementSiteForm):
    """A new placement site registered by its own leader: the site form without the
    contact fields (the registrant is the contact) and with the CVR confirmation right
    after the number."""

    class Meta(PlacementSiteForm.Meta):
        fields = [
            "name",
            "site_type",
            "cvr",
            "municipality",
            "address",
            "postcode",
            "city",
            "employee_count",
        ]
        labels = {
            "name": _("Anbringelsesstedets navn"),
            "municipality": _("Beliggenhedskommune"),
        }
        help_texts = PlacementSiteForm.Meta.help_texts

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "address", "postcode", "city"):
            self.fields[name].required = True
        if "confirm_cvr" in self.fields:
            order = list(self.fields)
            order.remove("confirm_cvr")
            order.insert(order.index("cvr") + 1, "confirm_cvr")
            self.order_fields(order)


class OrganisationKindChoice(models.TextChoices):
    MUNICIPALITY = "municipality", _("En kommune")
    PLACEMENT_SITE = "placement_site", _("Et anbringelsessted (døgninstitution eller opholdssted)")


class SiteChoice(models.TextChoices):
    EXISTING = "existing", _("Ja, det er registreret – jeg vælger det på listen")
    NEW = "new", _("Nej, jeg registrerer det nu")


class PlacementSiteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.city}" if obj.city else obj.name


class RegistrationForm(_PersonMixin, forms.Form):
    """Who the registrant works for, and who they are.

    A new placement site is described in ``site_form`` (a ``RegistrationSiteForm`` with
    the prefix "site"); it is validated only when the registrant chose to register a new
    site, but what was typed in it is kept in any case. Render the error summary with
    ``form.summary`` so that it covers both forms.
    """

    SITE_PREFIX = "site"

    organisation_kind = forms.ChoiceField(
        label=_("Hvem opretter du en konto for?"),
        choices=OrganisationKindChoice.choices,
        widget=forms.RadioSelect,
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommune"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Vælg kommune"),
        help_text=_("Kun hvis du opretter en konto for en kommune."),
    )
    site_choice = forms.ChoiceField(
        label=_("Er anbringelsesstedet allerede registreret i Indsats?"),
        choices=SiteChoice.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Kun hvis du opretter en konto for et anbringelsessted."),
    )
    existing_site = PlacementSiteChoiceField(
        label=_("Anbringelsessted"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Vælg anbringelsessted"),
    )
    full_name = forms.CharField(
        label=_("Dit fulde navn"), max_length=200, widget=forms.TextInput({"autocomplete": "name"})
    )
    job_title = forms.CharField(
        label=_("Din stilling"),
        max_length=200,
        help_text=_("For eksempel afdelingsleder, forstander eller sagsbehandler."),
        widget=forms.TextInput({"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("Din e-mail på arbejdet"),
        help_text=_("Du logger ind med den, og vi skriver til den, når anmodningen er behandlet."),
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    phone = PhoneNumberField(
        label=_("Dit telefonnummer"),
        help_text=_("Socialstyrelsen ringer måske for at bekræfte, at du arbejder der."),
    )
    password1, password2 = _password_fields()

    def __init__(self, data=None, *args, with_password=True, **kwargs):
        super().__init__(data, *args, **kwargs)
        self._drop_password_fields(with_password)
        self.fields["existing_site"].queryset = Organisation.objects.placement_sites()
        if self.needs_new_site:
            self.site_form = RegistrationSiteForm(data, prefix=self.SITE_PREFIX)
        else:
            # Unbound, so that it shows no errors, but with what was typed in it.
            self.site_form = RegistrationSiteForm(
                prefix=self.SITE_PREFIX, initial=self._typed_site_values()
            )

    @property
    def needs_new_site(self) -> bool:
        return (
            self.is_bound
            and self.data.get(self.add_prefix("organisation_kind"))
            == OrganisationKindChoice.PLACEMENT_SITE
            and self.data.get(self.add_prefix("site_choice")) == SiteChoice.NEW
        )

    def _typed_site_values(self) -> dict:
        if not self.is_bound:
            return {}
        values = {}
        for name in RegistrationSiteForm.base_fields:
            value = self.data.get(f"{self.SITE_PREFIX}-{name}")
            if value not in (None, ""):
                values[name] = value
        return values

    @property
    def summary(self) -> CombinedErrors:
        return CombinedErrors(self, self.site_form if self.needs_new_site else None)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if self.needs_new_site:
            valid = self.site_form.is_valid() and valid
        return valid

    def clean_email(self):
        # Whether the address has an account is not told here, but by e-mail to its
        # owner (registration.tell_existing_account; C12).
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("organisation_kind")
        if kind == OrganisationKindChoice.MUNICIPALITY and not cleaned.get("municipality"):
            self.add_error("municipality", _("Vælg den kommune, du arbejder i."))
        elif kind == OrganisationKindChoice.PLACEMENT_SITE:
            choice = cleaned.get("site_choice")
            if not choice:
                self.add_error(
                    "site_choice", _("Vælg, om anbringelsesstedet allerede er registreret.")
                )
            elif choice == SiteChoice.EXISTING and not cleaned.get("existing_site"):
                self.add_error("existing_site", _("Vælg anbringelsesstedet på listen."))
        self._validate_password_for(cleaned.get("email", ""))
        return cleaned

    def organisation(self) -> Organisation:
        """The organisation applied for; a new placement site is returned unsaved."""
        kind = self.cleaned_data["organisation_kind"]
        if kind == OrganisationKindChoice.MUNICIPALITY:
            return Organisation.objects.get(
                kind=OrganisationKind.MUNICIPALITY, municipality=self.cleaned_data["municipality"]
            )
        if self.cleaned_data["site_choice"] == SiteChoice.EXISTING:
            return self.cleaned_data["existing_site"]
        return self.site_form.save(commit=False)


class AccessRequestDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Bemærkning til ansøgeren"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Sendes med i e-mailen. Skriv en begrundelse, hvis du afviser."),
    )


class InviteColleagueForm(forms.Form):
    required_marks = "none"

    full_name = forms.CharField(label=_("Kollegaens fulde navn"), max_length=200)
    email = forms.EmailField(label=_("Kollegaens e-mail"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if registration.email_in_use(email):
            raise forms.ValidationError(
                _("Der findes allerede en bruger med denne e-mail i Indsats."),
                code="email_in_use",
            )
        return email


class AcceptInvitationForm(_PersonMixin, forms.Form):
    """The invitee completes their account; the e-mail comes from the invitation."""

    full_name = forms.CharField(
        label=_("Dit fulde navn"), max_length=200, widget=forms.TextInput({"autocomplete": "name"})
    )
    job_title = forms.CharField(
        label=_("Din stilling"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "organization-title"}),
    )
    phone = PhoneNumberField(label=_("Dit telefonnummer"), required=False)
    password1, password2 = _password_fields()

    def __init__(self, *args, invitation, with_password=True, **kwargs):
        kwargs.setdefault("initial", {"full_name": invitation.full_name})
        super().__init__(*args, **kwargs)
        self._drop_password_fields(with_password)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        self._validate_password_for(self.invitation.email)
        return cleaned
