"""Query budgets: every page type renders in at most 10 SQL queries, however many networks there
are, and in at most 12 right after a publish retired its fragments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.models import ContactDetails
from networks.models import NetworkIndexPage, NetworkPage
from tests.browser.site_pages import LANGUAGES, create_standard_pages, page_urls

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
# The first render after every fragment is retired also loads what the fragments and the footer
# keep (the contact page: its form fields and topics).
MAX_QUERIES_AFTER_PUBLISH = 12


@pytest.fixture
def standard_pages():
    return create_standard_pages()


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # Measure the render from scratch: no cached page and no cached fragments (their own
    # query counts are tested in test_render_caching.py).
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


def count_queries(client, url):
    """Queries for one render, after a first request has warmed what Wagtail keeps between
    requests (site root paths, content types, image renditions)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def all_counts(client):
    return {
        (language, name): count_queries(client, url)
        for language in LANGUAGES
        for name, url in page_urls(language).items()
    }


def add_networks(count):
    """Add `count` published networks (and their English translations) to each directory."""
    for locale in Locale.objects.all():
        directory = NetworkIndexPage.objects.get(locale=locale)
        for number in range(count):
            directory.add_child(
                instance=NetworkPage(
                    title=f"Test network {number}",
                    slug=f"test-network-{number}",
                    locale=locale,
                    short_name=f"TN{number}",
                    full_name=f"Test network {number}",
                    joined_year=1990 + number % 30,
                    member_count=100 + number,
                    website="https://example.org/",
                    introduction="A network added to test how the site scales.",
                )
            )


def test_every_page_type_renders_in_at_most_ten_queries_in_both_languages(client, standard_pages):
    counts = all_counts(client)
    assert len(counts) == 14
    too_many = {page: n for page, n in counts.items() if n > MAX_QUERIES}
    assert too_many == {}


def test_query_counts_stay_the_same_with_a_hundred_networks(client, standard_pages):
    before = all_counts(client)
    add_networks(92)
    assert NetworkPage.objects.filter(locale__language_code="tr").count() == 100
    after = all_counts(client)
    assert after == before


def test_directory_filters_cost_no_extra_queries(client):
    url = page_urls("en")["network_index"]
    plain = count_queries(client, url)
    assert count_queries(client, url + "?sort=name&joined=2023") == plain
    assert count_queries(client, url + "?sort=nonsense&joined=1066") == plain


def test_the_first_render_after_the_footer_is_published_stays_within_budget(
    client, settings, django_capture_on_commit_callbacks
):
    """Publishing the contact details changes what every page shows, so every fragment is
    rendered again: the next request of each page still stays within the budget."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    create_standard_pages()
    footer = ContactDetails.objects.get(locale__language_code="tr")
    counts = {}
    for language in LANGUAGES:
        for name, url in page_urls(language).items():
            assert client.get(url).status_code == 200, url
            with django_capture_on_commit_callbacks(execute=True):
                footer.save_revision().publish()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[(language, name)] = len(queries)
    assert len(counts) == 14
    assert {page: n for page, n in counts.items() if n > MAX_QUERIES_AFTER_PUBLISH} == {}
    # More than a page whose fragments are cached costs (6, test_render_caching.py): they
    # were rendered again, not reused.
    assert min(counts.values()) > 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_listings_cost_the_same_queries_with_eight_networks_and_with_forty(
    client, settings, language
):
    """Home, the directory's pages (plain, sorted, filtered), the work areas and a network
    page: counting, the year facets and the page of cards are SQL, whatever the number."""
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 3  # the 8 seeded networks fill three pages
    urls = page_urls(language)
    directory = urls["network_index"]
    views = {
        "home": urls["home"],
        "directory": directory,
        "directory page 2": directory + "?page=2",
        "sorted page 3": directory + "?sort=name&page=3",
        "filtered": directory + "?joined=2023",
        "filtered page 2": directory + "?joined=2023&page=2",
        "work area": urls["work_area"],
        "work areas": urls["work_area_index"],
        "network": urls["network"],
    }
    before = {name: count_queries(client, url) for name, url in views.items()}
    add_networks(32)
    assert NetworkPage.objects.filter(locale__language_code=language).count() == 40
    after = {name: count_queries(client, url) for name, url in views.items()}
    assert after == before
    assert max(after.values()) <= MAX_QUERIES
