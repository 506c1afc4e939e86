"""The degrading Redis cache's health check (public cache API only), and the frontend-cache app
installed without its own publish handlers."""

import os

import pytest
from django.core.cache import caches
from django.test import override_settings
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig
from wagtail.signals import page_published, page_unpublished

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
