"""Test settings: fast password hashing, in-memory e-mail, no manifest for static files."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The address Wagtail's default Site has always had in tests (migrate sets the Site from it).
SITE_URL = "http://localhost"
MEDIA_ROOT = BASE_DIR / "media-test"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Login lockout is tested explicitly (tests/test_security.py); elsewhere tests log in freely.
AXES_ENABLED = False
# Tasks run at once, inside the test, so tests see search indexes and e-mails synchronously;
# tests of the queue itself switch to the database backend (tests/test_contact_hung_mail.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# CI runs the suite a second time on PostgreSQL with Redis as the cache (REDIS_URL).
if _redis_url := __import__("os").environ.get("REDIS_URL"):
    # The rate-limit counters stay in local memory (base.py): in production they live on a Redis
    # server of their own, which tests cannot start, and a test that evicts the cache (FLUSHDB)
    # must not take them along.
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "mbbcms-test",
        },
    }
