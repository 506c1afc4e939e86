"""The versions that decide whether something cached is still true: one for the whole site,
one per URL path; stable until an invalidation, unknown (None) when the cache is unavailable."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from core import page_cache
from core.page_cache import page_version, site_version

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    },
    "fragments-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_versions_are_stable_until_something_changes():
    assert site_version() is not None
    assert site_version() == site_version()
    assert page_version("/tr/") == page_version("/tr/")


def test_each_path_has_its_own_version_apart_from_the_site_version():
    versions = {site_version(), page_version("/tr/"), page_version("/en/"), page_version("/tr/ ı")}
    assert None not in versions
    assert len(versions) == 4


def test_a_lost_version_comes_back_as_a_new_one():
    before = page_version("/tr/")
    cache.clear()  # a Redis restart keeps nothing
    assert page_version("/tr/") not in (None, before)


def test_a_request_reads_each_version_once():
    token = page_cache._request_versions.set({})
    try:
        before = site_version()
        cache.set(page_cache.SITE_VERSION_KEY, "changed meanwhile")
        assert site_version() == before
    finally:
        page_cache._request_versions.reset(token)
    assert site_version() == "changed meanwhile"


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_versions_are_unknown_while_the_cache_is_unreachable():
    assert site_version() is None
    assert page_version("/tr/") is None


def test_a_value_cached_for_the_site_is_kept_until_the_site_version_changes():
    calls = []

    def compute():
        calls.append(1)
        return None  # None is a value too

    assert page_cache.cached_for_site("footer", compute) is None
    assert page_cache.cached_for_site("footer", compute) is None
    assert len(calls) == 1
    cache.set(page_cache.SITE_VERSION_KEY, page_cache.new_version())
    page_cache.cached_for_site("footer", compute)
    assert len(calls) == 2


def test_a_value_cached_for_a_path_follows_that_paths_version_only():
    values = iter(range(10))
    first = page_cache.cached_for_path("/tr/iletisim/", "fields", lambda: next(values))
    cache.set(page_cache.SITE_VERSION_KEY, page_cache.new_version())
    assert page_cache.cached_for_path("/tr/iletisim/", "fields", lambda: next(values)) == first
    cache.set(page_cache.page_version_key("/tr/iletisim/"), page_cache.new_version())
    assert page_cache.cached_for_path("/tr/iletisim/", "fields", lambda: next(values)) != first


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_without_a_cache_values_are_computed_each_time():
    values = iter(range(10))
    assert page_cache.cached_for_site("x", lambda: next(values)) == 0
    assert page_cache.cached_for_site("x", lambda: next(values)) == 1
