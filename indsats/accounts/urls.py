from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from indsats.core.password_reset import OutboxPasswordResetForm

from . import sessions, views
from .forms import LoginForm
from .oidc import views as oidc_views

app_name = "accounts"
urlpatterns = [
    path(
        "log-ind/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    # Django's logout, then the OIDC provider's for a MitID Erhverv sign-in (C12).
    path("log-ud/", oidc_views.LogoutView.as_view(), name="logout"),
    # Sign-in with MitID Erhverv through OpenID Connect (C12; indsats.accounts.oidc.views):
    # 404 while no provider is configured.
    path("mitid-erhverv/", oidc_views.OIDCAuthenticateView.as_view(), name="oidc_authenticate"),
    path("mitid-erhverv/svar/", oidc_views.OIDCCallbackView.as_view(), name="oidc_callback"),
    path("mitid-erhverv/forbind/", oidc_views.link, name="oidc_link"),
    path(
        "nulstil-adgangskode/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            form_class=OutboxPasswordResetForm,  # sent by the worker, like every e-mail
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "nulstil-adgangskode/sendt/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "nulstil-adgangskode/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "nulstil-adgangskode/faerdig/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("opret/", views.register, name="register"),
    path("opret/modtaget/", views.registration_received, name="registration_received"),
    path("adgangsanmodninger/", views.access_requests, name="access_requests"),
    path(
        "adgangsanmodninger/<int:pk>/afgoer/",
        views.access_request_decide,
        name="access_request_decide",
    ),
    path("kolleger/", views.colleagues, name="colleagues"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    # Two-factor sign-in for the Board's staff (C12; indsats.accounts.twofactor).
    path("totrin/", include("indsats.accounts.twofactor.urls")),
    # The session's limits and "stay signed in" (C12; indsats.accounts.sessions).
    path("session/", sessions.session_status, name="session_status"),
    path("session/forlaeng/", sessions.session_keep_alive, name="session_keep_alive"),
]
