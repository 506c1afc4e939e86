"""Settings shared by every environment. Environment-specific modules import * from here."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "core",
    "home",
    "networks",
    "forms_app",
    "seo",
    "editorial",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says "5 minutes ago" through humanize's naturaltime; installed so that
    # its Turkish catalogue is loaded too.
    "django.contrib.humanize",
    "django.forms",  # widget templates for FORM_RENDERER = TemplatesSetting
    # Without its own publish handlers: core/invalidation.py purges after the commit.
    "core.compat.FrontendCacheConfig",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",  # the task queue lives in the database; `manage.py db_worker` runs it
]

MIDDLEWARE = [
    # Page-cache hits first: answered with the headers the rest of the stack gave the page when
    # it was stored (security headers, CSP, Vary...) and its body compressed once
    # (core/page_cache_middleware.py, docs/architecture.md). A miss goes on through the stack.
    "core.page_cache_middleware.PageCacheMiddleware",
    # Security headers next, so that every other response carries them: /healthz, errors.
    "django.middleware.security.SecurityMiddleware",
    "core.csp.ContentSecurityPolicyMiddleware",  # django-csp's, with the admin's own policy
    "core.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before the host check: load balancers poll it by IP (no HTTPS redirect:
    # SECURE_REDIRECT_EXEMPT).
    "core.middleware.HealthCheckMiddleware",
    "core.request_limits.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML the page cache does not store is compressed on the way out (Django's, honouring
    # q=0); static files come precompressed from WhiteNoise.
    "core.middleware.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",  # Django's, keeping the admin API's 404s
    # Before CSRF checking reads the body: the contact form's body limit.
    "forms_app.middleware.ContactBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.SignedInPagesArePrivateMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "mbbcms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "mbbcms.wsgi.application"

# SQLite by default so the site runs on a fresh machine; DATABASE_URL selects PostgreSQL.
try:
    DATABASES = {
        "default": dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=60,
            conn_health_checks=True,
        )
    }
except Exception as error:  # noqa: BLE001 - dj-database-url raises several kinds
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (several gunicorn workers) wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)


def _seconds_from_environment(name, default):
    import os

    value = os.environ.get(name, "").strip() or str(default)
    try:
        seconds = int(value)
    except ValueError:
        seconds = -1
    if seconds < 0:
        raise ImproperlyConfigured(f"{name} must be a whole number of seconds, not {value!r}.")
    return seconds


if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that accepts connections and never answers must not hold requests for long:
    # connecting gives up after DATABASE_CONNECT_TIMEOUT seconds, a statement after
    # DATABASE_STATEMENT_TIMEOUT (0 turns it off, e.g. for a long migration), and the
    # backend then fails fast for a few seconds instead of waiting again (see its module).
    DATABASES["default"]["ENGINE"] = "core.postgresql"
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", _seconds_from_environment("DATABASE_CONNECT_TIMEOUT", 5))
    _statement_ms = _seconds_from_environment("DATABASE_STATEMENT_TIMEOUT", 15) * 1000
    _options["options"] = f"-c statement_timeout={_statement_ms}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Turkish is the source language and the default (the default Locale follows it).
LANGUAGE_CODE = "tr"
LANGUAGES = [
    ("tr", "Türkçe"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# ASCII slugs with Turkish transliteration ("Uluslararası Ağı" -> uluslararasi-agi), in the
# admin's script and on the server (core/slugs.py): no percent-encoded URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# LANGUAGES names each language in itself, for the public language switcher; the admin names
# content languages in the reader's admin language ("İngilizce" in the Turkish admin).
WAGTAIL_CONTENT_LANGUAGES = [
    ("tr", _("Turkish")),
    ("en", _("English")),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
# Collected files go to a folder of their own: the top-level static/ holds the sources.
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Files no visitor may fetch (inquiry exports): outside MEDIA_ROOT, with no URL; the admin
# serves each one through a view that checks the user's permission.
PRIVATE_MEDIA_ROOT = BASE_DIR / "private"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

WAGTAIL_SITE_NAME = "Marmara Belediyeler Birliği"
# The site's public address: the default Wagtail Site is set to it (core/site_url.py).
# `make run` passes the address it serves; production reads DJANGO_SITE_URL.
SITE_URL = __import__("os").environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# No SVG: an uploaded SVG can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send editors' e-mail hashes to a third party (and break the CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Images and alt text: editors must describe meaningful images.
# (Wagtail's form, with a file field that refuses unreadable images instead of failing.)
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ValidatedImageForm"

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Form fields (not files) of one request; uploaded files above FILE_UPLOAD_MAX_MEMORY_SIZE go
# to a temporary file instead of memory. Whole request bodies are capped by
# core.request_limits: the largest upload (a document) in the admin, this elsewhere.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

SITE_NAME_SHORT = {"tr": _("MBB"), "en": _("MMU")}


# --- Contact form and e-mail (forms_app) -------------------------------------------------
from os import environ as _environ  # noqa: E402

# Inquiries go to the topic's recipient (admin → Contact form → Topics), else here.
CONTACT_DEFAULT_RECIPIENT = _environ.get("CONTACT_DEFAULT_RECIPIENT", "webmaster@localhost")
# The team reads notifications in Turkish; visitors get confirmations in their own language.
CONTACT_TEAM_LANGUAGE = "tr"
# Kept for two years, as the privacy notice says; `manage.py purge_inquiries` deletes older ones.
CONTACT_RETENTION_DAYS = int(_environ.get("CONTACT_RETENTION_DAYS", 730))
CONTACT_MESSAGE_MAX_LENGTH = 5000
# Spam: a form sent sooner than this after it was shown is refused; a form open longer expires.
CONTACT_MIN_FILL_SECONDS = 3
CONTACT_FORM_TOKEN_MAX_AGE = 24 * 60 * 60
# At most this many submissions per client address per window (seconds), then HTTP 429.
CONTACT_RATE_LIMIT = 10
CONTACT_RATE_LIMIT_WINDOW = 60 * 60
# Confirmations to one address per day; beyond it the inquiry is stored but not confirmed.
CONTACT_CONFIRMATIONS_PER_ADDRESS = 3
# The contact form's largest request body: a 5,000-character message of 4-byte characters,
# percent-encoded, fits with room to spare; a larger POST is refused before it is read.
CONTACT_MAX_BODY_BYTES = 128 * 1024
# Proxies in front of the site that append to X-Forwarded-For (0: use REMOTE_ADDR only), for
# every per-client limit (core.client_address). CONTACT_TRUSTED_PROXY_COUNT is its old name.
TRUSTED_PROXY_COUNT = int(
    _environ.get("TRUSTED_PROXY_COUNT") or _environ.get("CONTACT_TRUSTED_PROXY_COUNT") or 0
)
# Outbox retries: 1 min, 2, 4 … at most hourly, until sent; logged as errors after 5 attempts.
CONTACT_EMAIL_RETRY_BASE_SECONDS = 60
CONTACT_EMAIL_RETRY_MAX_SECONDS = 60 * 60
CONTACT_EMAIL_ALERT_AFTER_ATTEMPTS = 5
EMAIL_TIMEOUT = 10

# Background tasks (django-tasks): e-mails and Wagtail's search and reference index updates are
# queued in the database and run by `manage.py db_worker`, never inside a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Inquiry exports are written by the task worker and kept this many days (then deleted with
# their record: by the next export, or by purge_inquiries).
INQUIRY_EXPORT_DAYS = 7


# --- Front end and performance ----------------------------------------------------------

# --- Search and SEO (seo) ---------------------------------------------------------------

# Wagtail's database backend, indexing each page in its own language (seo/search/backend.py):
# text is folded (Turkish İ/I/ı/i) and stemmed with the Snowball stemmers for Turkish and
# English before it reaches the database, so SQLite and PostgreSQL find the same pages; the
# "simple" configuration keeps PostgreSQL from stemming a second time. After changing this,
# rebuild the index: manage.py update_index.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "seo.search.backend", "SEARCH_CONFIG": "simple"},
}
# Longer queries are cut to this many characters, and to this many words, before searching.
SEO_SEARCH_MAX_QUERY_LENGTH = 200
SEO_SEARCH_MAX_QUERY_WORDS = 12
SEO_SEARCH_RESULTS_PER_PAGE = 10
# Shown when a page has no image of its own (1200×630, made by seo/share_image.py).
SEO_DEFAULT_SHARE_IMAGE = "img/share-default.png"

# --- Editorial workflow and translation (editorial) -------------------------------------
# Machine translation: DeepL (through editorial's glossary wrapper) when DEEPL_API_KEY is set,
# off otherwise. See docs/translators-guide.en.md.


def machine_translator_setting(environ):
    """DeepL when DEEPL_API_KEY is set (keys ending in ":fx" use DeepL's free API), otherwise
    None: machine translation is off and wagtail-localize hides its buttons."""
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    return {
        "CLASS": "editorial.machine_translation.GlossaryTranslator",
        "OPTIONS": {
            "BACKEND": "editorial.machine_translation.BritishEnglishDeepLTranslator",
            "BACKEND_OPTIONS": {"AUTH_KEY": key, "TIMEOUT": 30},
        },
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(_environ)
# "Translate this page" creates the English page as a draft; the translator publishes it when
# the strings are translated, so no English page goes live with Turkish leftovers.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Workflow e-mails (submitted, approved, rejected) go to the people concerned.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# --- Caching, security and health -------------------------------------------------------

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mbbcms",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Rate-limit counters (core.throttles), apart from what cache pressure may evict.
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mbbcms-ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    # What {% wagtailcache %} uses when fragments must not be cached (core.templatetags.
    # fragment_tags): it reads nothing and stores nothing.
    "fragments-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Anonymous page views come from the cache; a publish retires the pages that show the change
# (core/invalidation.py, docs/architecture.md).
PAGE_CACHE_SECONDS = 0
# Parts of pages that are the same for every visitor ({% wagtailcache %}, {% wagtailpagecache %}),
# for the requests the page cache does not answer. 0 turns them off.
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz")
# Cache-Control of anonymous pages: browsers keep them CACHE_CONTROL_MAX_AGE seconds, a CDN
# CDN_CACHE_SECONDS (default PAGE_CACHE_SECONDS; 0 sends no header); publishes purge the CDN.
CACHE_CONTROL_MAX_AGE = 60
# How often each process looks for publishes the cache missed (Redis unreachable); until they
# are applied no process trusts the cache.
PAGE_CACHE_PENDING_CHECK_SECONDS = 5
# The CDN purge set holds each translation's own URL: no /en/ twin of every /tr/ URL.
WAGTAILFRONTENDCACHE_LANGUAGES = []
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Content-Security-Policy of the public site: scripts only from this site, inline scripts only
# with the request's nonce (the public templates have none). Styles allow inline attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The admin's (core.csp): the same, but Wagtail's inline scripts run without a nonce. README,
# "Content Security Policy", says why.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
    }
}
# No framing, except the admin's own preview panel (Wagtail marks its preview views SAMEORIGIN;
# core.csp relaxes frame-ancestors to match).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Form widgets render through TEMPLATES: a widget template under templates/ overrides Django's
# or Wagtail's like any other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Admin login: lock an account/IP pair for 15 minutes after 5 failed attempts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# The pair, so that a stranger cannot lock out a named user; the address is the client's
# behind TRUSTED_PROXY_COUNT proxies, not the proxy's. Unlock: manage.py axes_reset_ip_username.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
AXES_RESET_ON_SUCCESS = True
# Failures are counted in the database (axes' default handler): no cache eviction drops them.

# Throttles (core.throttles), per client address behind TRUSTED_PROXY_COUNT proxies:
# wrong passwords for password-protected pages, and admin password-reset e-mails (also per
# e-mail address, so nobody can flood one inbox from many addresses).
PAGE_PASSWORD_ATTEMPT_LIMIT = 10
PAGE_PASSWORD_ATTEMPT_WINDOW = 15 * 60
PASSWORD_RESET_LIMIT_PER_CLIENT = 5
PASSWORD_RESET_CLIENT_WINDOW = 60 * 60
PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
PASSWORD_RESET_ADDRESS_WINDOW = 24 * 60 * 60
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

# Uploads: Wagtail checks image type and pixel count; documents are checked by core.uploads.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.ValidatedDocumentForm"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "core": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "forms_app": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
