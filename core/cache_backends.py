"""A Redis cache that degrades instead of failing.

Django's RedisCache raises when Redis is unreachable, and Wagtail reads the cache on every
request (site root paths), so a Redis outage would turn every page into a 500. This backend
treats an unreachable Redis as an empty cache: reads miss, writes are dropped, and after a
failure it stops trying for `RETRY_AFTER` seconds so requests don't each wait for a timeout.

It also keeps one Redis client and connection pool per process (`ProcessRedisCacheClient`),
where Django builds a client for every cache call.
"""

import logging
import os
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError as RedisOutOfMemoryError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .compat import redis_cache_client

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
HEALTH_CHECK_KEY = "healthz:probe"

DjangoRedisCacheClient, CLIENT_CLASS_ATTRIBUTE = redis_cache_client()  # core/compat.py, entry 6


class ProcessRedisCacheClient(DjangoRedisCacheClient):
    """Django's Redis cache client, with one redis.Redis (and its connection pool) per process,
    server and options, shared by every thread's cache backend: Django builds a new client
    for every cache call (about 160 us each, a quarter of a page-cache hit).

    Keyed by the process id: a client made before gunicorn forks (with `preload_app`, or one
    made at import) is never used by a child, whose sockets must be its own; a child drops the
    parent's clients (their sockets stay the parent's) and makes its own."""

    _clients = {}  # {(pid, server, options): redis.Redis}, for the whole process

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._options_key = repr(sorted(self._pool_options.items()))

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        ident = (os.getpid(), self._servers[index], self._options_key)
        client = self._clients.get(ident)
        if client is None:
            client = self._new_client(ident, index)
        return client

    def _new_client(self, ident, index):
        for other in [other for other in self._clients if other[0] != ident[0]]:
            self._clients.pop(other, None)  # a parent's, inherited through fork()
        pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
        # Two threads may get here at once: one client wins, the other pool was never used.
        # (No lock: a lock held by another thread at fork() would stay locked in the child.)
        return self._clients.setdefault(ident, self._client(connection_pool=pool))


class ResilientRedisCache(RedisCache):
    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # Fail fast: a cache that answers slowly is worse than no cache.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        setattr(self, CLIENT_CLASS_ATTRIBUTE, ProcessRedisCacheClient)
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
