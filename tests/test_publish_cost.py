"""Publishing at editor speed: what a publish costs in the request does not grow with the
number of networks, and the work that can wait (purging the CDN, above all every live page
after a change every page shows) is queued for the task worker, which does it.

The request-time figures (8 and 1,000 networks) are measured outside the tests; here the
costs are counted: queries, and pages whose URL is worked out one by one."""

import pytest
from django.test import override_settings
from django_tasks import task_backends
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from bench.scale_data import load
from core import page_cache
from core.cdn import purge_every_page_task
from core.invalidation import PurgeSet
from core.models import ContactDetails, PendingPurge
from editorial.testing import page_form_data
from networks.models import NetworkIndexPage, NetworkPage
from tests.test_cache_invalidation import RECORDING_CDN, UNREACHABLE_REDIS, Recorder

pytestmark = pytest.mark.django_db

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
EXTRA_NETWORKS = 32  # the seed's 8 and these: 40


@pytest.fixture(autouse=True)
def cdn_recorder():
    Recorder.purged = []
    yield
    page_cache._Trust.untrusted, page_cache._Trust.next_check = False, 0.0


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("yayinci", "y@example.org"))
    return client


@pytest.fixture
def counted(django_capture_on_commit_callbacks, django_assert_num_queries, monkeypatch):
    """Run a request, its commit and what runs after it; return (queries, pages whose URL was
    worked out one by one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    original = Page.get_url_parts
    asked = []

    def get_url_parts(page, *args, **kwargs):
        asked.append(page.pk)
        return original(page, *args, **kwargs)

    monkeypatch.setattr(Page, "get_url_parts", get_url_parts)

    def run(action):
        asked.clear()
        with CaptureQueriesContext(connection) as queries:
            with django_capture_on_commit_callbacks(execute=True):
                response = action()
        assert response.status_code == 302, response.content[:2000]
        return len(queries), len(asked)

    return run


def publish_in_editor(client, page, introduction):
    url = f"/admin/pages/{page.pk}/edit/"
    data = page_form_data(client, url, introduction=introduction, **{"action-publish": "Yayınla"})
    return lambda: client.post(url, data)


def publish_translation(client, page):
    return lambda: client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})


def publish_footer(client, note):
    footer = ContactDetails.objects.get(locale__language_code="tr")
    fields = ["organisation", "address", "phone", "email", "kep_address", "map_url"]
    data = {name: getattr(footer, name) for name in fields}
    url = f"/admin/snippets/core/contactdetails/edit/{footer.pk}/"
    return lambda: client.post(url, {**data, "note": note, "action-publish": "action-publish"})


def costs_with_8_and_40_networks(run, publish):
    """The cost of the same publish with the seed's 8 networks, then with 40. `publish(n)`
    returns the request to run; a first run settles what a first publish changes."""
    run(publish(0))
    with_8 = run(publish(1))
    load(networks=EXTRA_NETWORKS, inquiries=0)
    assert NetworkPage.objects.filter(locale__language_code="tr").count() == 8 + EXTRA_NETWORKS
    with_40 = run(publish(2))
    return with_8, with_40


def test_a_network_publish_costs_the_same_with_8_and_40_networks(admin_client, counted, tr):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    with_8, with_40 = costs_with_8_and_40_networks(
        counted, lambda n: publish_in_editor(admin_client, network, f"Özet {n}.")
    )
    assert with_40 == with_8


def test_a_translation_publish_costs_the_same_with_8_and_40_networks(admin_client, counted, en):
    english = NetworkPage.objects.get(locale=en, short_name="TDBB")
    with_8, with_40 = costs_with_8_and_40_networks(
        counted, lambda _n: publish_translation(admin_client, english)
    )
    assert with_40 == with_8


def test_a_directory_publish_works_out_no_url_per_network(admin_client, counted, tr):
    """The directory's networks show its title in their breadcrumbs: their paths are retired,
    read as rows, not as pages."""
    directory = NetworkIndexPage.objects.get(locale=tr)
    with_8, with_40 = costs_with_8_and_40_networks(
        counted, lambda n: publish_in_editor(admin_client, directory, f"Giriş {n}.")
    )
    assert with_40 == with_8


def test_a_change_every_page_shows_costs_the_same_with_8_and_40_networks(admin_client, counted):
    with_8, with_40 = costs_with_8_and_40_networks(
        counted, lambda n: publish_footer(admin_client, f"Not {n}.")
    )
    assert with_40 == with_8
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN, TASKS=QUEUED):
        # With a CDN too: every page's URLs are the worker's to work out.
        assert counted(publish_footer(admin_client, "Not 3."))[1] == with_40[1]


def test_descendant_paths_are_the_urls_the_pages_give_themselves(tr, en):
    load(networks=3, inquiries=0)
    for home in Page.objects.filter(depth=2):
        purge = PurgeSet()
        purge.add_descendants(home)
        pages = [page for page in home.get_descendants().specific() if page.get_url_parts()]
        assert len(pages) > 10
        assert purge.paths == {page.get_url_parts()[2] for page in pages}
        # Each page's own URL, and any extra paths it declares (the directory's ?page=N).
        batch = PurgeBatch()
        batch.add_pages(pages)
        assert purge.urls == set(batch.urls)


# The deferred work happens --------------------------------------------------------------


def run_queued(backend, task_names):
    """Run what the queue holds of these tasks (in order, and what they queue in turn)."""
    ran = []
    while pending := [
        result for result in backend.results if result.task.name in task_names and result not in ran
    ]:
        for result in pending:
            result.task.call(*result.args, **result.kwargs)
            ran.append(result)
    return ran


PURGE_TASKS = {"purge_urls_from_cache_task", "purge_every_page_task"}


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN, TASKS=QUEUED)
def test_a_publish_queues_its_cdn_purge_after_the_commit_and_the_worker_purges(
    tr, en, django_capture_on_commit_callbacks
):
    backend = task_backends["default"]
    backend.clear()
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    with django_capture_on_commit_callbacks(execute=True):
        network.title += " (güncel)"
        network.save_revision().publish()
        assert not [r for r in backend.results if r.task.name in PURGE_TASKS]  # not before
    assert Recorder.purged == []  # nothing in the request
    assert run_queued(backend, PURGE_TASKS)
    assert {network.full_url, network.get_translation(en).full_url} <= set(Recorder.purged)
    assert NetworkPage.objects.get(locale=tr, short_name="AEBR").full_url not in Recorder.purged


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN, TASKS=QUEUED)
def test_a_change_every_page_shows_queues_every_page_for_the_worker(
    tr, django_capture_on_commit_callbacks
):
    backend = task_backends["default"]
    backend.clear()
    details = ContactDetails.objects.get(locale=tr)
    details.note = "Yeni not."
    with django_capture_on_commit_callbacks(execute=True):
        details.save_revision().publish()
    assert Recorder.purged == []
    assert purge_every_page_task.name in {r.task.name for r in backend.results}
    run_queued(backend, PURGE_TASKS)
    live = {page.full_url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live <= set(Recorder.purged)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN)
def test_the_worker_purges_every_page_with_the_immediate_backend(
    tr, django_capture_on_commit_callbacks
):
    details = ContactDetails.objects.get(locale=tr)
    details.note = "Yeni not."
    with django_capture_on_commit_callbacks(execute=True):
        details.save_revision().publish()
    live = {page.full_url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live <= set(Recorder.purged)


@override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN)
def test_a_change_every_page_shows_missed_during_an_outage_purges_every_page_when_applied(
    tr, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    details = ContactDetails.objects.get(locale=tr)
    details.note = "Yeni not."
    with override_settings(CACHES=UNREACHABLE_REDIS):
        with django_capture_on_commit_callbacks(execute=True):
            details.save_revision().publish()
        assert PendingPurge.objects.get().site
    Recorder.purged = []
    assert page_cache.apply_pending_purges()  # Redis is back
    live = {page.full_url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live <= set(Recorder.purged)
    assert not PendingPurge.objects.exists()
