"""The degrading Redis cache's health check (public cache API only), its one Redis client per
process, and the frontend-cache app installed without its own publish handlers."""

import os
import threading
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig
from wagtail.signals import page_published, page_unpublished

from core.cache_backends import ResilientRedisCache

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    },
    "fragments-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_an_unreachable_redis_is_reported_and_reads_degrade_to_misses():
    cache = caches["default"]
    assert cache.is_available() is False
    assert cache.get("anything", "default") == "default"
    assert cache.set_many({"a": 1}) == ["a"]  # what it could not store


@override_settings(CACHES=UNREACHABLE_REDIS)
@pytest.mark.django_db
def test_the_health_check_fails_while_redis_is_unreachable(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis (REDIS_URL)")
def test_a_reachable_redis_is_healthy_again_at_once_after_a_failure():
    cache = caches["default"]
    cache._down_until = float("inf")  # as after a failure: reads skip Redis
    assert cache.get("x", "skipped") == "skipped"
    assert cache.is_available() is True
    cache.set("x", "read")
    assert cache.get("x") == "read"


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_every_thread_and_call_of_a_process_shares_one_redis_client():
    """Django builds a redis.Redis for every call and each thread has its own backend; the
    client (`_cache`, core/compat.py entry 6) hands out one. Nothing here connects."""
    clients = []

    def in_a_thread():
        backend = caches["default"]  # a backend of this thread's own
        clients.extend([backend._cache.get_client(), backend._cache.get_client(write=True)])

    threads = [threading.Thread(target=in_a_thread) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    clients.append(ResilientRedisCache("redis://127.0.0.1:1/0", {})._cache.get_client())
    assert len(clients) == 7
    assert all(client is clients[0] for client in clients)


def test_a_forked_process_gets_a_client_and_pool_of_its_own():
    """gunicorn forks workers; a client made before (preload_app, import time) keeps the
    parent's sockets, so the child makes its own."""
    backend = ResilientRedisCache("redis://127.0.0.1:1/0", {})
    parent = backend._cache.get_client()
    with mock.patch("core.cache_backends.os.getpid", return_value=os.getpid() + 1):
        child = backend._cache.get_client()
        assert backend._cache.get_client() is child
    assert child is not parent
    assert child.connection_pool is not parent.connection_pool


def test_another_server_gets_its_own_client():
    one = ResilientRedisCache("redis://127.0.0.1:1/0", {})._cache.get_client()
    other = ResilientRedisCache("redis://127.0.0.1:1/1", {})._cache.get_client()
    assert one is not other


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis (REDIS_URL)")
def test_cache_calls_against_redis_build_no_client_of_their_own():
    cache = caches["default"]
    cache.set("warm", 1)  # the process's client exists from here on
    built = AssertionError("a redis.Redis was built for one cache call")
    with mock.patch("redis.Redis.__init__", side_effect=built):
        for number in range(5):
            cache.set(f"key-{number}", number)
            assert cache.get(f"key-{number}") == number
        assert cache.get_many(["key-1", "key-2"]) == {"key-1": 1, "key-2": 2}
        assert cache.add("key-9", 9) is True
        cache.delete_many(["key-1", "key-9"])


def test_wagtails_frontend_cache_handlers_are_not_connected():
    """They would purge the CDN before the commit; core/invalidation.py purges after it."""
    from wagtail.contrib.frontend_cache import signal_handlers

    from networks.models import NetworkPage

    # disconnect() answers whether the handler was connected.
    assert not page_published.disconnect(
        signal_handlers.page_published_signal_handler, sender=NetworkPage
    )
    assert not page_unpublished.disconnect(
        signal_handlers.page_unpublished_signal_handler, sender=NetworkPage
    )


def test_upstreams_app_ready_does_nothing_but_connect_those_handlers():
    """core.compat.FrontendCacheConfig skips it: if upstream's ready() starts doing more, this
    fails and the override must call what was added."""
    assert WagtailFrontendCacheAppConfig.ready.__code__.co_names == ("register_signal_handlers",)
