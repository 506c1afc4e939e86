"""Full-page cache: hits for anonymous visitors, never for editors, retired on every change."""

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
def test_publishing_either_language_retires_cached_pages(language, tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    english = turkish.get_translation(en)
    get(turkish.url)
    get(english.url)
    edited = turkish if language == "tr" else english
    edited.title = f"{edited.title} (güncel)"
    edited.save_revision().publish()
    for page in (turkish, english):
        response = get(page.url)
        assert response["X-Cache"] == "MISS", page.url
    assert "(güncel)" in get(edited.url).content.decode()


def test_unpublishing_a_page_removes_it_at_once(tr):
    page = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    url = page.url
    assert get(url)["X-Cache"] == "MISS"
    page.unpublish()
    assert get(url).status_code == 404


def test_deleting_a_page_retires_the_listing_that_showed_it(tr):
    page = NetworkPage.objects.get(locale=tr, short_name="AEBR")
    index_url = page.get_parent().url
    assert "AEBR" in get(index_url).content.decode()
    page.delete()
    response = get(index_url)
    assert response["X-Cache"] == "MISS"
    assert ">AEBR<" not in response.content.decode()


def test_moving_a_page_retires_cached_pages(tr):
    page = NetworkPage.objects.get(locale=tr, short_name="NALAS")
    index = page.get_parent()
    get(index.url)
    page.move(index, pos="first-child")
    assert get(index.url)["X-Cache"] == "MISS"


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
