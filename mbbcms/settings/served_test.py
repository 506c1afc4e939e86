"""Settings for tests that serve the site with a real gunicorn (tests/test_contact_concurrency.py).

Like `test`, plus what several worker processes writing at once need: on SQLite, WAL mode (readers
never block the writer), IMMEDIATE transactions (a transaction takes the write lock when it
begins, so two workers never deadlock upgrading a read lock) and a generous busy timeout (a
writer waits its turn instead of failing). The database comes from DATABASE_URL.
"""

from .test import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Fifty submissions from one address in a second are the point of the test, not an attack.
CONTACT_RATE_LIMIT = 10_000
CONTACT_MIN_FILL_SECONDS = 1

# Two servers in one test can share cached pages through a folder: one warms the cache, the
# other serves it while its database hangs (tests/test_database_hang.py).
if _shared_cache := __import__("os").environ.get("SERVED_CACHE_DIR"):
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _shared_cache,
        },
    }
    PAGE_CACHE_SECONDS = 600
