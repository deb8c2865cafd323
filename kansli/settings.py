"""Kansli settings: everything that differs between machines comes from the environment.

SQLite under var/ when nothing is set; PostgreSQL through DATABASE_URL.
"""

import datetime
import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} ska vara 1 eller 0 (true eller false), inte {value!r}.")


def envint(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} ska vara ett heltal, inte {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} ska vara minst {minimum}, inte {number}.")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name} ska vara högst {maximum}, inte {number}.")
    return number


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        allowed = " eller ".join(f'"{choice}"' for choice in choices)
        raise ImproperlyConfigured(f"{name} ska vara {allowed}, inte {value!r}.")
    return value


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def weak_secret_key(key: str) -> str | None:
    """Why a secret key is too weak to sign sessions with, by the measures of Django's deploy
    check; None when it is strong enough."""
    if key.startswith(SECRET_KEY_INSECURE_PREFIX):
        return f"börjar med Djangos {SECRET_KEY_INSECURE_PREFIX!r}"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"har färre än {SECRET_KEY_MIN_LENGTH} tecken"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return f"har färre än {SECRET_KEY_MIN_UNIQUE_CHARACTERS} olika tecken"
    return None


# The settings these are: "production" (the default: every secret from the environment) or
# "development" (DEBUG on, keys for development only). The `kansli` command reads a .env file
# in the current folder first (kansli.cli), so a developer's KANSLI_ENV=development can live
# there.
KANSLI_ENV = envchoice("KANSLI_ENV", "production", ("production", "development"))
DEBUG = envbool("DEBUG", KANSLI_ENV == "development")
DEVELOPMENT_HINT = "eller KANSLI_ENV=development för utveckling"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(f"Sätt SECRET_KEY ({DEVELOPMENT_HINT}).")
    SECRET_KEY = "kansli-development-only-not-secret"  # noqa: S105
elif not DEBUG and (weakness := weak_secret_key(SECRET_KEY)):
    # Whoever guesses the key signs in as anyone: production does not start on a weak one.
    raise ImproperlyConfigured(
        f"SECRET_KEY {weakness}: sätt den till ett långt slumpvärde, till exempel från "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# The key of the event log's HMAC chain (kansli.audit.chain; docs/security.md, "The audit log").
# Kept apart from SECRET_KEY and from the database: whoever holds it can rewrite the chain.
KANSLI_AUDIT_KEY = os.environ.get("KANSLI_AUDIT_KEY", "")
if not KANSLI_AUDIT_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(f"Sätt KANSLI_AUDIT_KEY ({DEVELOPMENT_HINT}).")
    KANSLI_AUDIT_KEY = "kansli-development-only-audit-key-not-secret"
elif not DEBUG and (weakness := weak_secret_key(KANSLI_AUDIT_KEY)):
    raise ImproperlyConfigured(
        f"KANSLI_AUDIT_KEY {weakness}: sätt den till ett långt slumpvärde, till exempel från "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
elif not DEBUG and KANSLI_AUDIT_KEY == SECRET_KEY:
    raise ImproperlyConfigured("KANSLI_AUDIT_KEY ska skilja sig från SECRET_KEY.")

# The years a date given to Kansli may fall in (kansli.bounds): a date outside them, on a page,
# in the API, to a command or in an imported file, is refused with a message and not stored.
# Python's dates end with year 9999, and a time zone's conversion fails in it.
KANSLI_YEAR_MIN = envint("KANSLI_YEAR_MIN", 1900, minimum=2)
KANSLI_YEAR_MAX = envint("KANSLI_YEAR_MAX", 2200, minimum=KANSLI_YEAR_MIN, maximum=9998)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "kansli.web.errors.csrf_failure"
VAR_DIR = Path(os.environ.get("KANSLI_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    # First, so that its `changepassword` (recorded in the event log) takes the place of Django's.
    "kansli.accounts",
    # Django's admin, its site asking for the second factor (kansli.accounts.admin_site).
    "kansli.accounts.admin_config.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "health_check",
    "django_prometheus",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "kansli.audit",
    "kansli.organisation",
    "kansli.governance",
    "kansli.delegation",
    "kansli.decisions",
    "kansli.registry",
    "kansli.preparation",
    "kansli.search",
    "kansli.meetings",
    "kansli.followup",
    "kansli.archive",
    "kansli.integrations",
    "kansli.portal",
    "kansli.oparl",
    "kansli.signon",
    "djangosaml2",
    "kansli.provisioning",
    "kansli.web",
    "kansli.demo",
    "kansli.bench",
    "kansli.operations",
]

MIDDLEWARE = [
    # First and last: the metrics time the whole request (kansli.observability).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id for every log line that follows, and the request's own line.
    "kansli.observability.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kansli.web.middleware.HeadAsGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # SAML's own session (kansli.signon.saml), read and written by its pages only.
    "djangosaml2.middleware.SamlSessionMiddleware",
    "kansli.language.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kansli.accounts.middleware.SessionLimitsMiddleware",
    "kansli.accounts.middleware.SecondFactorMiddleware",
    "kansli.accounts.middleware.PrivatePagesMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "kansli.urls"
WSGI_APPLICATION = "kansli.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kansli" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
# A request keeps its database connection for DB_CONN_MAX_AGE seconds (a new one costs 14–26 ms
# on PostgreSQL), checked before it is used again; in development each request opens its own.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kansli.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0 if DEBUG else 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock instead of failing at once when two requests write together.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    # Tests get a file too (one per test run): an in-memory database refuses a second writer
    # at once instead of letting it wait its turn, so concurrent writers could not be tested.
    DATABASES["default"]["TEST"] = {"NAME": VAR_DIR / f"test_kansli_{os.getpid()}.sqlite3"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

# Sessions: a signed-in session ends after SESSION_IDLE_MINUTES without a request, and
# SESSION_MAX_HOURS after sign-in whatever the user does (kansli.accounts.middleware); the
# cookie dies with the browser.
SESSION_IDLE_TIMEOUT = datetime.timedelta(minutes=envint("SESSION_IDLE_MINUTES", 30, minimum=1))
SESSION_MAX_LIFETIME = datetime.timedelta(hours=envint("SESSION_MAX_HOURS", 12, minimum=1))
SESSION_COOKIE_AGE = int(SESSION_MAX_LIFETIME.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# In the database, each session with its user: a deactivated user's sessions end at once.
SESSION_ENGINE = "kansli.accounts.sessions"

# The directory's provisioning (SCIM 2.0 under /scim/v2/, kansli.provisioning, docs/identity.md):
# django-scim2 with Kansli's adapters; the directory signs in with an administrator's API key.
SCIM_SERVICE_PROVIDER = {
    "USER_ADAPTER": "kansli.provisioning.adapters.ScimUser",
    "GROUP_ADAPTER": "kansli.provisioning.adapters.ScimGroup",
    "USER_FILTER_PARSER": "kansli.provisioning.filters.UserFilter",
    "GROUP_FILTER_PARSER": "kansli.provisioning.filters.GroupFilter",
    "SERVICE_PROVIDER_CONFIG_MODEL": "kansli.provisioning.adapters.ServiceProviderConfig",
    "BASE_LOCATION_GETTER": "kansli.provisioning.adapters.base_location",
    "GET_EXTRA_MODEL_FILTER_KWARGS_GETTER": "kansli.provisioning.adapters.scope",
    "AUTH_CHECK_MIDDLEWARE": "kansli.provisioning.auth.BearerTokenCheck",
    "SCHEMAS_GETTER": "kansli.provisioning.schemas.schemas",
    "AUTHENTICATION_SCHEMES": [
        {
            "type": "oauthbearertoken",
            "name": "API-nyckel",
            "description": "Authorization: Bearer <API-nyckel för kommunens administratörskonto>",
            "primary": True,
        }
    ],
}

# Brute-force protection, two limits within the cool-off hour (kansli.accounts.throttle): a
# username is locked at one address after AXES_FAILURE_LIMIT failures, so that nobody locks
# out a colleague behind the same proxy; an address is locked for every username after
# AXES_ADDRESS_FAILURE_LIMIT failures, so that it cannot try a few passwords on many users.
AXES_HANDLER = "kansli.accounts.throttle.UsernameAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ADDRESS_FAILURE_LIMIT = envint("AXES_ADDRESS_FAILURE_LIMIT", 50, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# A second factor at sign-in (kansli.accounts.two_factor, docs/identity.md): required of
# administrators, operators and the users of a body that requires it, unless
# KANSLI_SECOND_FACTOR_REQUIRED is off (the demo only); anyone may set one up. A wrong code
# makes the next try wait 1, 2, 4 ... seconds (django-otp's throttling, per device).
KANSLI_SECOND_FACTOR_REQUIRED = envbool("KANSLI_SECOND_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "Kansli"
# Passkeys (WebAuthn, django-otp-webauthn) instead of the app's code, never instead of the
# password; the relying party is the host and origin the browser reached (kansli.accounts.passkeys).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Kansli"
OTP_WEBAUTHN_RP_ID_CALLABLE = "kansli.accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "kansli.accounts.passkeys.Helper"
# The check wants OTP_WEBAUTHN_ALLOWED_ORIGINS, which the helper above does not read.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# Days within which a delegated decision must be reported to the organization that delegated it,
# where the order does not say otherwise.
DECISION_REPORT_DAYS = envint("DECISION_REPORT_DAYS", 30)

LANGUAGE_CODE = "sv"
# Swedish first; English for whoever picks it with the language switch (a cookie set by
# Django's set_language; kansli.language.CookieLocaleMiddleware ignores the browser's
# Accept-Language, so a Swedish official with an English browser still gets Swedish).
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "kansli" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# The registry's files and the generated documents: on local disk under MEDIA_ROOT unless
# KANSLI_STORAGE is "s3", then in an S3-compatible object store (django-storages) that several
# web and worker servers share (docs/operations.md).
KANSLI_STORAGE = envchoice("KANSLI_STORAGE", "local", ("local", "s3"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if KANSLI_STORAGE == "local"
    else {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("KANSLI_S3_BUCKET", "kansli"),
            "endpoint_url": os.environ.get("KANSLI_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("KANSLI_S3_REGION") or None,
            "access_key": os.environ.get("KANSLI_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("KANSLI_S3_SECRET_ACCESS_KEY", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
# The largest file the registry accepts, in bytes (50 MB unless set).
KANSLI_MAX_FILE_BYTES = envint("KANSLI_MAX_FILE_BYTES", 50 * 1024 * 1024)
# How long LibreOffice may take to make one attachment a PDF for a packet, in seconds.
KANSLI_CONVERSION_TIMEOUT = envint("KANSLI_CONVERSION_TIMEOUT", 120, minimum=1)

# Signed justering (kansli.meetings.signing, docs/signing.md): the class that signs the minutes,
# the local certificate authority's folder (its keys are secret) and the PEM files of the
# certificate authorities whose signatures are trusted besides the local one.
KANSLI_SIGNER = os.environ.get("KANSLI_SIGNER", "kansli.meetings.signing.LocalCertificateAuthority")
KANSLI_SIGNING_DIR = Path(os.environ.get("KANSLI_SIGNING_DIR", VAR_DIR / "signing"))
KANSLI_SIGNING_TRUST_ROOTS = envlist("KANSLI_SIGNING_TRUST_ROOTS", [])

# The right-hand side of the meetings' calendar UIDs (kansli.meetings.calendar): the site's own
# domain, set once before the first invitation goes out; empty, one made of each body.
KANSLI_CALENDAR_DOMAIN = os.environ.get("KANSLI_CALENDAR_DOMAIN", "")

# Where the public reports a fault in the site's accessibility (the accessibility statement,
# /tillganglighet/): an e-mail address; empty, each body's own website is named.
KANSLI_ACCESSIBILITY_CONTACT = os.environ.get("KANSLI_ACCESSIBILITY_CONTACT", "")

# Single sign-on through the organisation's identity provider (kansli.signon, docs/identity.md).
# The mapping file says which claim identifies the person and which groups give which roles.
# OpenID Connect is off (no backend, no button, its URLs 404) until KANSLI_OIDC_CLIENT_ID is set.
KANSLI_SIGNON_MAPPING = os.environ.get("KANSLI_SIGNON_MAPPING", "")
KANSLI_OIDC_PROVIDER_NAME = os.environ.get("KANSLI_OIDC_PROVIDER_NAME", "organisationen")
KANSLI_OIDC_ISSUER = os.environ.get("KANSLI_OIDC_ISSUER", "")
KANSLI_OIDC_END_SESSION_ENDPOINT = os.environ.get("KANSLI_OIDC_END_SESSION_ENDPOINT", "")
OIDC_RP_CLIENT_ID = os.environ.get("KANSLI_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("KANSLI_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("KANSLI_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("KANSLI_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("KANSLI_OIDC_JWKS_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("KANSLI_OIDC_USERINFO_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("KANSLI_OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_AUTHENTICATION_CALLBACK_URL = "signon:oidc-callback"
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = bool(KANSLI_OIDC_END_SESSION_ENDPOINT)  # the hint for the provider's sign-out
OIDC_TIMEOUT = envint("KANSLI_OIDC_TIMEOUT", 10, minimum=1)
if OIDC_RP_CLIENT_ID:
    _oidc_missing = [
        name
        for name, value in {
            "KANSLI_SIGNON_MAPPING": KANSLI_SIGNON_MAPPING,
            "KANSLI_OIDC_ISSUER": KANSLI_OIDC_ISSUER,
            "KANSLI_OIDC_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
            "KANSLI_OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
            "KANSLI_OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
            "KANSLI_OIDC_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
        }.items()
        if not value
    ]
    if _oidc_missing:
        raise ImproperlyConfigured(
            f"KANSLI_OIDC_CLIENT_ID is set, so OpenID Connect needs {', '.join(_oidc_missing)}"
        )
    AUTHENTICATION_BACKENDS.append("kansli.signon.oidc.Backend")
# SAML 2.0 (kansli.signon.saml) is off (no backend, its URLs 404) until all four are set: Kansli's
# entity id, the identity provider's metadata (a file, or an https URL read once per process),
# and the PEM files of Kansli's signing key and certificate.
KANSLI_SAML_ENTITY_ID = os.environ.get("KANSLI_SAML_ENTITY_ID", "")
KANSLI_SAML_IDP_METADATA = os.environ.get("KANSLI_SAML_IDP_METADATA", "")
KANSLI_SAML_KEY_FILE = os.environ.get("KANSLI_SAML_KEY_FILE", "")
KANSLI_SAML_CERT_FILE = os.environ.get("KANSLI_SAML_CERT_FILE", "")
_saml = {
    "KANSLI_SIGNON_MAPPING": KANSLI_SIGNON_MAPPING,
    "KANSLI_SAML_IDP_METADATA": KANSLI_SAML_IDP_METADATA,
    "KANSLI_SAML_KEY_FILE": KANSLI_SAML_KEY_FILE,
    "KANSLI_SAML_CERT_FILE": KANSLI_SAML_CERT_FILE,
}
if KANSLI_SAML_ENTITY_ID:
    if _saml_missing := [name for name, value in _saml.items() if not value]:
        raise ImproperlyConfigured(
            f"KANSLI_SAML_ENTITY_ID is set, so SAML needs {', '.join(_saml_missing)}"
        )
    AUTHENTICATION_BACKENDS.append("kansli.signon.saml.Backend")
SAML_CONFIG_LOADER = "kansli.signon.saml.sp_config"
# The request goes to the provider in the address (no page of Kansli's with a script to post it).
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
# The provider's answer is a cross-site POST, which the session's SameSite=Lax cookie does not
# follow: djangosaml2 keeps the requests it waits answers to in a session of its own, whose
# cookie does (kansli_saml, SameSite=None, Secure as the session's).
SAML_SESSION_COOKIE_NAME = "kansli_saml"

# Redis, when REDIS_URL is given: Django's cache and the queue of background tasks. Without it the
# cache is each process's own memory and the queue is the database's, so that the demo needs no
# other server.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Background tasks (Django's Tasks API, the django-tasks backport): notices, webhooks and the
# other work that must not hold a request. On Redis through RQ when REDIS_URL is given, worked by
# `kansli rqworker --job-class django_tasks_rq.Job --with-scheduler`; otherwise the database's
# queue, worked by `kansli db_worker`.
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
# The queue's state is read in the metrics (/metrics), not on django-rq's English admin pages.
RQ_SHOW_ADMIN_LINK = False
TASKS = {
    "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    if REDIS_URL
    else {"BACKEND": "django_tasks_db.DatabaseBackend"}
}
# Webhooks (kansli.integrations): attempts before a delivery fails, the seconds to wait for a
# subscriber's answer, and whether subscribers may be on private or loopback addresses (off:
# Kansli must not be made to post into its own network).
KANSLI_WEBHOOK_ATTEMPTS = envint("KANSLI_WEBHOOK_ATTEMPTS", 6, minimum=1)
KANSLI_WEBHOOK_TIMEOUT = envint("KANSLI_WEBHOOK_TIMEOUT", 10, minimum=1)
KANSLI_WEBHOOK_ALLOW_PRIVATE = envbool("KANSLI_WEBHOOK_ALLOW_PRIVATE", False)
# Hours the API keeps the answer to a call made with an Idempotency-Key.
KANSLI_IDEMPOTENCY_HOURS = envint("KANSLI_IDEMPOTENCY_HOURS", 24, minimum=1)

# Security: Django's protections on; production settings pass `check --deploy`.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Sign-in throttling counts the client's address as the proxy forwards it, not the proxy's.
    AXES_CLIENT_IP_CALLABLE = "kansli.accounts.throttle.address_behind_proxy"

# Content-Security-Policy (django-csp): scripts, styles and everything else from Kansli's own
# origin only, no inline script or style; no framing, forms post to Kansli only. A route that
# needs more (the API's documentation page) relaxes it for itself with csp_update.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# E-mail (the notices of meetings): SMTP configured from the environment; in development the
# messages are written as files under var/mail/ instead of being sent.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kansli@localhost")
# A meeting's deliveries (kansli.meetings.deliveries): the attempts before one the mail server
# keeps putting off fails, and the minutes one may wait queued for its task (or be sending)
# before the sweep enqueues it again (or the secretary sees it as uncertain).
KANSLI_MAIL_ATTEMPTS = envint("KANSLI_MAIL_ATTEMPTS", 5, minimum=1)
KANSLI_MAIL_STALE = envint("KANSLI_MAIL_STALE", 10, minimum=1)

# Logs (docs/observability.md): one JSON object a line when KANSLI_LOG_FORMAT is "json" (the
# default outside development), plain text otherwise; every line names its request id.
KANSLI_LOG_FORMAT = envchoice("KANSLI_LOG_FORMAT", "text" if DEBUG else "json", ("json", "text"))
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kansli.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "kansli.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": KANSLI_LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers give way to the root's: its mail_admins would mail a traceback
        # with the request and the frames' local variables.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # The development server's request lines carry the query string (search terms);
        # kansli.request logs every request without it.
        "django.server": {"handlers": [], "propagate": False},
        # At DEBUG these write SQL with its parameters and the context of a template: the
        # content of the records. Never lower, whatever LOG_LEVEL says.
        "django.db.backends": {"level": "INFO"},
        "django.template": {"level": "INFO"},
    },
}

# Health and metrics (kansli.observability, docs/observability.md). /metrics answers the
# addresses in KANSLI_METRICS_ALLOWED_IPS when reached directly (not through a proxy), and a
# request with `Authorization: Bearer <KANSLI_METRICS_TOKEN>`; anyone else gets 404.
KANSLI_METRICS_ALLOWED_IPS = envlist("KANSLI_METRICS_ALLOWED_IPS", ["127.0.0.1", "::1"])
KANSLI_METRICS_TOKEN = os.environ.get("KANSLI_METRICS_TOKEN", "")
# The probes and the scraper speak plain HTTP to the web server itself, behind the TLS proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
PROMETHEUS_EXPORT_MIGRATIONS = False
# The database's queries counted and timed (django_db_* metrics) by django-prometheus' wrappers
# of Django's own engines.
DATABASES["default"]["ENGINE"] = {
    "django.db.backends.postgresql": "django_prometheus.db.backends.postgresql",
    "django.db.backends.sqlite3": "django_prometheus.db.backends.sqlite3",
}.get(DATABASES["default"]["ENGINE"], DATABASES["default"]["ENGINE"])
