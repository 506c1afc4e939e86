"""Languages in the URL and the page: rendering, switcher, hreflang, canonical, redirects, 404."""

import html5lib
import pytest
from django.test import Client
from wagtail.models import Page

from home.models import WorkAreaPage
from home.seed import content

pytestmark = pytest.mark.django_db


def live_pages(language_code):
    return list(Page.objects.filter(locale__language_code=language_code, depth__gte=2).live())


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def links(document, rel):
    return {
        link.get("hreflang") or "self": link.get("href")
        for link in document.iter("link")
        if link.get("rel") == rel
    }


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_every_live_page_renders_in_its_language(client, language_code):
    pages = live_pages(language_code)
    assert len(pages) == len(content.PAGES)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        document = parse(response)
        assert document.get("lang") == language_code
        assert len(list(document.iter("h1"))) == 1, page.url


def test_urls_carry_the_language_prefix_and_translated_slugs(en, tr):
    turkish = WorkAreaPage.objects.get(locale=tr)
    english = turkish.get_translation(en)
    assert turkish.url == "/tr/calisma-alanlarimiz/yerel-diplomasi/"
    assert english.url == "/en/our-work-areas/local-diplomacy/"


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    document = parse(client.get(turkish.url))
    switcher = next(nav for nav in document.iter("nav") if "language-switcher" in nav.get("class"))
    hrefs = [a.get("href") for a in switcher.iter("a")]
    assert hrefs == ["/en/our-work-areas/local-diplomacy/"]
    current = [span.text for span in switcher.iter("span") if span.get("aria-current")]
    assert current == ["Türkçe"]


def test_switcher_says_plainly_when_a_page_has_no_translation(client, tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    turkish.get_translation(en).unpublish()
    response = client.get(turkish.url)
    content = response.content.decode()
    assert 'href="/en/"' in content
    assert "this page is not translated yet" in content
    assert 'hreflang="en" href="http' not in content  # no alternate for a missing translation


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_hreflang_lists_every_language_including_the_page_itself_and_x_default(
    client, language_code
):
    for page in live_pages(language_code):
        document = parse(client.get(page.url))
        alternates = links(document, "alternate")
        translations = {p.locale.language_code: p for p in page.get_translations(inclusive=True)}
        assert set(alternates) == {"tr", "en", "x-default"}, page.url
        assert alternates[language_code] == page.get_full_url()
        assert alternates["x-default"] == translations["tr"].get_full_url()
        assert (
            alternates["en" if language_code == "tr" else "tr"]
            == translations["en" if language_code == "tr" else "tr"].get_full_url()
        )


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_canonical_link_points_to_the_page_itself(client, language_code):
    for page in live_pages(language_code):
        document = parse(client.get(page.url))
        assert links(document, "canonical") == {"self": page.get_full_url()}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("tr-TR,tr;q=0.9", "/tr/"), ("de-DE", "/tr/"), (None, "/tr/")],
)
def test_root_redirects_by_accept_language_with_turkish_by_default(accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = Client().get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "language_code", "heading"),
    [
        ("/tr/olmayan-sayfa/", "tr", "Sayfa bulunamadı"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_missing_page_gives_a_404_in_the_visitors_language(client, path, language_code, heading):
    response = client.get(path)
    assert response.status_code == 404
    document = parse(response)
    assert document.get("lang") == language_code
    assert [h1.text for h1 in document.iter("h1")] == [heading]


def test_admin_lives_outside_the_language_prefixes(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/tr/admin/").status_code == 404


def test_network_page_shows_its_facts_panel_and_opens_the_website_safely(client, en):
    from networks.models import NetworkPage

    page = NetworkPage.objects.get(locale=en, short_name="NALAS")
    content = client.get(page.url).content.decode()
    assert "Member since" in content and "2008" in content
    assert "Skopje, North Macedonia" in content
    assert "about 80 million" in content
    assert 'href="https://www.nalas.eu/" rel="noopener external" target="_blank"' in content


def test_network_directory_shows_a_card_for_each_seeded_network(client, tr):
    from networks.models import NetworkIndexPage

    page = NetworkIndexPage.objects.get(locale=tr)
    document = parse(client.get(page.url))
    cards = [li for li in document.iter("li") if "network-card" in (li.get("class") or "")]
    assert len(cards) == len(content.NETWORKS)


def test_switcher_on_the_search_page_keeps_the_query_in_the_other_language(client):
    document = parse(client.get("/tr/arama/?q=nalas"))
    switcher = next(nav for nav in document.iter("nav") if "language-switcher" in nav.get("class"))
    assert [a.get("href") for a in switcher.iter("a")] == ["/en/search/?q=nalas"]
    assert "not translated" not in "".join(switcher.itertext())
