"""The membership directory in pages: links that work without JavaScript and keep the sort and
year, rel="prev"/"next", the page number in the title and the status line, canonical and
hreflang addresses, the sitemap, refused page numbers, and both languages.

Most tests shrink the page to 3 cards (NETWORK_DIRECTORY_PAGE_SIZE) so that the 8 seeded
networks fill three pages: 2023 (AEBR, Energy Cities, GWOPA, ICLEI), 2017 ALDA, 2014
UCLG-MEWA, 2010 TDBB, 2008 NALAS.
"""

import re

import html5lib
import pytest
from django.test import Client

from networks.collation import english_sort_key, turkish_sort_key
from networks.listing import PAGE_SIZE
from networks.models import NetworkIndexPage, NetworkPage
from tests.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db

NEWEST_FIRST = ["AEBR", "Energy Cities", "GWOPA", "ICLEI", "ALDA", "UCLG-MEWA", "TDBB", "NALAS"]


@pytest.fixture
def three_per_page(settings):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 3


def directory_url(language):
    return NetworkIndexPage.objects.get(locale__language_code=language).url


def full_directory_url(language):
    return NetworkIndexPage.objects.get(locale__language_code=language).full_url


def get(client, language, query=""):
    response = client.get(directory_url(language) + query)
    assert response.status_code == 200, (language, query, response.status_code)
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def classes(element):
    return (element.get("class") or "").split()


def text(element):
    return " ".join("".join(element.itertext()).split())


def card_short_names(document):
    names = []
    for li in document.iter("li"):
        if "network-card" in classes(li):
            acronym = [p for p in li.iter("p") if "network-card__acronym" in classes(p)]
            names.append(text(acronym[0]) if acronym else text(next(li.iter("h2"))))
    return names


def card_titles(document):
    return [
        text(next(li.iter("h2"))) for li in document.iter("li") if "network-card" in classes(li)
    ]


def page_nav(document):
    navs = [nav for nav in document.iter("nav") if "page-nav" in classes(nav)]
    return navs[0] if navs else None


def nav_links(document):
    """{link text: href} of the pagination."""
    return {text(a): a.get("href") for a in page_nav(document).iter("a")}


def head_links(document, rel):
    return [link.get("href") for link in document.iter("link") if link.get("rel") == rel]


def hreflangs(document):
    return {
        link.get("hreflang"): link.get("href")
        for link in document.iter("link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }


def title(document):
    return text(next(document.iter("title")))


def status_line(document):
    return text(next(p for p in document.iter("p") if "result-count" in classes(p)))


def add_networks(count, joined_year=2020, translated=True):
    """`count` published Turkish networks and, if `translated`, their English translations
    (the same translation key, each page in its language's directory)."""
    for number in range(count):
        turkish = NetworkPageFactory(
            title=f"Deneme Ağı {joined_year} {number:03d}",
            short_name=f"DA{joined_year}{number:03d}",
            joined_year=joined_year,
        )
        if translated:
            NetworkPageFactory(
                language="en",
                title=f"Test Network {joined_year} {number:03d}",
                short_name=turkish.short_name,
                joined_year=joined_year,
                translation_key=turkish.translation_key,
                introduction="A test network.",
            )


# Pages and their links ----------------------------------------------------------------------


@pytest.mark.usefixtures("three_per_page")
def test_the_pages_together_list_every_network_once_in_order(client):
    pages = [card_short_names(get(client, "en", q)) for q in ("", "?page=2", "?page=3")]
    assert pages == [NEWEST_FIRST[:3], NEWEST_FIRST[3:6], NEWEST_FIRST[6:]]


def test_a_page_shows_at_most_24_cards_and_links_to_the_rest(client):
    add_networks(41)  # 49 networks: pages of 24, 24 and 1
    assert PAGE_SIZE == 24
    first = get(client, "en")
    assert len(card_titles(first)) == 24
    second = get(client, "en", "?page=2")
    assert len(card_titles(second)) == 24
    third = get(client, "en", "?page=3")
    assert len(card_titles(third)) == 1
    assert nav_links(first)["Next page →"] == directory_url("en") + "?page=2"
    assert set(card_titles(first)).isdisjoint(card_titles(second))


def test_a_directory_that_fits_on_one_page_has_no_pagination(client):
    document = get(client, "en")
    assert page_nav(document) is None
    assert head_links(document, "next") == head_links(document, "prev") == []
    assert status_line(document) == "8 networks"


@pytest.mark.usefixtures("three_per_page")
def test_pagination_links_keep_the_sort_and_the_year(client):
    url = directory_url("en")
    document = get(client, "en", "?sort=name&page=2")
    links = nav_links(document)
    assert links["← Previous page"] == url + "?sort=name"
    assert links["Next page →"] == url + "?sort=name&page=3"
    assert links["Page 3"] == url + "?sort=name&page=3"
    assert links["Page 1"] == url + "?sort=name"
    filtered = get(client, "en", "?joined=2023&sort=joined")
    assert nav_links(filtered)["Next page →"] == url + "?sort=joined&joined=2023&page=2"
    assert card_short_names(get(client, "en", "?joined=2023&sort=joined&page=2")) == ["ICLEI"]


@pytest.mark.usefixtures("three_per_page")
def test_the_filter_form_starts_again_from_the_first_page(client):
    # The form sends sort and year only: a new choice shows its first page.
    document = get(client, "en", "?page=2")
    form = next(f for f in document.iter("form") if "directory-controls" in classes(f))
    names = {field.get("name") for field in form.iter() if field.get("name")}
    assert names == {"sort", "joined"}


@pytest.mark.usefixtures("three_per_page")
def test_a_to_z_runs_across_pages_in_each_languages_alphabet(client):
    NetworkPageFactory(title="Çevre Kentleri Ağı", short_name="ÇKA", joined_year=2024)
    NetworkPageFactory(title="Irmak Kentleri Ağı", short_name="IKA", joined_year=2024)
    NetworkPageFactory(title="İklim Kentleri Ağı", short_name="İKA", joined_year=2024)
    for language, key in (("tr", turkish_sort_key), ("en", english_sort_key)):
        titles = []
        count = NetworkPage.objects.live().filter(locale__language_code=language).count()
        for page in range(1, -(-count // 3) + 1):
            titles += card_titles(get(client, language, f"?sort=name&page={page}"))
        assert len(titles) == count
        assert titles == sorted(titles, key=key)


def test_the_name_sort_key_follows_the_name_and_the_pages_language(tr):
    network = NetworkPageFactory(title="Çevre Ağı", short_name="ÇA")
    before = network.name_sort_key
    network.full_name = "Deniz Ağı"
    network.save(update_fields=["full_name"])
    network.refresh_from_db()
    assert network.name_sort_key > before  # Ç before D in the Turkish alphabet
    english = NetworkPageFactory(language="en", title="Çevre Ağı", short_name="ÇA2")
    assert english.name_sort_key != before  # English sorts Ç with C


@pytest.mark.usefixtures("three_per_page")
def test_pagination_is_an_accessible_navigation_in_both_languages(client):
    for language, label, current, previous, following in (
        ("en", "Pages of the list", "Page 2", "← Previous page", "Next page →"),
        ("tr", "Listenin sayfaları", "Sayfa 2", "← Önceki sayfa", "Sonraki sayfa →"),
    ):
        document = get(client, language, "?page=2")
        nav = page_nav(document)
        assert nav.get("aria-label") == label
        current_links = [a for a in nav.iter("a") if a.get("aria-current") == "page"]
        assert [text(a) for a in current_links] == [current]
        links = nav_links(document)
        assert links[previous].endswith("/") and links[following].endswith("?page=3")
        steps = {a.get("rel"): text(a) for a in nav.iter("a") if a.get("rel")}
        assert steps == {"prev": previous, "next": following}


def test_long_directories_link_the_first_last_and_nearby_pages(client, settings):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 1  # 8 pages

    def numbers(query):
        nav = page_nav(get(client, "en", query))
        return [
            text(li) if li.text == "…" else text(li).removeprefix("Page ") for li in nav.iter("li")
        ]

    assert numbers("") == ["1", "2", "3", "…", "8", "Next page →"]
    assert numbers("?page=8") == ["← Previous page", "1", "…", "6", "7", "8"]
    # A gap of a single page is that page's link instead.
    assert numbers("?page=5") == [
        "← Previous page",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "Next page →",
    ]


# What the page says -------------------------------------------------------------------------


@pytest.mark.usefixtures("three_per_page")
@pytest.mark.parametrize(
    ("language", "query", "expected_title", "status"),
    [
        ("en", "", "International Memberships | ", "Showing 1–3 of 8 networks (page 1 of 3)"),
        (
            "en",
            "?page=2",
            "International Memberships – Page 2 | ",
            "Showing 4–6 of 8 networks (page 2 of 3)",
        ),
        (
            "tr",
            "?page=3",
            "Uluslararası Üyelikler – Sayfa 3 | ",
            "8 ağdan 7–8 arası gösteriliyor (sayfa 3/3)",
        ),
        (
            "en",
            "?joined=2023&page=2",
            "International Memberships – Page 2 | ",
            "Showing 4–4 of the 4 networks that joined in 2023 (page 2 of 2)",
        ),
        (
            "tr",
            "?joined=2023&page=2",
            "Uluslararası Üyelikler – Sayfa 2 | ",
            "2023 yılında katıldığımız 4 ağdan 4–4 arası gösteriliyor (sayfa 2/2)",
        ),
    ],
)
def test_title_and_status_line_give_the_page_number_in_the_pages_language(
    client, language, query, expected_title, status
):
    document = get(client, language, query)
    assert title(document).startswith(expected_title)
    assert status_line(document) == status


@pytest.mark.usefixtures("three_per_page")
def test_no_turkish_on_english_pages_and_no_english_on_turkish_ones(client):
    english = Client().get(directory_url("en") + "?page=2").content.decode()
    turkish = Client().get(directory_url("tr") + "?page=2").content.decode()
    for word in ("Sayfa", "sayfa", "Önceki", "Sonraki", "gösteriliyor", "ağdan"):
        assert word not in english, word
    for word in ("Page 2", "Previous page", "Next page", "Showing", "Pages of the list"):
        assert word not in turkish, word


# Addresses for search engines ---------------------------------------------------------------


@pytest.mark.usefixtures("three_per_page")
def test_head_links_the_previous_and_next_pages(client):
    full = full_directory_url("en")
    first = get(client, "en")
    assert head_links(first, "prev") == []
    assert head_links(first, "next") == [full + "?page=2"]
    second = get(client, "en", "?page=2")
    assert head_links(second, "prev") == [full]
    assert head_links(second, "next") == [full + "?page=3"]
    last = get(client, "en", "?page=3")
    assert head_links(last, "prev") == [full + "?page=2"]
    assert head_links(last, "next") == []
    # A sorted view's neighbours keep its order.
    sorted_view = get(client, "en", "?sort=name&page=2")
    assert head_links(sorted_view, "next") == [full + "?sort=name&page=3"]


@pytest.mark.usefixtures("three_per_page")
def test_a_plain_page_is_its_own_canonical_and_sorted_or_filtered_views_name_the_directory(
    client,
):
    full = full_directory_url("tr")
    assert head_links(get(client, "tr"), "canonical") == [full]
    assert head_links(get(client, "tr", "?page=2"), "canonical") == [full + "?page=2"]
    assert head_links(get(client, "tr", "?sort=name&page=2"), "canonical") == [full]
    assert head_links(get(client, "tr", "?joined=2023&page=2"), "canonical") == [full]
    # A sort the directory ignores shows the plain page: its canonical is that page.
    assert head_links(get(client, "tr", "?sort=bogus&page=3"), "canonical") == [full + "?page=3"]


@pytest.mark.usefixtures("three_per_page")
def test_hreflang_of_page_n_names_page_n_in_each_language(client):
    tr_full, en_full = full_directory_url("tr"), full_directory_url("en")
    assert hreflangs(get(client, "en", "?page=2")) == {
        "tr": tr_full + "?page=2",
        "en": en_full + "?page=2",
        "x-default": tr_full + "?page=2",
    }
    # Filtered views and the first page name the directories themselves, as every page does.
    expected = {"tr": tr_full, "en": en_full, "x-default": tr_full}
    assert hreflangs(get(client, "en")) == expected
    assert hreflangs(get(client, "tr", "?sort=name&page=2")) == expected


@pytest.mark.usefixtures("three_per_page")
def test_a_page_the_other_language_does_not_have_gets_no_alternate_there(client):
    add_networks(3, joined_year=2000, translated=False)  # Turkish: 11 networks, four pages
    hreflang = hreflangs(get(client, "tr", "?page=4"))
    page_4 = full_directory_url("tr") + "?page=4"
    assert hreflang == {"tr": page_4, "x-default": page_4}
    # The language switcher still leads there: to the last page English has.
    response = Client().get(directory_url("en") + "?page=4")
    assert response.status_code == 302
    assert response["Location"] == directory_url("en") + "?page=3"


@pytest.mark.usefixtures("three_per_page")
def test_the_language_switcher_keeps_the_page(client):
    document = get(client, "tr", "?sort=name&page=2")
    nav = next(n for n in document.iter("nav") if "language-switcher" in classes(n))
    links = {a.get("hreflang"): a.get("href") for a in nav.iter("a")}
    assert links["en"] == directory_url("en") + "?sort=name&page=2"


@pytest.mark.usefixtures("three_per_page")
def test_the_sitemap_lists_the_directory_once_without_pages_or_filters(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for language in ("tr", "en"):
        assert locations.count(full_directory_url(language)) == 1
    assert not [location for location in locations if "?" in location]


@pytest.mark.usefixtures("three_per_page")
def test_a_cdn_purge_of_the_directory_covers_its_pages():
    directory = NetworkIndexPage.objects.get(locale__language_code="tr")
    # Three pages now, and one more in case the directory just shrank.
    assert directory.get_cached_paths() == ["/", "/?page=2", "/?page=3", "/?page=4"]


# Page numbers the directory does not have -----------------------------------------------------


@pytest.mark.parametrize("number", ["abc", "0", "-1", "00", "2.5", "²", "1e3"])
@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Page not found"), ("tr", "Sayfa bulunamadı")]
)
def test_a_page_number_that_is_no_number_is_the_sites_404_page_in_the_visitors_language(
    client, number, language, heading
):
    response = client.get(directory_url(language), {"page": number})
    assert response.status_code == 404
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    assert text(next(document.iter("h1"))) == heading
    assert next(document.iter("html")).get("lang") == language
    robots = [m.get("content") for m in document.iter("meta") if m.get("name") == "robots"]
    assert robots == ["noindex"]
    # It offers the directory itself.
    suggestions = [a.get("href") for a in document.iter("a") if a.get("hreflang") == language]
    assert directory_url(language) in suggestions


@pytest.mark.usefixtures("three_per_page")
@pytest.mark.parametrize(
    ("query", "last"),
    [
        ("?page=4", "?page=3"),
        ("?page=99999999999999999999999999", "?page=3"),
        ("?sort=name&page=9", "?sort=name&page=3"),
        ("?joined=2023&page=3", "?joined=2023&page=2"),
        ("?joined=2017&page=2", "?joined=2017"),
    ],
)
def test_a_page_past_the_last_leads_to_the_last_page_with_the_same_view(client, query, last):
    response = client.get(directory_url("en") + query)
    assert response.status_code == 302
    assert response["Location"] == directory_url("en") + last


def test_an_empty_page_parameter_is_the_first_page(client):
    assert card_short_names(get(client, "en", "?page=")) == NEWEST_FIRST


# Fragments ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("three_per_page")
def test_cached_fragments_are_kept_apart_per_page(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600
    for _round in range(2):  # the second round comes from the fragments
        for number, expected in ((1, NEWEST_FIRST[:3]), (2, NEWEST_FIRST[3:6])):
            query = f"?page={number}" if number > 1 else ""
            document = get(Client(), "en", query)
            assert card_short_names(document) == expected
            canonical = full_directory_url("en") + query
            assert head_links(document, "canonical") == [canonical]
            assert title(document).startswith(
                "International Memberships – Page 2"
                if number == 2
                else "International Memberships |"
            )


# Timeline ------------------------------------------------------------------------------------


def timeline(document):
    """{year: names listed, or the (accessible name, text, address) of the link to that
    year}."""
    ol = [ol for ol in document.iter("ol") if "timeline" in classes(ol)]
    if not ol:
        return None
    entries = {}
    for entry in ol[0].iter("li"):
        if "timeline__entry" in classes(entry):
            year = text(next(entry.iter("time")))
            counts = [p for p in entry.iter("p") if "timeline__count" in classes(p)]
            if counts:
                link = next(counts[0].iter("a"))
                entries[year] = (link.get("aria-label"), text(link), link.get("href"))
            else:
                entries[year] = [text(a) for a in entry.iter("a")]
    return entries


def test_a_busy_year_in_the_timeline_shows_its_count_and_links_to_that_year(client):
    add_networks(13, joined_year=2000)
    add_networks(12, joined_year=1999)  # twelve in a year are still named
    english = timeline(get(client, "en"))
    assert english["2000"] == (
        "13 networks joined in 2000",
        "13 networks",
        directory_url("en") + "?joined=2000",
    )
    assert len(english["1999"]) == 12
    assert english["2023"] == ["AEBR", "Energy Cities", "GWOPA", "ICLEI"]
    turkish = timeline(get(client, "tr"))
    assert turkish["2000"] == (
        "2000 yılında katıldığımız 13 ağ",
        "13 ağ",
        directory_url("tr") + "?joined=2000",
    )


def test_the_timeline_names_a_bounded_number_of_networks_oldest_years_first(client, monkeypatch):
    monkeypatch.setattr("networks.listing.TIMELINE_NAMES", 5)
    entries = timeline(get(client, "en"))
    assert entries["2008"] == ["NALAS"]
    assert entries["2017"] == ["ALDA"]
    assert entries["2023"] == (
        "4 networks joined in 2023",
        "4 networks",
        directory_url("en") + "?joined=2023",
    )


@pytest.mark.usefixtures("three_per_page")
def test_the_timeline_is_on_the_first_page_of_a_view_only(client):
    assert timeline(get(client, "en")) is not None
    assert timeline(get(client, "en", "?sort=name")) is not None
    assert timeline(get(client, "en", "?page=2")) is None
