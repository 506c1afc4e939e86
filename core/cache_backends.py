"""A Redis cache that degrades instead of failing.

Django's RedisCache raises when Redis is unreachable, and Wagtail reads the cache on every
request (site root paths), so a Redis outage would turn every page into a 500. This backend
treats an unreachable Redis as an empty cache: reads miss, writes are dropped, and after a
failure it stops trying for `RETRY_AFTER` seconds so requests don't each wait for a timeout.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError as RedisOutOfMemoryError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
HEALTH_CHECK_KEY = "healthz:probe"


class ResilientRedisCache(RedisCache):
    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # Fail fast: a cache that answers slowly is worse than no cache.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._down_until = 0.0

    def _guard(self, default, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return method(*args, **kwargs)
        except RedisOutOfMemoryError:
            # A full Redis with maxmemory-policy noeviction (the rate-limit counters' server)
            # refuses writes but still answers reads: drop this write, keep using it.
            logger.warning("Redis is full; a write was dropped", exc_info=True)
            return default
        except UNAVAILABLE:
            self._down_until = time.monotonic() + self.RETRY_AFTER
            logger.warning("Redis cache unavailable; serving without cache", exc_info=True)
            return default

    def is_available(self):
        """For the health check: True if Redis answers right now. A read of a key nobody
        writes (Django's own has_key, unguarded) is one round trip, like a ping, and works
        on a full Redis too."""
        try:
            super().has_key(HEALTH_CHECK_KEY)
        except UNAVAILABLE:
            return False
        self._down_until = 0.0
        return True

    def get(self, key, default=None, version=None):
        return self._guard(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard(False, super().has_key, key, version)

    def add(self, key, value, timeout=None, version=None):
        return self._guard(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._guard(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._guard(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._guard(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard(None, super().incr, key, delta, version)

    def clear(self):
        return self._guard(None, super().clear)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None and time.monotonic() >= self._down_until:
            value = default() if callable(default) else default
            self.add(key, value, timeout=timeout, version=version)
            return self.get(key, default=value, version=version)
        return value
