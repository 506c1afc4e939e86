"""Visitors cannot grow the caches with variants of one page: port and case variants of an
allowed host, tracking parameters (utm_*, fbclid) and unknown query parameters are answered
from the page's one entry and never add entries, to the page cache or the fragment cache."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client

from home.models import WorkAreaPage
from networks.models import NetworkIndexPage

pytestmark = pytest.mark.django_db

HOST_VARIANTS = ["TESTSERVER", "TestServer", "testserver:8080", "testserver:443", "testserver."]
QUERY_VARIANTS = ["?utm_source=1", "?utm_source=2&utm_medium=x", "?fbclid=abc", "?anything=1"]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def stored_keys():
    """Every key the caches store from here on."""
    keys = []
    cache = caches["default"]
    real_set = cache.set

    def recording_set(key, *args, **kwargs):
        keys.append(key)
        return real_set(key, *args, **kwargs)

    with mock.patch.object(cache, "set", recording_set):
        yield keys


def test_host_variants_are_served_from_the_one_cached_page(page_cache_on, tr, stored_keys):
    url = WorkAreaPage.objects.get(locale=tr).url
    assert Client().get(url)["X-Cache"] == "MISS"
    stored_keys.clear()
    for host in HOST_VARIANTS:
        response = Client().get(url, HTTP_HOST=host)
        assert response.status_code == 200
        assert response["X-Cache"] == "HIT", host
    assert stored_keys == []


def test_host_variants_add_no_fragments(settings, tr, stored_keys):
    settings.PAGE_CACHE_SECONDS = 0  # fragments only
    url = WorkAreaPage.objects.get(locale=tr).url
    assert Client().get(url).status_code == 200
    stored_keys.clear()
    for host in HOST_VARIANTS:
        assert Client().get(url, HTTP_HOST=host).status_code == 200
    assert stored_keys == []


def test_a_host_variant_first_renders_without_storing_what_it_rendered(page_cache_on, tr):
    url = WorkAreaPage.objects.get(locale=tr).url
    variant = Client().get(url, HTTP_HOST="testserver:8080")
    assert variant.status_code == 200
    assert "X-Cache" not in variant
    assert Client().get(url)["X-Cache"] == "MISS"  # the variant stored nothing


def test_tracking_and_unknown_parameters_never_vary_the_page_cache_key(
    page_cache_on, tr, stored_keys
):
    url = WorkAreaPage.objects.get(locale=tr).url
    assert Client().get(url)["X-Cache"] == "MISS"
    stored_keys.clear()
    for query in QUERY_VARIANTS:
        response = Client().get(url + query)
        assert response["X-Cache"] == "HIT", query
    assert stored_keys == []


def test_unknown_parameters_add_no_fragments(settings, tr, stored_keys):
    settings.PAGE_CACHE_SECONDS = 0
    url = WorkAreaPage.objects.get(locale=tr).url
    assert Client().get(url).status_code == 200
    stored_keys.clear()
    for query in QUERY_VARIANTS:
        assert Client().get(url + query).status_code == 200
    assert stored_keys == []


def test_parameters_a_page_uses_still_get_their_own_entry(page_cache_on, en):
    url = NetworkIndexPage.objects.get(locale=en).url
    default, by_name = Client().get(url), Client().get(url + "?sort=name")
    assert (default["X-Cache"], by_name["X-Cache"]) == ("MISS", "MISS")
    assert default.content != by_name.content
    # The same parameters in another order, or with a tracking parameter, are the same page.
    assert Client().get(url + "?utm_source=x&sort=name")["X-Cache"] == "HIT"
    reordered = Client().get(url + "?joined=2023&sort=name")
    assert reordered["X-Cache"] == "MISS"
    assert Client().get(url + "?sort=name&joined=2023")["X-Cache"] == "HIT"
