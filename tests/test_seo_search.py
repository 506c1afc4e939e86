"""Site search: per-language results, Turkish casing, stemming on PostgreSQL, hostile input."""

import html5lib
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from home.models import HomePage, StandardPage
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

SEARCH_URL = {"tr": "/tr/arama/", "en": "/en/search/"}


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def result_links(response):
    document = parse(response)
    return [
        a.get("href")
        for li in document.iter("li")
        if "search-result" in (li.get("class") or "").split()
        for a in li.iter("a")
    ]


def search(client, language_code, query, **params):
    return client.get(SEARCH_URL[language_code], {"q": query, **params})


def text_of(element):
    return "".join(element.itertext())


@pytest.mark.parametrize(("language_code", "path"), SEARCH_URL.items())
def test_search_page_lives_at_a_translated_url(language_code, path):
    with translation.override(language_code):
        assert reverse("search") == path


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_results_come_only_from_the_visitors_language(client, language_code):
    response = search(client, language_code, "NALAS")
    links = result_links(response)
    nalas = NetworkPage.objects.get(acronym="NALAS", locale__language_code=language_code)
    assert links and links[0] == nalas.url
    assert all(link.startswith(f"/{language_code}/") for link in links)


@pytest.mark.parametrize("query", ["istanbul", "İSTANBUL", "İstanbul", "ISTANBUL", "İstanbul"])
@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_turkish_dotted_and_dotless_i_find_the_same_pages(client, language_code, query):
    tdbb = NetworkPage.objects.get(acronym="TDBB", locale__language_code=language_code)
    baseline = result_links(search(client, language_code, "istanbul"))
    assert tdbb.url in baseline
    assert result_links(search(client, language_code, query)) == baseline


def test_turkish_words_typed_without_turkish_letters_are_found(client):
    memberships = Page.objects.get(locale__language_code="tr", slug="uluslararasi-uyelikler")
    for query in ["uluslararası", "ULUSLARARASI", "uluslararasi"]:
        assert memberships.url in result_links(search(client, "tr", query)), query


@pytest.mark.parametrize("language_code", ["tr", "en"])
@pytest.mark.parametrize("acronym", ["AEBR", "ALDA", "GWOPA", "ICLEI", "NALAS", "TDBB"])
def test_network_pages_are_found_by_acronym_in_any_case(client, language_code, acronym):
    page = NetworkPage.objects.get(acronym=acronym, locale__language_code=language_code)
    for query in [acronym, acronym.lower()]:
        assert result_links(search(client, language_code, query))[:1] == [page.url], query


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_network_pages_are_found_by_full_name(client, language_code):
    for page in NetworkPage.objects.filter(locale__language_code=language_code):
        assert page.url in result_links(search(client, language_code, page.full_name)), (
            page.full_name
        )


def test_turkish_plural_finds_the_singular_on_postgresql_only(client, tr):
    """PostgreSQL stems Turkish with its "turkish" configuration; SQLite matches words as typed."""
    home = HomePage.objects.get(locale=tr)
    page = StandardPage(
        title="Üye listesi", slug="uye-listesi", introduction="Her belediye bir üyedir."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    on_postgresql = connection.vendor == "postgresql"
    assert page.url in result_links(search(client, "tr", "belediye"))
    assert (page.url in result_links(search(client, "tr", "belediyeler"))) is on_postgresql
    # …and the other way round: the singular finds pages that only use inflected forms.
    tdbb = NetworkPage.objects.get(acronym="TDBB", locale=tr)
    assert "belediyeler" in tdbb.full_name.lower()
    assert (tdbb.url in result_links(search(client, "tr", "BELEDİYE"))) is on_postgresql


def test_english_pages_are_stemmed_in_english_on_postgresql(client):
    memberships = Page.objects.get(locale__language_code="en", slug="international-memberships")
    # The page says "networks"; "network" only matches it when English stemming applies.
    found = memberships.url in result_links(search(client, "en", "network"))
    assert found is (connection.vendor == "postgresql")
    assert memberships.url in result_links(search(client, "en", "networks"))


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_matches_are_highlighted_and_everything_else_is_escaped(client, language_code):
    response = search(client, language_code, "nalas")
    document = parse(response)
    marks = [text_of(mark) for mark in document.iter("mark")]
    assert marks and all(mark.lower() == "nalas" for mark in marks)


def test_highlighting_cannot_inject_markup(client, tr):
    home = HomePage.objects.get(locale=tr)
    page = StandardPage(
        title="Zararsız <b>kalın</b> başlık",
        slug="zararsiz",
        introduction='Kalın <script>alert("x")</script> metin',
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    response = search(client, "tr", "kalın")
    content = response.content.decode()
    assert page.url in result_links(response)
    assert "<script>alert" not in content and "<b>" not in content
    assert "<mark>kalın</mark>" in content and "&lt;b&gt;" in content


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_no_results_gives_a_clear_message_in_the_visitors_language(client, language_code):
    response = search(client, language_code, "zzqxwv")
    assert response.status_code == 200
    document = parse(response)
    status = next(div for div in document.iter("div") if div.get("role") == "status")
    expected = {"tr": "sonuç bulunamadı", "en": "No pages found"}[language_code]
    assert expected in text_of(status)
    assert result_links(response) == []


def test_results_are_paginated_and_bad_page_numbers_fall_back(client, settings):
    settings.SEO_SEARCH_RESULTS_PER_PAGE = 100
    everything = result_links(search(client, "en", "networks"))
    assert len(everything) >= 3
    settings.SEO_SEARCH_RESULTS_PER_PAGE = 2
    pages = [result_links(search(client, "en", "networks", page=n)) for n in range(1, 4)]
    expected_pages = [everything[i : i + 2] for i in range(0, len(everything), 2)]
    assert pages[: len(expected_pages)] == expected_pages[:3]
    document = parse(search(client, "en", "networks", page=2))
    nav = next(n for n in document.iter("nav") if n.get("class") == "pagination")
    assert f"Page 2 of {len(expected_pages)}" in text_of(nav)
    for bad in ["0", "-1", "abc", "999999999999999999999", "1.5", "", "\x00"]:
        response = search(client, "en", "networks", page=bad)
        assert response.status_code == 200, bad
        assert result_links(response) in (expected_pages[0], expected_pages[-1]), bad


HOSTILE_QUERIES = [
    "x" * 10_000,
    "nalas " * 3_000,
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    '"unbalanced',
    "a & b | !c <-> d:*",
    "NEAR(a b) AND NOT OR * ^ { } [ ] ( )",
    "<script>alert(1)</script>",
    "\x00\x01\x02\x1b[31m\x7f",
    "nal\x00as",
    "\u202e\u200b\ufeff",
    "😀" * 500,
    "%00%27",
    "   ",
]


@pytest.mark.parametrize("language_code", ["tr", "en"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_or_huge_queries_are_answered_safely(client, language_code, query):
    response = search(client, language_code, query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    document = parse(response)
    field = next(i for i in document.iter("input") if i.get("id") == "search-page-q")
    assert len(field.get("value") or "") <= 200


def test_a_query_with_only_symbols_asks_for_a_word(client):
    response = search(client, "en", "<>&!?")
    assert "Please type a word" in response.content.decode()


def test_search_results_are_not_indexed(client):
    response = search(client, "tr", "nalas")
    document = parse(response)
    robots = [m.get("content") for m in document.iter("meta") if m.get("name") == "robots"]
    assert robots == ["noindex"]
    assert response["X-Robots-Tag"] == "noindex"


def test_every_page_carries_a_search_box_pointing_at_its_language(client, tr, en):
    for locale, path in ((tr, "/tr/arama/"), (en, "/en/search/")):
        home = HomePage.objects.get(locale=locale)
        document = parse(client.get(home.url))
        forms = [f for f in document.iter("form") if f.get("role") == "search"]
        assert [f.get("action") for f in forms] == [path]


def test_every_live_page_can_be_found_by_its_title_in_its_own_language(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        language_code = page.locale.language_code
        links = result_links(search(client, language_code, page.title))
        assert page.url in links, (language_code, page.title)


def test_images_and_their_tags_are_indexed_with_the_same_folding():
    """The admin's image library goes through the same backend, related fields included."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PILImage.new("RGB", (20, 20)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="İSTANBUL limanı", file=ImageFile(buffer, name="liman.png")
    )
    image.tags.add("Kıyı")
    image.save()  # re-indexed by the signal handler, now with its tag
    images = get_image_model().objects
    assert list(images.search("istanbul")) == [image]
    assert list(images.search("kiyi")) == [image]
