"""The two-factor pages (C12): the code after the password, setting up an app, the
recovery codes shown once, the user's own security page with replacing the app, and an
administrator's reset."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.accounts.models import BOARD_ROLES
from indsats.organisations.models import OrganisationKind

from . import services
from .forms import CodeForm, EnrolForm, ResetForm
from .models import SecurityEventKind

NEW_CODES_KEY = "indsats_two_factor_new_codes"
NEXT_KEY = "indsats_two_factor_next"
FEW_CODES_LEFT = 3


def _next_url(request) -> str:
    """Where to go once confirmed: the page asked for, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("core:dashboard")


def _with_next(name: str, next_url: str) -> str:
    url = reverse(name)
    if next_url and next_url != reverse("core:dashboard"):
        url += "?" + urlencode({"next": next_url})
    return url


def _pending_context(request) -> dict:
    """A session still waiting for its second factor gets no main menu: every entry in it
    would only lead back here."""
    return {"main_menu": []} if services.needs_second_factor(request) else {}


@never_cache
def verify(request):
    """The code after the password, for a staff user with an app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if not services.needs_second_factor(request):
        return redirect(next_url)
    if services.confirmed_app(request.user) is None:
        return redirect(_with_next("accounts:twofactor:enrol", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.check_code(request.user, form.cleaned_data["code"])
        if result.accepted:
            services.mark_verified(request, result.device)
            if isinstance(result.device, StaticDevice):
                left = services.note_recovery_code_used(
                    request.user, SecurityEventKind.SIGNED_IN_WITH_RECOVERY_CODE
                )
                _tell_recovery_codes_left(request, left)
            return redirect(next_url)
        form.add_error("code", _code_error(result))
    return render(
        request,
        "accounts/twofactor/verify.html",
        {"form": form, "next": next_url, **_pending_context(request)},
    )


def _code_error(result, setting_up: bool = False) -> str:
    if result.wait_seconds:
        # django-otp waits 1, 2, 4 ... seconds after each wrong code in a row: after the
        # first as well, so the message must not speak of "too many".
        return ngettext(
            "Den forrige kode passede ikke. Af sikkerhedshensyn skal du vente %(seconds)d "
            "sekund, før du prøver igen.",
            "Den forrige kode passede ikke. Af sikkerhedshensyn skal du vente %(seconds)d "
            "sekunder, før du prøver igen.",
            result.wait_seconds,
        ) % {"seconds": result.wait_seconds}
    if setting_up:
        return _("Koden passer ikke. Skriv de 6 cifre, appen viser for Indsats lige nu.")
    return _(
        "Koden passer ikke. Skriv den kode, appen viser lige nu, eller en reservekode, "
        "du ikke har brugt før."
    )


def _tell_recovery_codes_left(request, left: int) -> None:
    text = ngettext(
        "Du har brugt en reservekode. Du har %(count)d reservekode tilbage.",
        "Du har brugt en reservekode. Du har %(count)d reservekoder tilbage.",
        left,
    ) % {"count": left}
    if left <= FEW_CODES_LEFT:
        text += " " + _("Lav nye reservekoder under »Sikkerhed«.")
    messages.warning(request, text)


@never_cache
def enrol(request):
    """Set up an authenticator app: QR code and typed secret, then a first code from it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    next_url = _next_url(request)
    if not services.is_required(user):
        return redirect(next_url)
    if services.confirmed_app(user) is not None:
        # A second app is never added with the password alone: confirm the existing one.
        if services.needs_second_factor(request):
            return redirect(_with_next("accounts:twofactor:verify", next_url))
        return redirect("accounts:twofactor:security")
    device = services.pending_app(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.confirm_app(user, device, form.cleaned_data["code"])
        if result.accepted:
            codes = services.new_recovery_codes(user)
            services.mark_verified(request, result.device)
            request.session[NEW_CODES_KEY] = codes
            request.session[NEXT_KEY] = next_url
            messages.success(request, _("Din godkendelsesapp er sat op."))
            return redirect("accounts:twofactor:recovery_codes")
        form.add_error("code", _code_error(result, setting_up=True))
    return render(
        request,
        "accounts/twofactor/enrol.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": services.qr_code_svg(device, _("QR-kode til godkendelsesappen")),
            "secret": services.secret_for_typing(device),
            "account_name": user.email,
            **_pending_context(request),
        },
    )


@never_cache
@requires(permissions.is_board_staff)
def recovery_codes(request):
    """New recovery codes, shown this once (they are not shown again)."""
    codes = request.session.pop(NEW_CODES_KEY, None)
    next_url = request.session.pop(NEXT_KEY, None) or reverse("accounts:twofactor:security")
    return render(
        request,
        "accounts/twofactor/recovery_codes.html",
        {"codes": [services.shown(code) for code in codes or []], "next": next_url},
    )


@never_cache
@requires(permissions.is_board_staff)
def security(request):
    """The user's own two-factor status, and new recovery codes."""
    app = services.confirmed_app(request.user)
    return render(
        request,
        "accounts/twofactor/security.html",
        {
            "app": app,
            "codes_left": services.remaining_recovery_codes(request.user),
        },
    )


@never_cache
@requires(permissions.is_board_staff)
def replace_confirm(request):
    """Replacing the app, first step: a current code, from the app in use or a recovery
    code, so that a signed-in browser left unattended cannot move the factor elsewhere."""
    user = request.user
    if services.confirmed_app(user) is None:
        return redirect("accounts:twofactor:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.check_code(user, form.cleaned_data["code"])
        if result.accepted:
            if isinstance(result.device, StaticDevice):
                services.note_recovery_code_used(
                    user, SecurityEventKind.CONFIRMED_WITH_RECOVERY_CODE
                )
            services.confirm_for_replacement(request)
            return redirect("accounts:twofactor:replace_app")
        form.add_error("code", _code_error(result))
    return render(request, "accounts/twofactor/replace_confirm.html", {"form": form})


@never_cache
@requires(permissions.is_board_staff)
def replace_app(request):
    """Replacing the app, second step: scan the new one and type a code from it. The old
    app keeps working until then (``services.confirm_app`` replaces it); the recovery codes
    stay as they are."""
    user = request.user
    if services.confirmed_app(user) is None:
        return redirect("accounts:twofactor:enrol")
    if not services.may_replace_app(request):
        if request.method == "POST":
            messages.info(
                request, _("Der gik for lang tid. Bekræft igen med en kode, før du skifter app.")
            )
        return redirect("accounts:twofactor:replace")
    device = services.pending_app(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.confirm_app(user, device, form.cleaned_data["code"])
        if result.accepted:
            services.end_replacement(request)
            services.mark_verified(request, result.device)
            messages.success(
                request,
                _("Din nye godkendelsesapp er sat op. Den gamle app virker ikke længere."),
            )
            return redirect("accounts:twofactor:security")
        form.add_error("code", _code_error(result, setting_up=True))
    return render(
        request,
        "accounts/twofactor/replace_app.html",
        {
            "form": form,
            "qr_svg": services.qr_code_svg(device, _("QR-kode til godkendelsesappen")),
            "secret": services.secret_for_typing(device),
            "account_name": user.email,
        },
    )


@require_POST
@requires(permissions.is_board_staff)
def new_codes(request):
    if services.confirmed_app(request.user) is None:
        return redirect("accounts:twofactor:security")
    request.session[NEW_CODES_KEY] = services.new_recovery_codes(request.user)
    request.session[NEXT_KEY] = reverse("accounts:twofactor:security")
    return redirect("accounts:twofactor:recovery_codes")


@requires(permissions.can_use_admin_site)
def reset(request, pk):
    """An administrator removes a staff user's app and recovery codes, with a reason."""
    target = get_object_or_404(
        get_user_model().objects.select_related("organisation"),
        pk=pk,
        role__in=BOARD_ROLES,
        organisation__kind=OrganisationKind.BOARD,
    )
    if not permissions.can_reset_two_factor(request.user, target):
        raise PermissionDenied
    form = ResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reset(target, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _(
                "Totrinsbekræftelsen for %(name)s er nulstillet. %(name)s sætter en ny "
                "godkendelsesapp op ved næste login."
            )
            % {"name": target.full_name},
        )
        return redirect("admin:accounts_user_change", target.pk)
    return render(
        request,
        "accounts/twofactor/reset.html",
        {
            "target": target,
            "form": form,
            "has_app": services.confirmed_app(target) is not None,
            "codes_left": services.remaining_recovery_codes(target),
        },
    )
