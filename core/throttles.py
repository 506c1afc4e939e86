"""Per-client and per-address limits, counted where cache pressure cannot drop them.

The counters live in the "ratelimit" cache alias: in production a Redis with
`maxmemory-policy noeviction` (RATELIMIT_REDIS_URL; compose.yaml's `ratelimit` service), so
filling the page cache cannot evict them and let a limited client start again. Keys hold a
keyed hash of the subject (an address), never the subject itself.
"""

import hashlib
import logging
import math

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

COUNTERS_ALIAS = "ratelimit"
counters = ConnectionProxy(caches, COUNTERS_ALIAS)


class Throttle:
    """At most `limit` events per `window` seconds for one subject within one scope."""

    def __init__(self, scope, subject, limit, window):
        secret = f"{settings.SECRET_KEY}:{scope}:{subject}".encode()
        self.key = f"throttle:{scope}:{hashlib.sha256(secret).hexdigest()[:32]}"
        self.limit = limit
        self.window = window

    def count(self):
        try:
            return counters.get(self.key) or 0
        except RedisError:
            logger.warning("rate-limit counters unavailable (read)", exc_info=True)
            return 0

    def exceeded(self):
        """True when the limit is used up (without counting anything)."""
        return self.count() >= self.limit

    def hit(self):
        """Count one event; True while the subject is within its limit.

        When the counters cannot be reached (Redis down or full), the event is allowed: the
        site keeps working, and the other protections (lockout, honeypot) still apply."""
        try:
            counters.add(self.key, 0, timeout=self.window)
            try:
                count = counters.incr(self.key)
            except ValueError:  # expired between add() and incr()
                counters.set(self.key, 1, timeout=self.window)
                count = 1
        except RedisError:
            logger.warning("rate-limit counters unavailable (write)", exc_info=True)
            return True
        if count is None:
            return True
        return count <= self.limit

    def retry_after_minutes(self):
        return max(1, math.ceil(self.window / 60))


@checks.register(checks.Tags.caches, deploy=True)
def check_counters_survive_cache_pressure(app_configs, **kwargs):
    """Deploy check: the counters must not share the page cache's Redis, whose eviction policy
    (allkeys-lru in compose.yaml) would drop them under pressure."""
    default = settings.CACHES.get("default", {}).get("LOCATION")
    ours = settings.CACHES.get(COUNTERS_ALIAS, {})
    if "redis" in ours.get("BACKEND", "").lower() and ours.get("LOCATION") == default:
        return [
            checks.Warning(
                "Rate-limit counters share the cache's Redis, where cache pressure can evict them.",
                hint="Set RATELIMIT_REDIS_URL to a Redis with maxmemory-policy noeviction "
                "(compose.yaml's ratelimit service).",
                id="mbbcms.W001",
            )
        ]
    return []
