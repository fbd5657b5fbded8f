"""Sign-in with MitID Erhverv through OpenID Connect, against a real provider (C12).

The provider is ``oidc_provider/provider.mjs`` (npm ``oidc-provider``), started on
127.0.0.1 once for the module. The Django test client starts and ends the flow;
``requests`` plays the browser at the provider.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from indsats.accounts import strong_auth
from indsats.accounts.models import ExternalIdentity, Invitation, Role
from indsats.accounts.oidc.backend import OIDCBackend
from indsats.accounts.oidc.identity import (
    BACKEND_PATH,
    ID_TOKEN_SESSION_KEY,
    PENDING_SESSION_KEY,
    PendingIdentity,
    pending_identity,
)
from indsats.accounts.oidc.provider import (
    expected_issuer,
    forget_provider,
    parse_discovery,
    provider_keys,
    strong_sign_in_method,
    verify_id_token,
)
from indsats.accounts.oidc.views import invitation_token
from indsats.accounts.tests.oidc_provider import (
    CALLBACK_PATH,
    configure,
    running_provider,
    sign_in_at_provider,
)
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

TEST_SERVER = "http://testserver"


@pytest.fixture(scope="module")
def running():
    """One provider process for the module: starting Node costs most of a second."""
    with running_provider(
        [TEST_SERVER + CALLBACK_PATH], post_logout_redirect_uris=[TEST_SERVER + "/"]
    ) as running:
        yield running


@pytest.fixture
def provider(settings, running):
    """The running provider, and the service configured to use it."""
    configure(settings, running)
    yield running
    forget_provider()


def linked_user(provider, subject, **fields):
    user = UserFactory(**fields)
    ExternalIdentity.objects.create(user=user, issuer=provider.issuer, subject=subject)
    return user


def test_it_logs_in_a_linked_user_and_lands_on_the_overview(client, provider, aarhus):
    """C12: the (issuer, subject) pair maps to the user through ExternalIdentity."""
    user = linked_user(provider, "mette", role=Role.APPLICANT, organisation=aarhus)
    response = sign_in_at_provider(client, provider, "mette")
    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.session["_auth_user_backend"] == BACKEND_PATH
    assert ExternalIdentity.objects.get(subject="mette").last_used_at is not None


def test_it_uses_pkce_state_and_nonce(client, provider):
    """C12: the authorisation request carries a PKCE challenge (S256), state and nonce."""
    start = client.get(reverse("accounts:oidc_authenticate"))
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"][0]
    assert query["state"][0]
    assert query["nonce"][0]
    assert query["scope"] == ["openid profile email"]


def test_it_refuses_a_first_sign_in_until_the_identity_is_linked(client, provider):
    """C12: a first sign-in with no link logs nobody in and lands on the link page."""
    response = sign_in_at_provider(client, provider, "ny-person")
    assert response.status_code == 302
    assert response.url == reverse("accounts:oidc_link")
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert "Forbind din MitID Erhverv-login" in page.text
    assert "Test ny-person" in page.text  # the name the provider gave
    pending = pending_identity(type("R", (), {"session": client.session}))
    assert (pending.issuer, pending.subject) == (provider.issuer, "ny-person")
    assert not ExternalIdentity.objects.exists()


def test_it_never_matches_a_user_by_e_mail(client, provider, aarhus):
    """C12: the provider's e-mail equals a user's, but no link exists: nobody logged in."""
    UserFactory(email="ny-person@idp.test", role=Role.APPLICANT, organisation=aarhus)
    response = sign_in_at_provider(client, provider, "ny-person")
    assert response.url == reverse("accounts:oidc_link")
    assert "_auth_user_id" not in client.session


def test_it_links_the_identity_when_an_invitation_is_accepted(client, provider, aarhus):
    """C12: the pending identity is tied to the invited user, who sets no password."""
    invitation = Invitation.objects.create(
        organisation=aarhus, email="mette@aarhus.test", full_name="Mette Invitation"
    )
    sign_in_at_provider(client, provider, "mette-sub")
    link_page = reverse("accounts:oidc_link")
    response = client.post(link_page, {"invitation": "https://x.test/konto/invitation/nope/"})
    assert response.status_code == 200
    assert "Vi kan ikke finde invitationen" in response.text
    response = client.post(
        link_page, {"invitation": f"{TEST_SERVER}/konto/invitation/{invitation.token}/"}
    )
    assert response.url == reverse("accounts:invitation", args=[invitation.token])
    form_page = client.get(response.url)
    assert "password1" not in form_page.text
    response = client.post(
        response.url, {"full_name": "Mette Invitation", "job_title": "Afdelingsleder"}
    )
    assert response.status_code == 302
    identity = ExternalIdentity.objects.select_related("user").get()
    assert (identity.issuer, identity.subject) == (provider.issuer, "mette-sub")
    assert identity.user.email == "mette@aarhus.test"
    assert not identity.user.has_usable_password()
    assert int(client.session["_auth_user_id"]) == identity.user.pk
    assert ID_TOKEN_SESSION_KEY in client.session
    assert PENDING_SESSION_KEY not in client.session

    # The link is in the audit trail.
    from auditlog.models import LogEntry

    assert LogEntry.objects.get_for_object(identity).filter(action=LogEntry.Action.CREATE)

    # Next time the same login goes straight in.
    client.logout()
    response = sign_in_at_provider(client, provider, "mette-sub")
    assert response.url == reverse("core:dashboard")
    assert int(client.session["_auth_user_id"]) == identity.user.pk


def test_it_links_the_identity_when_the_access_request_is_approved(
    client, provider, aarhus, case_officer
):
    """C12: an access request made with a pending identity links it on approval only."""
    from indsats.accounts import registration
    from indsats.accounts.models import AccessRequest

    sign_in_at_provider(client, provider, "anna-sub")
    form = client.get(reverse("accounts:register"))
    assert "password1" not in form.text
    assert "anna-sub@idp.test" in form.text  # the e-mail offered, to be confirmed
    response = client.post(
        reverse("accounts:register"),
        {
            "organisation_kind": "municipality",
            "municipality": aarhus.municipality_id,
            "full_name": "Anna Anmoder",
            "job_title": "Leder",
            "email": "anna@aarhus.test",
            "phone": "12345678",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    request = AccessRequest.objects.get()
    assert (request.pending_issuer, request.pending_subject) == (provider.issuer, "anna-sub")
    assert not ExternalIdentity.objects.exists()

    # Before approval the sign-in still lands on the link page, which says it waits.
    response = sign_in_at_provider(client, provider, "anna-sub")
    assert response.url == reverse("accounts:oidc_link")
    assert "venter på Socialstyrelsen" in client.get(response.url).text

    registration.approve(request, case_officer)
    client.logout()
    response = sign_in_at_provider(client, provider, "anna-sub")
    assert response.url == reverse("core:dashboard")
    assert int(client.session["_auth_user_id"]) == request.user_id


def test_it_does_not_link_a_rejected_access_request(client, provider, aarhus, case_officer):
    from indsats.accounts import registration
    from indsats.accounts.registration import Person

    identity = PendingIdentity(issuer=provider.issuer, subject="afvist")
    access_request = registration.create_registration(
        organisation=aarhus,
        person=Person("Afvist", "afvist@aarhus.test"),
        password=None,
        identity=identity,
    )
    registration.reject(access_request, case_officer)
    assert not ExternalIdentity.objects.exists()
    assert sign_in_at_provider(client, provider, "afvist").url == reverse("accounts:oidc_link")


def test_it_marks_a_multi_factor_sign_in_as_strong(client, provider, aarhus):
    """C12: acr at NSIS Substantial makes the sign-in strong (strong_auth)."""
    linked_user(provider, "stærk", role=Role.APPLICANT, organisation=aarhus)
    sign_in_at_provider(client, provider, "stærk", strong=True)
    assert "Substantial" in client.session[strong_auth.SESSION_KEY]

    client.logout()
    sign_in_at_provider(client, provider, "stærk", strong=False)
    assert "_auth_user_id" in client.session
    assert strong_auth.SESSION_KEY not in client.session


def test_it_refuses_a_deactivated_user(client, provider, aarhus):
    linked_user(provider, "stoppet", role=Role.APPLICANT, organisation=aarhus, is_active=False)
    response = sign_in_at_provider(client, provider, "stoppet")
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    assert "ikke aktiv" in client.get(response.url).text


def test_it_refuses_an_answer_whose_nonce_differs(client, provider, aarhus):
    """C12: the ID token's nonce must be the one this session sent."""
    from indsats.accounts.tests.oidc_provider import provider_callback_url

    linked_user(provider, "nonce", role=Role.APPLICANT, organisation=aarhus)
    url = provider_callback_url(client, provider, "nonce")
    session = client.session
    for entry in session["oidc_states"].values():
        entry["nonce"] = "en-anden-nonce"
    session.save()
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_answer_for_another_state(client, provider):
    """C12: a callback whose state this session never sent is refused."""
    response = client.get(CALLBACK_PATH + "?code=abc&state=ukendt")
    assert response.status_code in (302, 400)
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_expired_id_token(client, provider, aarhus):
    """C12: the provider's ID token has expired by the time the service checks it."""
    import datetime as dt

    import time_machine

    from indsats.accounts.tests.oidc_provider import provider_callback_url

    linked_user(provider, "udløbet", role=Role.APPLICANT, organisation=aarhus)
    url = provider_callback_url(client, provider, "udløbet")
    parts = urlsplit(url)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    with time_machine.travel(later, tick=True):
        response = client.get(f"{parts.path}?{parts.query}")
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_it_logs_out_at_the_provider_too(client, provider, aarhus):
    """C12: logout ends the session here and sends the browser to end_session_endpoint."""
    linked_user(provider, "ud", role=Role.APPLICANT, organisation=aarhus)
    sign_in_at_provider(client, provider, "ud")
    id_token = client.session[ID_TOKEN_SESSION_KEY]
    response = client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    location = urlsplit(response.url)
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{provider.issuer}/session/end"
    )
    query = parse_qs(location.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [TEST_SERVER + "/"]


def test_it_logs_a_password_user_out_here_only(client, provider, applicant):
    client.force_login(applicant)
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("core:front")
    assert "_auth_user_id" not in client.session


def test_it_shows_the_button_when_a_provider_is_configured(client, provider):
    assert "Log ind med MitID Erhverv" in client.get(reverse("accounts:login")).text


def test_it_hides_the_button_and_the_pages_without_a_provider(client, settings, rf):
    """C12: with no provider configured there is no button, no OIDC page, no backend."""
    settings.OIDC_DISCOVERY_URL = ""
    settings.OIDC_RP_CLIENT_ID = ""
    assert "MitID Erhverv" not in client.get(reverse("accounts:login")).text
    for name in ("oidc_authenticate", "oidc_callback", "oidc_link"):
        assert client.get(reverse(f"accounts:{name}")).status_code == 404
    request = rf.get(CALLBACK_PATH, {"code": "c", "state": "s"})
    assert OIDCBackend().authenticate(request, nonce="n", code_verifier="v") is None
    assert authenticate(request, nonce="n", code_verifier="v") is None


# --- the ID token checks, on a real token from the provider ------------------------------


@pytest.fixture
def real_id_token(client, provider, aarhus):
    """An ID token the provider signed, as the service received it."""
    linked_user(provider, "token", role=Role.APPLICANT, organisation=aarhus)
    sign_in_at_provider(client, provider, "token")
    return client.session[ID_TOKEN_SESSION_KEY]


def _verify(token, provider, **overrides):
    arguments = {
        "keys": provider_keys(),
        "issuer": provider.issuer,
        "audience": "indsats",
        "leeway": 0,
        **overrides,
    }
    return verify_id_token(token, **arguments)


def _b64(data: dict) -> str:
    import base64
    import json

    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_it_accepts_the_providers_own_id_token(real_id_token, provider):
    claims = _verify(real_id_token, provider)
    assert (claims["iss"], claims["sub"]) == (provider.issuer, "token")


def test_it_refuses_a_tampered_id_token(real_id_token, provider):
    """C12: a changed claim breaks the provider's signature: refused."""
    import jwt
    from django.core.exceptions import SuspiciousOperation

    header, _payload, signature = real_id_token.split(".")
    claims = jwt.decode(real_id_token, options={"verify_signature": False})
    claims["sub"] = "someone-else"
    with pytest.raises(SuspiciousOperation, match="Signature verification failed"):
        _verify(f"{header}.{_b64(claims)}.{signature}", provider)


def test_it_refuses_an_id_token_signed_with_another_key(real_id_token, provider):
    """C12: the same claims and key id, signed by a key the provider never published."""
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa
    from django.core.exceptions import SuspiciousOperation

    claims = jwt.decode(real_id_token, options={"verify_signature": False})
    kid = jwt.get_unverified_header(real_id_token)["kid"]
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(claims, other_key, algorithm="RS256", headers={"kid": kid})
    with pytest.raises(SuspiciousOperation):
        _verify(forged, provider)


def test_it_refuses_an_unsigned_or_symmetrically_signed_id_token(real_id_token, provider):
    """C12: alg "none" and HS256 (with the public key as the secret) are refused."""
    import jwt
    from django.core.exceptions import SuspiciousOperation

    claims = jwt.decode(real_id_token, options={"verify_signature": False})
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    with pytest.raises(SuspiciousOperation):
        _verify(unsigned, provider)
    symmetric = jwt.encode(claims, "a-guessed-secret-of-thirty-two-bytes!", algorithm="HS256")
    with pytest.raises(SuspiciousOperation):
        _verify(symmetric, provider)


def test_it_refuses_an_id_token_for_another_client_or_issuer(real_id_token, provider):
    """C12: audience and issuer are checked, not only the signature."""
    from django.core.exceptions import SuspiciousOperation

    with pytest.raises(SuspiciousOperation, match="(?i)audience"):
        _verify(real_id_token, provider, audience="another-client")
    with pytest.raises(SuspiciousOperation, match="(?i)issuer"):
        _verify(real_id_token, provider, issuer="https://another-provider.test")


def test_it_refuses_the_providers_id_token_once_expired(real_id_token, provider):
    """C12: exp is checked (with the configured leeway)."""
    import datetime as dt

    import jwt
    import time_machine
    from django.core.exceptions import SuspiciousOperation

    expiry = jwt.decode(real_id_token, options={"verify_signature": False})["exp"]
    later = dt.datetime.fromtimestamp(expiry + 61, dt.UTC)
    with time_machine.travel(later), pytest.raises(SuspiciousOperation, match="expired"):
        _verify(real_id_token, provider, leeway=60)


@pytest.mark.parametrize(
    ("claims", "strong"),
    [
        ({"acr": "https://data.gov.dk/concept/core/nsis/loa/Substantial"}, True),
        ({"acr": "https://data.gov.dk/concept/core/nsis/loa/High"}, True),
        ({"acr": "https://data.gov.dk/concept/core/nsis/loa/Low"}, False),
        ({"amr": ["mfa"]}, True),
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["pwd"]}, False),
        ({}, False),
    ],
)
def test_it_reads_a_multi_factor_sign_in_from_acr_and_amr(claims, strong):
    """C12: strong when the provider says so in acr (NSIS Substantial/High) or amr."""
    assert bool(strong_sign_in_method(claims)) is strong


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("https://indsats.test/konto/invitation/abc_DEF-1/", "abc_DEF-1"),
        ("  abc_DEF-1 ", "abc_DEF-1"),
        ("https://indsats.test/konto/invitation/abc?utm=1", "abc"),
        ("<script>", ""),
        ("", ""),
    ],
)
def test_it_reads_the_invitation_token_from_a_pasted_link(text, token):
    assert invitation_token(text) == token


def test_it_explains_the_link_page_in_english_too(client, provider, settings):
    """C11/C12: every string of the link page and the login button has its English."""
    sign_in_at_provider(client, provider, "english")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("accounts:oidc_link")).text
    assert "Connect your MitID Erhverv login" in page
    assert "We never connect a login to a user by an e-mail address alone" in page
    assert "Sign in with MitID Erhverv" in client.get(reverse("accounts:login")).text
    for danish in ("Forbind din", "Jeg har fået en invitation", "Anmod om adgang"):
        assert danish not in page


def test_it_does_not_count_first_sign_ins_as_failed_passwords(client, provider, aarhus):
    """C12: waiting for a link is no failed password; django-axes must not lock the
    address (a municipality's office shares one) or count it."""
    from axes.models import AccessAttempt

    for number in range(3):
        assert sign_in_at_provider(client, provider, f"ny-{number}").url == reverse(
            "accounts:oidc_link"
        )
    assert not AccessAttempt.objects.exists()


# --- configuration from the environment ------------------------------------------------


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"OIDC_RP_CLIENT_ID": "indsats"}, "Set both OIDC_DISCOVERY_URL"),
        ({"OIDC_ISSUER": "https://broker.test"}, "Set both OIDC_DISCOVERY_URL"),
        (
            {"OIDC_ISSUER": "https://broker.test", "OIDC_RP_CLIENT_ID": "indsats"},
            "OIDC_RP_CLIENT_SECRET (or _FILE) must be set",
        ),
        (
            {
                "INDSATS_MODE": "production",
                "SECRET_KEY": "k" * 20 + "Zq9-" * 10,
                "ALLOWED_HOSTS": "indsats.example",
                "SITE_URL": "https://indsats.example",
                "OIDC_ISSUER": "http://broker.test",
                "OIDC_RP_CLIENT_ID": "indsats",
                "OIDC_RP_CLIENT_SECRET": "s",
            },
            "OIDC_DISCOVERY_URL must be an https:// address in production",
        ),
    ],
)
@pytest.mark.django_db(databases=[])
def test_it_refuses_a_half_configured_provider(env, message):
    from indsats.core.tests.test_settings import _manage

    result = _manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.django_db(databases=[])
def test_it_reads_the_client_secret_from_a_file_and_the_discovery_from_the_issuer(tmp_path):
    from indsats.core.tests.test_settings import _manage

    secret = tmp_path / "secret"
    secret.write_text("hemmelig-klient\n", encoding="utf-8")
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.OIDC_DISCOVERY_URL, s.OIDC_RP_CLIENT_SECRET, s.OIDC_USE_PKCE)",
        OIDC_ISSUER="https://broker.test/",
        OIDC_RP_CLIENT_ID="indsats",
        OIDC_RP_CLIENT_SECRET_FILE=str(secret),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "https://broker.test/.well-known/openid-configuration",
        "hemmelig-klient",
        "True",
    ]


def test_it_refuses_a_discovery_document_for_another_issuer(settings):
    from django.core.exceptions import ImproperlyConfigured

    document = {
        "issuer": "https://evil.test",
        "authorization_endpoint": "https://evil.test/auth",
        "token_endpoint": "https://evil.test/token",
        "jwks_uri": "https://evil.test/jwks",
    }
    with pytest.raises(ImproperlyConfigured, match="names issuer"):
        parse_discovery(document, "https://broker.test")
    settings.OIDC_ISSUER = ""
    assert expected_issuer("https://broker.test/.well-known/openid-configuration") == (
        "https://broker.test"
    )


def test_it_spares_staff_the_second_factor_only_after_a_strong_sign_in(client, provider, settings):
    """C12: a staff member whose provider vouched for two factors (acr Substantial) goes
    straight in; after a one-factor sign-in they are sent to confirm a second factor."""
    settings.INDSATS_STAFF_TWO_FACTOR = True
    linked_user(provider, "medarbejder", role=Role.CASE_OFFICER)

    sign_in_at_provider(client, provider, "medarbejder", strong=True)
    assert client.get(reverse("core:dashboard")).status_code == 200

    client.logout()
    sign_in_at_provider(client, provider, "medarbejder", strong=False)
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    # No authenticator app yet: sent to set one up, then back to the overview.
    assert response.url.startswith(reverse("accounts:twofactor:enrol"))
    assert "overblik" in response.url
