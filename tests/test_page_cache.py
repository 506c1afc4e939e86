"""Full-page cache: hits for anonymous visitors, never for editors, retired after each change
is committed (which pages a change retires: tests/test_cache_invalidation.py); Cache-Control
for a CDN."""

from unittest import mock

import pytest
from django.test import Client, override_settings
from wagtail.models import Page

from core.models import ContactDetails
from home.models import WorkAreaPage
from networks.models import NetworkPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on(settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def get(path, client=None):
    return (client or Client()).get(path)


def test_anonymous_page_views_are_served_from_the_cache(tr):
    url = WorkAreaPage.objects.get(locale=tr).url
    first, second = get(url), get(url)
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")


def test_a_cache_hit_runs_no_database_query(tr, django_assert_num_queries):
    url = WorkAreaPage.objects.get(locale=tr).url
    get(url)
    with django_assert_num_queries(0):
        assert get(url)["X-Cache"] == "HIT"


def test_logged_in_editors_never_get_or_fill_the_cache(tr, admin_user):
    url = WorkAreaPage.objects.get(locale=tr).url
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(url)
    assert "X-Cache" not in response
    assert get(url)["X-Cache"] == "MISS"  # the editor's view was not stored


def test_responses_that_set_cookies_are_not_cached(tr):
    contact = Page.objects.get(locale=tr, slug="iletisim")
    first = get(contact.url)
    assert first.cookies  # the CSRF cookie
    assert "X-Cache" not in first
    assert "X-Cache" not in get(contact.url)


def test_form_posts_with_errors_are_not_cached(tr):
    contact = Page.objects.get(locale=tr, slug="iletisim")
    client = Client(enforce_csrf_checks=False)
    response = client.post(contact.url, {})
    assert "X-Cache" not in response
    assert response.status_code in (200, 400, 429)


def test_not_found_pages_are_not_cached():
    assert "X-Cache" not in get("/tr/olmayan-sayfa/")
    assert "X-Cache" not in get("/tr/olmayan-sayfa/")


def test_admin_is_never_cached():
    assert "X-Cache" not in get("/admin/login/")
    assert "X-Cache" not in get("/admin/login/")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_publishing_either_language_retires_both_translations(
    language, tr, en, django_capture_on_commit_callbacks
):
    turkish = WorkAreaPage.objects.get(locale=tr)
    english = turkish.get_translation(en)
    get(turkish.url)
    get(english.url)
    edited = turkish if language == "tr" else english
    edited.title = f"{edited.title} (güncel)"
    with django_capture_on_commit_callbacks(execute=True):
        edited.save_revision().publish()
    for page in (turkish, english):
        response = get(page.url)
        assert response["X-Cache"] == "MISS", page.url
    assert "(güncel)" in get(edited.url).content.decode()


def test_unpublishing_a_page_removes_it_at_once(tr, django_capture_on_commit_callbacks):
    page = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    url = page.url
    assert get(url)["X-Cache"] == "MISS"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert get(url).status_code == 404


def test_deleting_a_page_retires_the_listing_that_showed_it(tr, django_capture_on_commit_callbacks):
    page = NetworkPage.objects.get(locale=tr, short_name="AEBR")
    index_url = page.get_parent().url
    assert "AEBR" in get(index_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    response = get(index_url)
    assert response["X-Cache"] == "MISS"
    assert ">AEBR<" not in response.content.decode()


def test_moving_a_page_retires_the_listing_and_the_old_address(
    tr, django_capture_on_commit_callbacks
):
    page = NetworkPage.objects.get(locale=tr, short_name="NALAS")
    index = page.get_parent()
    old_url = page.url
    get(index.url), get(old_url)
    home = index.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(home, pos="last-child")
    assert get(index.url)["X-Cache"] == "MISS"
    old_address = get(old_url)  # no longer the cached page: Wagtail's redirect to the new one
    assert old_address.status_code == 301
    assert old_address["Location"] == page.specific.__class__.objects.get(pk=page.pk).url


def test_publishing_the_footer_snippet_retires_cached_pages(tr, django_capture_on_commit_callbacks):
    url = WorkAreaPage.objects.get(locale=tr).url
    get(url)
    footer = ContactDetails.objects.get(locale=tr)
    footer.note = "Yeni alt bilgi notu."
    revision = footer.save_revision()
    assert get(url)["X-Cache"] == "HIT"  # a draft changes nothing the public sees
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    response = get(url)
    assert response["X-Cache"] == "MISS"
    assert "Yeni alt bilgi notu." in response.content.decode()


def test_cache_disabled_when_page_cache_seconds_is_zero(tr, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = WorkAreaPage.objects.get(locale=tr).url
    assert "X-Cache" not in get(url)
    assert "X-Cache" not in get(url)


def test_https_and_http_pages_are_cached_apart(tr):
    """A page rendered for http:// carries http:// in its share-image and canonical URLs."""
    url = WorkAreaPage.objects.get(locale=tr).url
    assert get(url)["X-Cache"] == "MISS"
    assert get(url)["X-Cache"] == "HIT"
    assert Client().get(url, secure=True)["X-Cache"] == "MISS"
    assert Client().get(url, secure=True)["X-Cache"] == "HIT"


def test_a_hit_is_one_round_trip_to_the_cache(tr):
    from django.core.cache import cache

    url = WorkAreaPage.objects.get(locale=tr).url
    get(url)
    calls, depth = [], []
    names = ("get", "get_many", "set", "set_many", "add", "incr", "get_or_set", "has_key")
    originals = {name: getattr(cache, name) for name in names}

    def recording(name):
        def call(*args, **kwargs):
            if not depth:  # local memory's get_many is made of gets: count the outer call
                calls.append(name)
            depth.append(name)
            try:
                return originals[name](*args, **kwargs)
            finally:
                depth.pop()

        return call

    with mock.patch.multiple(cache, **{name: recording(name) for name in names}):
        assert get(url)["X-Cache"] == "HIT"
    assert calls == ["get_many"]


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_anonymous_pages_tell_a_cdn_it_may_keep_them_on_misses_and_hits(tr, settings):
    settings.CDN_CACHE_SECONDS = 900
    url = WorkAreaPage.objects.get(locale=tr).url
    miss, hit = get(url), get(url)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    for response in (miss, hit):
        assert cache_control(response) == {"public", "max-age=60", "s-maxage=900"}


def test_the_cdn_keeps_pages_as_long_as_the_page_cache_by_default(tr):
    response = get(WorkAreaPage.objects.get(locale=tr).url)
    assert cache_control(response) == {"public", "max-age=60", "s-maxage=600"}


def test_pages_for_one_visitor_are_not_made_public(tr, admin_user):
    url = WorkAreaPage.objects.get(locale=tr).url
    editor = Client()
    editor.force_login(admin_user)
    assert "public" not in cache_control(editor.get(url))
    contact = Page.objects.get(locale=tr, slug="iletisim")
    assert "public" not in cache_control(get(contact.url))  # sets the CSRF cookie
    assert "public" not in cache_control(get("/tr/olmayan-sayfa/"))
    assert "public" not in cache_control(get("/admin/login/"))


def test_no_cdn_header_when_the_cdn_may_keep_nothing(tr, settings):
    settings.CDN_CACHE_SECONDS = 0
    response = get(WorkAreaPage.objects.get(locale=tr).url)
    assert response["X-Cache"] == "MISS"
    assert "public" not in cache_control(response)


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        },
        "fragments-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_an_unreachable_redis_degrades_to_uncached_pages(tr):
    url = WorkAreaPage.objects.get(locale=tr).url
    for _ in range(2):
        response = get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
