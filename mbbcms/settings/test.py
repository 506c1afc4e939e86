"""Test settings: fast password hashing, in-memory e-mail, no manifest for static files.

`make test` runs the suite in parallel (pytest-xdist): whatever a test process keeps outside
its own memory (uploaded files, the Redis cache) is its own, named after PYTEST_XDIST_WORKER.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

# "gw0", "gw1", ... in an xdist worker; unset in a serial run.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_WORKER_INDEX = int(_WORKER.removeprefix("gw")) if _WORKER else 0

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The address Wagtail's default Site has always had in tests (migrate sets the Site from it).
SITE_URL = "http://localhost"
# Uploads of this process, outside the repository (tests/conftest.py removes the folder).
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"mbbcms-test-media-{os.getpid()}"
PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / f"mbbcms-test-private-{os.getpid()}"
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Login lockout is tested explicitly (tests/test_security.py); elsewhere tests log in freely.
AXES_ENABLED = False
# Tasks run at once, inside the test, so tests see search indexes and e-mails synchronously;
# tests of the queue itself switch to the database backend (tests/test_contact_hung_mail.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Each process looks for missed publishes only when it missed one itself: no query the
# query-budget tests would count at random (tests/test_cache_invalidation.py sets it).
PAGE_CACHE_PENDING_CHECK_SECONDS = None


def worker_redis_url(url, worker_index):
    """REDIS_URL's database number plus the worker's index (gw1 of redis://host/9 uses
    database 10): tests empty the cache with FLUSHDB, which a key prefix would not fence
    off, so each worker needs a database of its own (Redis has 16 by default)."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + worker_index
    return urlunsplit(parts._replace(path=f"/{database}"))


# CI runs the suite a second time on PostgreSQL with Redis as the cache (REDIS_URL).
if _redis_url := os.environ.get("REDIS_URL"):
    # The rate-limit counters stay in local memory (base.py): in production they live on a Redis
    # server of their own, which tests cannot start, and a test that evicts the cache (FLUSHDB)
    # must not take them along.
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": worker_redis_url(_redis_url, _WORKER_INDEX),
            "KEY_PREFIX": "mbbcms-test",
        },
    }
