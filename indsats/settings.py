"""Django settings for Indsats, read strictly from the environment (see indsats.env).

INDSATS_MODE selects the defaults: ``development`` (the default; SQLite under var/, a
generated secret key, e-mail to the console) or ``production`` (everything secret or
host-specific must be given; ``manage.py check --deploy`` is clean).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from indsats.env import Env, parse_cache_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = Env()
MODE = env.choice("INDSATS_MODE", ("development", "production"), "development")
PRODUCTION = MODE == "production"


def _development_secret_key() -> str:
    """A random key kept in var/ so that logins survive a restart of the dev server."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return key_file.read_text(encoding="utf-8").strip()


if PRODUCTION:
    SECRET_KEY = env.required("SECRET_KEY", "production needs a long random secret key.")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production.")
else:
    SECRET_KEY = env.str("SECRET_KEY") or _development_secret_key()

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (INDSATS_MODE=production).")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host(s) the service answers on.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "indsats.core.staticfiles.IndsatsStaticFilesConfig",  # collects only what pages load
    "auditlog",
    "django_tasks",  # background jobs (C13): see TASKS below
    "django_tasks_db",
    "indsats.core",
    "indsats.organisations",
    "indsats.accounts",
    "indsats.audit",
    "indsats.catalogue",
    "indsats.applications",
    "indsats.programmes",
    "indsats.allocation",
    "indsats.screening",
    "indsats.reports",
    "indsats.api",  # the REST API and its tokens (C9)
    # Two-factor sign-in for the Board's staff (C12): see "Two-factor" below.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "indsats.accounts.twofactor",
    "axes",  # throttles password sign-in (C12): see "Sign-in security" below
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "indsats.core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # was the second factor confirmed? (C12)
    "indsats.accounts.twofactor.middleware.StaffTwoFactorMiddleware",  # staff: confirm it
    "django.contrib.messages.middleware.MessageMiddleware",
    "indsats.accounts.sessions.SessionLimitsMiddleware",  # idle and absolute limits (C12)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "indsats.core.headers.PolicyMiddleware",  # Content-Security-Policy (C12)
    "indsats.core.headers.PermissionsPolicyMiddleware",  # Permissions-Policy (C12)
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the login page (C12)
]

ROOT_URLCONF = "indsats.urls"
WSGI_APPLICATION = "indsats.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "indsats" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "indsats.core.context_processors.site",
                "csp.context_processors.nonce",  # CSP_NONCE, for a rare inline block (C12)
                # The catalogue's page cache swaps the CSRF token for a placeholder.
                "indsats.catalogue.cache.csrf_placeholder",
            ],
        },
    },
]
FORM_RENDERER = "indsats.core.forms.DkfdsFormRenderer"  # forms in the DKFDS look

# Database: DATABASE_URL, by default a SQLite file under var/.
_default_database_url = f"sqlite:///{VAR_DIR / 'indsats.sqlite3'}"
_database_url = env.str("DATABASE_URL", default=_default_database_url)
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a usable database address: {exc}") from exc
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured("DATABASE_URL must point to SQLite or PostgreSQL.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Concurrent writers wait for each other instead of failing with "database is locked"
    # (C13): WAL lets readers go on while one writes; IMMEDIATE takes the write lock when a
    # transaction begins, where the busy timeout applies, instead of failing when a read
    # lock cannot be upgraded halfway through.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,  # seconds a writer waits for the lock (below gunicorn's timeout)
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),  # options in DATABASE_URL win
    }
else:
    # PostgreSQL: connections are kept for CONN_MAX_AGE seconds and checked before reuse,
    # so a restarted database costs one failed check, not a failed request.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, for the anonymous catalogue pages and the screening's series (C13). In production a
# table in the database, shared by every worker and host, so that an offer edit reaches them
# all at once; a per-process memory cache in development.
CACHES = {
    "default": parse_cache_url(
        "CACHE_URL", env.str("CACHE_URL", default="db://" if PRODUCTION else "locmem://")
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in (C12)
    "indsats.accounts.backends.PasswordBackend",
    "indsats.accounts.backends.ExternalIdentityBackend",
    "indsats.accounts.oidc.OIDCBackend",  # MitID Erhverv through OpenID Connect (C12)
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:front"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "indsats.accounts.validators.VarietyValidator"},  # no "aaaaaaaaaaaa" (C12)
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a day: long enough for a municipal inbox

# Sign-in security (C12): password hashing, throttling and session limits; README.md
# "Sign-in security" explains each. Argon2 hashes new passwords; a PBKDF2 hash from before
# is checked with its own hasher and rehashed with argon2 at the user's next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes: LOGIN_FAILURE_LIMIT wrong passwords in a row for one e-mail address from one
# client address lock that pair for LOGIN_LOCKOUT_MINUTES, counted from the last failure;
# tries while locked do not prolong it, and a sign-in resets the count. An administrator
# unlocks a pair by deleting its row under "Axes > Access attempts" in the admin site.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"  # the login form's e-mail field (LoginForm)
AXES_USERNAME_CALLABLE = "indsats.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "indsats.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "indsats.accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not logged by axes
# How many proxies in front of gunicorn append to X-Forwarded-For (README "Behind a TLS
# proxy"); the client's address is the entry that many places from the right.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if PRODUCTION else 0, minimum=0)
# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after
# the sign-in however active; the Board's staff (who see cases) have shorter limits than
# applicants. A warning with a button to stay signed in shows SESSION_WARNING_MINUTES
# before the idle limit (indsats.accounts.sessions). Values are kept in seconds.
SESSION_IDLE_TIMEOUT = {
    "staff": 60 * env.int("SESSION_IDLE_MINUTES_STAFF", default=30, minimum=1),
    "applicant": 60 * env.int("SESSION_IDLE_MINUTES", default=60, minimum=1),
}
SESSION_ABSOLUTE_TIMEOUT = {
    "staff": 3600 * env.int("SESSION_MAX_HOURS_STAFF", default=10, minimum=1),
    "applicant": 3600 * env.int("SESSION_MAX_HOURS", default=12, minimum=1),
}
SESSION_WARNING_BEFORE = 60 * env.int("SESSION_WARNING_MINUTES", default=5, minimum=1)
# The cookie (and the stored session) lives no longer than the longest absolute limit.
SESSION_COOKIE_AGE = max(SESSION_ABSOLUTE_TIMEOUT.values())

# Two-factor (C12; indsats.accounts.twofactor, README "Two-factor sign-in for staff"): the
# Board's staff confirm a code from an authenticator app (TOTP) or a single-use recovery
# code after the password. Always on: it is not read from the environment, only the test
# suite turns it off for its test-client tests (conftest.py), and a deploy check refuses
# it off. Wrong codes are throttled by django-otp: 1, 2, 4, 8 ... seconds after each
# failure in a row.
INDSATS_STAFF_TWO_FACTOR = True
OTP_TOTP_ISSUER = "Indsats"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sign-in with MitID Erhverv through OpenID Connect (C12; indsats.accounts.oidc, README
# "Log ind med MitID Erhverv (OpenID Connect)"). Off until OIDC_DISCOVERY_URL (or
# OIDC_ISSUER) and OIDC_RP_CLIENT_ID are set; the endpoints and signing keys come from the
# provider's discovery document. The secret may come from OIDC_RP_CLIENT_SECRET_FILE.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")
OIDC_DISCOVERY_URL = env.str("OIDC_DISCOVERY_URL", default="") or (
    f"{OIDC_ISSUER}/.well-known/openid-configuration" if OIDC_ISSUER else ""
)
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
if bool(OIDC_DISCOVERY_URL) != bool(OIDC_RP_CLIENT_ID):
    raise ImproperlyConfigured(
        "Set both OIDC_DISCOVERY_URL (or OIDC_ISSUER) and OIDC_RP_CLIENT_ID, or neither."
    )
if PRODUCTION and OIDC_DISCOVERY_URL and not OIDC_DISCOVERY_URL.startswith("https://"):
    raise ImproperlyConfigured("OIDC_DISCOVERY_URL must be an https:// address in production.")
if OIDC_RP_CLIENT_ID and not OIDC_RP_CLIENT_SECRET:
    raise ImproperlyConfigured(
        "OIDC_RP_CLIENT_SECRET (or _FILE) must be set with OIDC_RP_CLIENT_ID."
    )
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid profile email")
OIDC_ACR_VALUES = env.str("OIDC_ACR_VALUES", default="")  # e.g. NSIS …/loa/Substantial
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_RP_SIGN_ALGO = "RS256"  # only RS256 with the provider's published keys is accepted
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False  # a user is never made from a sign-in; see accounts.oidc
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_CLOCK_SKEW = env.int("OIDC_CLOCK_SKEW", default=60, minimum=0)  # seconds
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10, minimum=1)  # seconds per call
OIDC_VERIFY_SSL = True

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "indsats" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# One date, time and number format per language (indsats/formats): "28. november 2026",
# "28.11.2026" in tables, "kl. 10.00" (#9, C11).
FORMAT_MODULE_PATH = ["indsats.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))  # collectstatic
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "indsats" / "static",
    ("dkfds", NODE_MODULES / "dkfds" / "dist"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("chartjs", NODE_MODULES / "chart.js" / "dist"),
]
# In development whitenoise serves straight from the finders, so no collectstatic is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Every page links its static files through {% static %}, so production keeps only the
# hashed names and compresses each file once, not twice. Source maps (for developer tools)
# and TTF/EOT fonts (only for browsers without WOFF2) are not worth compressing. This cut
# collectstatic in `make serve` from about 15 s to 3 s (C13).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map", "ttf", "eot")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# E-mail: the console in development, SMTP in production.
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}[env.choice("EMAIL_BACKEND", ("console", "smtp", "locmem"), "smtp" if PRODUCTION else "console")]
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25, minimum=1)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Socialstyrelsen <indsats@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A worker holding an SMTP connection that never answers would stop every other job.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30, minimum=1)
# Every e-mail waits in an outbox (indsats.core.outbox) and a worker sends it. A failed
# send is tried again after EMAIL_RETRY_DELAY seconds, then twice as long each time (at
# most six hours between tries), until EMAIL_MAX_ATTEMPTS tries have failed: then it
# stays in the outbox as failed, for an administrator to see and send again.
EMAIL_RETRY_DELAY = env.int("EMAIL_RETRY_DELAY", default=60, minimum=1)
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=12, minimum=1)

# Background jobs (C13): e-mails, reminders and imports are tasks (django-tasks, the
# backport of Django 6's task framework). They wait in the database, so there is no
# service to run besides the worker (`manage.py worker`, `make worker`), which also
# schedules the daily jobs. TASKS_BACKEND=immediate runs each task at once in the process
# that enqueues it, with no worker and no retry: for the test suite and one-off scripts.
TASKS_BACKEND = env.choice("TASKS_BACKEND", ("database", "immediate"), "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
    }
}
# The Board's shared mailbox, told of new enquiries and applications.
BOARD_INBOX_EMAIL = env.str("BOARD_INBOX_EMAIL", default="indsats-indbakke@localhost")
# The service's own address, for links in e-mails sent outside a request.
SITE_URL = env.str("SITE_URL", default="" if PRODUCTION else "http://127.0.0.1:8000")
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("SITE_URL must be the service's https:// address in production.")
# Statistics Denmark's Statbank API v1: the screening's imports and the settings page's
# list of UND3's reason codes (#9); another address for a mirror, or a test's own server.
STATBANK_API_URL = env.str("STATBANK_API_URL", default="https://api.statbank.dk/v1")
if not STATBANK_API_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("STATBANK_API_URL must be an http:// or https:// address.")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # A load balancer may ask for the health check over plain HTTP, straight from gunicorn.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Headers (C12): a Content Security Policy (django-csp 4; indsats.core.headers). Scripts
# and styles come from our own static files only: no 'unsafe-inline', no 'unsafe-eval',
# no inline style attribute; a nonce for the rare inline block that cannot be a file.
# img-src allows data: for the QR code of the two-factor enrolment. form-action also
# allows the OpenID Connect provider's origin (added per request from the OIDC_* settings).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF, csp_constants.NONCE],
        "style-src": [csp_constants.SELF, csp_constants.NONCE],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "frame-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    }
}

# Logs go to stderr, as text or (LOG_FORMAT=json) as JSON lines for a log collector (C13).
LOG_LEVEL = env.choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "INFO")
LOG_FORMAT = env.choice("LOG_FORMAT", ("text", "json"), "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "indsats.core.logging.JsonLinesFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Replace Django's own console handler, which would print every line a second time.
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # django-axes says at INFO that it started (every command) and that it reset a count
        # (every sign-in); its lockouts, which matter, are warnings.
        "axes": {"level": "WARNING"},
    },
}

# Audit trail (django-auditlog): every domain model registers itself in its AppConfig.ready().
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_STORE_JSON_CHANGES = True  # keep typed old/new values, not their str()
# A raw save is a fixture being loaded (loaddata, or a test database's reference data put
# back), not a person's change; it would add an entry per row and nothing to the trail.
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# The organisation that runs the service; shown in the header and in letters.
BOARD_NAME = "Socialstyrelsen"
