"""Production settings. Everything that differs between deployments comes from the environment;
missing or invalid required values stop start-up with a message that says what to set."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name, default=None, required=False):
    value = os.environ.get(name, "").strip()
    if not value:
        if required:
            raise ImproperlyConfigured(f"Set the environment variable {name} (see README).")
        return default
    return value


def env_bool(name, default):
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name):
    return [item.strip() for item in (env(name) or "").split(",") if item.strip()]


DEBUG = False

SECRET_KEY = env("DJANGO_SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be at least 50 random characters. Generate one with: "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set DJANGO_ALLOWED_HOSTS to the site's host names, comma-separated."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public address in every absolute link (canonical, sitemap, e-mails): see core/site_url.py.
# An address that is not one (no scheme, a path...) stops start-up in core's AppConfig.ready,
# as settings import no app.
SITE_URL = env("DJANGO_SITE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", SITE_URL)

# Database: DATABASE_URL, read in base.py (PostgreSQL in production, SQLite by default).

# HTTPS and cookies.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# Static files: compressed, content-hashed names, served by WhiteNoise with far-future expiry.
STATIC_ROOT = env("DJANGO_STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured (django-storages).
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    # Inquiry exports: in the bucket under private/, readable with the credentials only
    # (no public ACL, no unsigned URL); the admin streams them to inquiry handlers.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
# Written by the task worker, read by the web processes: a volume both share (compose.yaml).
PRIVATE_MEDIA_ROOT = env("DJANGO_PRIVATE_ROOT", str(PRIVATE_MEDIA_ROOT))  # noqa: F405
if STORAGES["private"]["BACKEND"].endswith("FileSystemStorage"):
    STORAGES["private"] = {
        **STORAGES["private"],
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    }

# Cache and sessions: Redis when REDIS_URL is set (shared by every replica), else local memory.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mbbcms",
        },
    }
# Rate-limit counters: a Redis whose maxmemory-policy is noeviction (a policy is per server, so
# not the cache's own allkeys-lru server). Without it they share REDIS_URL, where cache
# pressure can evict them (manage.py check --deploy warns), or stay in each process's memory.
RATELIMIT_REDIS_URL = env("RATELIMIT_REDIS_URL", REDIS_URL)
if RATELIMIT_REDIS_URL:
    if not RATELIMIT_REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "RATELIMIT_REDIS_URL must start with redis://, rediss:// or unix://."
        )
    CACHES["ratelimit"] = {
        "BACKEND": "core.cache_backends.ResilientRedisCache",
        "LOCATION": RATELIMIT_REDIS_URL,
        "KEY_PREFIX": "mbbcms-ratelimit",
    }
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", PAGE_CACHE_SECONDS)
CACHE_CONTROL_MAX_AGE = env_int("CACHE_CONTROL_MAX_AGE", 60)

# CDN purge after each publish (core/invalidation.py through wagtail.contrib.frontend_cache),
# when a purge endpoint is configured: a generic HTTP purge URL (Varnish, nginx) or Cloudflare
# (zone id and an API token allowed to purge it). None: pages expire after CDN_CACHE_SECONDS.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", required=True),
        "ZONEID": env("CLOUDFLARE_ZONEID"),
    }

# E-mail.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set at most one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs: JSON lines on stdout (see base.LOGGING).
LOGGING["root"]["level"] = env("DJANGO_LOG_LEVEL", "WARNING")  # noqa: F405

# Optional error reporting.
if env("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
