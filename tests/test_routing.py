"""core/routing.py: a page's second view reads the page with one query and asks nothing else of
the tree or the sites, and the route it remembers never outlives a publish, an unpublish, a
move, a new slug or a change of the Site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

NETWORK_URL = "/en/our-work-areas/international-memberships/nalas/"


@pytest.fixture(autouse=True)
def rendered_pages(settings):
    # The route is kept for pages the page cache does not answer: turn the page cache off and
    # keep the fragments, as for a request with a query string or a session.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose changes commit: the cache's versions change after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page_queries(client, url):
    """The queries one view of `url` runs against the page tree and the sites."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    tables = ("wagtailcore_page", "wagtailcore_site")
    return response, [q["sql"] for q in queries if any(t in q["sql"] for t in tables)]


def nalas():
    return NetworkPage.objects.get(url_path__endswith="/nalas/", locale__language_code="en")


def test_a_second_view_reads_only_the_page(client):
    first, first_queries = page_queries(client, NETWORK_URL)
    second, second_queries = page_queries(client, NETWORK_URL)
    assert first.status_code == second.status_code == 200
    assert first_queries, "the first view routes through Wagtail"
    assert len(second_queries) == 1, second_queries  # the page itself, read afresh
    assert second.content == first.content


def test_a_published_change_is_shown_at_once(client, committed):
    client.get(NETWORK_URL)
    page = nalas()
    page.title = "NALAS, renamed"
    with committed():
        page.save_revision().publish()
    response = client.get(NETWORK_URL)
    assert "NALAS, renamed" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, committed):
    assert client.get(NETWORK_URL).status_code == 200
    with committed():
        nalas().unpublish()
    assert client.get(NETWORK_URL).status_code == 404


def test_a_new_slug_moves_the_page_at_once(client, committed):
    assert client.get(NETWORK_URL).status_code == 200
    page = nalas()
    page.slug = "nalas-network"
    with committed():
        page.save_revision().publish()
    new_url = NETWORK_URL.replace("nalas", "nalas-network")
    assert client.get(NETWORK_URL).status_code in (301, 404)
    assert client.get(new_url).status_code == 200


def test_a_new_slug_retires_the_old_address_without_an_automatic_redirect(
    client, committed, settings
):
    settings.WAGTAILREDIRECTS_AUTO_CREATE = False
    assert client.get(NETWORK_URL).status_code == 200
    page = nalas()
    page.slug = "nalas-network"
    with committed():
        page.save_revision().publish()
    assert client.get(NETWORK_URL).status_code == 404


def test_a_moved_page_leaves_its_old_address(client, committed):
    assert client.get(NETWORK_URL).status_code == 200
    page = nalas()
    work_areas = page.get_parent().get_parent()
    with committed():
        page.move(work_areas, pos="last-child")
    # Wagtail's automatic redirect now answers the old address.
    moved_away = client.get(NETWORK_URL)
    assert (moved_away.status_code, moved_away["Location"]) == (301, "/en/our-work-areas/nalas/")
    assert client.get("/en/our-work-areas/nalas/").status_code == 200


def test_a_site_that_no_longer_answers_for_a_host_is_not_kept(client, committed):
    assert client.get(NETWORK_URL).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "elsewhere.example"
    with committed():
        site.save()
    # No site answers for testserver now: Wagtail's routing finds none and answers 404.
    assert client.get(NETWORK_URL).status_code == 404


def test_wagtails_own_utility_views_are_still_wagtails(client):
    response = client.get("/en/_util/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_post_requests_are_routed_by_wagtail_every_time(client):
    client.get("/tr/iletisim/")
    _response, read = page_queries(client, "/tr/iletisim/")
    assert len(read) == 1
    with CaptureQueriesContext(connection) as posted:
        client.post("/tr/iletisim/", {})
    assert sum("wagtailcore_page" in q["sql"] for q in posted) > 1


def test_the_route_of_a_page_never_serves_a_draft(client):
    client.get(NETWORK_URL)
    page = nalas()
    page.title = "A draft title"
    page.save_revision()  # not published
    assert "A draft title" not in client.get(NETWORK_URL).content.decode()
    assert Page.objects.get(pk=page.pk).title != "A draft title"
