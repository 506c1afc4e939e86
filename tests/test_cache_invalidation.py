"""What a change retires, and when: only the pages that show it, only after the commit, in the
page cache and at the CDN; and a publish the cache missed (Redis unreachable) is applied when
Redis is back, the cache not trusted meanwhile."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core import page_cache
from core.models import ContactDetails, PendingPurge
from forms_app.models import ContactFormPage
from forms_app.records import Topic
from home.models import HomePage, WorkAreaIndexPage, WorkAreaPage
from networks.models import NetworkIndexPage, NetworkPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    },
    "fragments-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}


class Recorder(BaseBackend):
    """A CDN that writes down what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


RECORDING_CDN = {"test": {"BACKEND": "tests.test_cache_invalidation.Recorder"}}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    Recorder.purged = []
    yield
    cache.clear()
    page_cache._Trust.untrusted, page_cache._Trust.next_check = False, 0.0


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block as a transaction that commits at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(url):
    return Client().get(url)


def x_cache(url):
    return get(url).get("X-Cache")


def warm(*urls):
    for url in urls:
        get(url)
        assert x_cache(url) == "HIT", url


def publish_edit(page, title_suffix=" (güncel)"):
    page.title += title_suffix
    page.save_revision().publish()


# Which pages ------------------------------------------------------------------------------


def test_a_network_publish_retires_its_set_and_nothing_else(tr, en, commit):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    index = network.get_parent()
    home = HomePage.objects.get(locale=tr)
    other_network = NetworkPage.objects.get(locale=tr, short_name="AEBR")
    work_area = WorkAreaPage.objects.get(locale=tr)
    retired = [network.url, network.get_translation(en).url, index.url, home.url]
    kept = [other_network.url, work_area.url]
    warm(*retired, *kept)
    with commit():
        publish_edit(network)
    for url in retired:
        assert x_cache(url) == "MISS", url
    for url in kept:
        assert x_cache(url) == "HIT", url


def test_a_publish_retires_the_breadcrumbs_below_the_page(tr, commit):
    index = NetworkIndexPage.objects.get(locale=tr)
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    warm(network.url)
    with commit():
        publish_edit(index, " yeni")
    response = get(network.url)
    assert response["X-Cache"] == "MISS"
    assert f"{index.title}" in response.content.decode()


def test_a_page_in_the_main_menu_retires_every_page(tr, commit):
    menu_page = WorkAreaIndexPage.objects.get(locale=tr)  # a child of the home page
    unrelated = Page.objects.get(locale=tr, slug="kvkk-aydinlatma-metni")
    assert not unrelated.is_descendant_of(menu_page)
    warm(unrelated.url)
    with commit():
        publish_edit(menu_page, " yeni")
    assert x_cache(unrelated.url) == "MISS"


def test_publishing_the_privacy_notice_retires_the_contact_forms_linking_to_it(tr, commit):
    contact = ContactFormPage.objects.get(locale=tr)
    notice = contact.privacy_notice_page.specific
    before = page_cache.page_version(contact.url)
    with commit():
        publish_edit(notice)
    assert page_cache.page_version(contact.url) != before


def test_the_contact_details_retire_every_page(tr, commit):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    warm(*urls[:6])
    details = ContactDetails.objects.get(locale=tr)
    details.note = "Yeni not."
    with commit():
        details.save_revision().publish()
    for url in urls[:6]:
        assert x_cache(url) == "MISS", url


def test_a_topic_retires_the_contact_forms_not_the_site(tr, commit):
    contact = ContactFormPage.objects.get(locale=tr)
    site, contact_version = page_cache.site_version(), page_cache.page_version(contact.url)
    topic = Topic.objects.filter(locale=tr, network__isnull=True).first()
    topic.label = "Yeni konu"
    with commit():
        topic.save_revision().publish()
    assert page_cache.page_version(contact.url) != contact_version
    assert page_cache.site_version() == site


def test_a_redirect_retires_every_page_after_the_commit(tr, commit):
    url = WorkAreaPage.objects.get(locale=tr).url
    warm(url)
    with commit():
        Redirect.objects.create(old_path="/eski-adres", redirect_link="/tr/")
        assert x_cache(url) == "HIT"  # not before the commit
    assert x_cache(url) == "MISS"


def test_drafts_retire_nothing(tr, django_capture_on_commit_callbacks):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    details = ContactDetails.objects.get(locale=tr)
    warm(network.url)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        network.title += " (taslak)"
        network.save_revision()
        details.note = "Taslak not."
        details.save_revision()
    assert callbacks == []
    assert x_cache(network.url) == "HIT"


# When -------------------------------------------------------------------------------------


def test_nothing_is_retired_before_the_commit_and_what_was_cached_meanwhile_is_not_kept(tr, commit):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    url, old_title = network.url, network.title
    warm(url)
    with commit():
        publish_edit(network)
        assert x_cache(url) == "HIT"  # nothing is retired before the commit
        # A request rendered between the publish and the commit stores what it rendered
        # under the versions it read (in production: the old page, from another connection).
        cache.clear()
        assert x_cache(url) == "MISS"
        assert x_cache(url) == "HIT"
    response = get(url)
    assert response["X-Cache"] == "MISS"
    assert network.title in response.content.decode()
    assert network.title != old_title


# The CDN ----------------------------------------------------------------------------------


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN)
def test_a_network_publish_purges_both_languages_the_directory_and_home_at_the_cdn(tr, en, commit):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    with commit():
        publish_edit(network)
        assert Recorder.purged == []  # Wagtail's own handlers would purge here
    expected = {
        network.full_url,
        network.get_translation(en).full_url,
        network.get_parent().full_url,
        network.get_parent().get_translation(en).full_url,
        HomePage.objects.get(locale=tr).full_url,
        HomePage.objects.get(locale=en).full_url,
    }
    assert expected <= set(Recorder.purged)
    other = NetworkPage.objects.get(locale=tr, short_name="AEBR")
    assert other.full_url not in Recorder.purged
    assert any(url.endswith("/sitemap.xml") for url in Recorder.purged)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN)
def test_the_contact_details_purge_every_live_page_at_the_cdn(tr, commit):
    details = ContactDetails.objects.get(locale=tr)
    details.note = "Yeni not."
    with commit():
        details.save_revision().publish()
    live = {page.full_url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live <= set(Recorder.purged)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN)
def test_a_rolled_back_publish_purges_nothing(tr, django_capture_on_commit_callbacks):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    with django_capture_on_commit_callbacks(execute=False):
        publish_edit(network)
    assert Recorder.purged == []


# A publish while Redis is unreachable ----------------------------------------------------


def test_a_publish_during_an_outage_is_applied_when_redis_is_back(tr, commit):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    url, old_title = network.url, network.title
    warm(url)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        with commit():
            publish_edit(network)
        assert PendingPurge.objects.count() == 1
        assert page_cache.site_version() is None
        assert "X-Cache" not in get(url)
    # Redis is back, still holding the old page and the old versions.
    response = get(url)
    assert response.get("X-Cache") != "HIT"
    assert network.title in response.content.decode()
    assert old_title + "<" not in response.content.decode()
    assert not PendingPurge.objects.exists()
    assert x_cache(url) == "HIT"  # trusted again


def test_another_process_stops_trusting_the_cache_while_a_publish_is_pending(tr, settings):
    settings.PAGE_CACHE_PENDING_CHECK_SECONDS = 0  # look at every read
    url = WorkAreaPage.objects.get(locale=tr).url
    warm(url)
    # Recorded by another replica during the outage, which this process did not see.
    PendingPurge.objects.create(paths=[url], site=False)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert page_cache.page_version(url) is None
        assert PendingPurge.objects.exists()
    assert x_cache(url) == "MISS"  # applied, then trusted
    assert not PendingPurge.objects.exists()


def test_a_process_looks_for_pending_publishes_at_most_every_few_seconds(
    tr, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_PENDING_CHECK_SECONDS = 5
    page_cache._Trust.next_check = 0.0
    with django_assert_num_queries(1):
        page_cache.site_version()
    with django_assert_num_queries(0):
        page_cache.site_version()
        page_cache.page_version("/tr/")
