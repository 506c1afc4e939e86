"""Site search: per-language results, Turkish casing, stemming on PostgreSQL, hostile input."""

import html5lib
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from forms_app.models import ContactFormPage
from home.models import HomePage
from networks.models import NetworkIndexPage, NetworkPage
from tests.factories import StandardPageFactory

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
    nalas = NetworkPage.objects.get(short_name="NALAS", locale__language_code=language_code)
    assert links and links[0] == nalas.url
    assert all(link.startswith(f"/{language_code}/") for link in links)


@pytest.mark.parametrize("query", ["istanbul", "İSTANBUL", "İstanbul", "ISTANBUL", "İstanbul"])
@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_turkish_dotted_and_dotless_i_find_the_same_pages(client, language_code, query):
    tdbb = NetworkPage.objects.get(short_name="TDBB", locale__language_code=language_code)
    baseline = result_links(search(client, language_code, "istanbul"))
    assert tdbb.url in baseline
    assert result_links(search(client, language_code, query)) == baseline


def test_turkish_words_typed_without_turkish_letters_are_found(client):
    memberships = Page.objects.get(locale__language_code="tr", slug="uluslararasi-uyelikler")
    for query in ["uluslararası", "ULUSLARARASI", "uluslararasi"]:
        assert memberships.url in result_links(search(client, "tr", query)), query


@pytest.mark.parametrize("language_code", ["tr", "en"])
@pytest.mark.parametrize("short_name", ["AEBR", "ALDA", "GWOPA", "ICLEI", "NALAS", "TDBB"])
def test_network_pages_are_found_by_acronym_in_any_case(client, language_code, short_name):
    page = NetworkPage.objects.get(short_name=short_name, locale__language_code=language_code)
    for query in [short_name, short_name.lower()]:
        assert result_links(search(client, language_code, query))[:1] == [page.url], query


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_network_pages_are_found_by_full_name(client, language_code):
    for page in NetworkPage.objects.filter(locale__language_code=language_code):
        assert page.url in result_links(search(client, language_code, page.full_name)), (
            page.full_name
        )


# Each pair: a query and a page text that holds only the other form of the word.
INFLECTED_FORMS = {
    "tr": [
        ("belediye", "Kıyıdaki belediyeler toplandı."),
        ("belediye", "Belediyelerin ortak sesi."),
        ("BELEDİYE", "Belediyelerin ortak sesi."),
        ("belediyeler", "Her belediye bir üyedir."),
        ("belediyelerin", "Her belediye bir üyedir."),
        ("diplomasi", "Kentlerin diplomasinin öncüsü olması."),
        ("diplomasinin", "Yerel diplomasi kentleri buluşturur."),
    ],
    "en": [
        ("municipality", "Coastal municipalities met."),
        ("municipalities", "Each municipality is a member."),
        ("network", "Eight networks and their members."),
        ("networks", "One network of cities."),
    ],
}


@pytest.mark.parametrize(
    ("language_code", "query", "text"),
    [(code, query, text) for code, pairs in INFLECTED_FORMS.items() for query, text in pairs],
)
def test_a_word_finds_pages_that_only_use_its_other_forms_on_every_database(
    client, language_code, query, text
):
    page = StandardPageFactory(
        language=language_code, title="Qwzx deneme", introduction=text, publish=True
    )
    links = result_links(search(client, language_code, query))
    assert page.url in links, (connection.vendor, query, text)


def test_the_seeds_turkish_plurals_are_found_by_the_singular(client, tr):
    tdbb = NetworkPage.objects.get(short_name="TDBB", locale=tr)
    assert "belediyeler" in tdbb.full_name.lower()
    assert tdbb.url in result_links(search(client, "tr", "belediye"))


def test_english_pages_are_stemmed_in_english(client):
    memberships = Page.objects.get(locale__language_code="en", slug="international-memberships")
    # The page says "networks"; "network" matches it through the English stem.
    assert memberships.url in result_links(search(client, "en", "network"))
    assert memberships.url in result_links(search(client, "en", "networks"))


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_inflected_matches_are_highlighted_too(client, language_code):
    query, text = INFLECTED_FORMS[language_code][0]
    StandardPageFactory(
        language=language_code, title="Qwzx deneme", introduction=text, publish=True
    )
    marks = [text_of(mark) for mark in parse(search(client, language_code, query)).iter("mark")]
    assert any(mark.lower().startswith(query.lower()[:5]) for mark in marks), marks


@pytest.mark.parametrize(
    ("language_code", "labels"),
    [("tr", ["Bölüm (h2)", "Alt bölüm (h3)"]), ("en", ["Section (h2)", "Sub-section (h3)"])],
)
def test_block_choice_labels_never_reach_the_index_or_an_excerpt(client, language_code, labels):
    with_headings = [
        page
        for page in Page.objects.live().filter(locale__language_code=language_code).specific()
        if any(block.block_type == "heading" for block in getattr(page, "body", None) or [])
    ]
    assert with_headings, "the seed has pages with headings"
    for page in with_headings:
        indexed = " ".join(page.body.stream_block.get_searchable_content(page.body))
        assert not any(label in indexed for label in labels), page.url
    # "Bölüm"/"Section" may be real words on a page; "h2" and "h3" are not.
    for label in ["h2", "h3", "Alt bölüm" if language_code == "tr" else "Sub-section"]:
        assert result_links(search(client, language_code, label)) == [], label
    for query in ["nalas", "belediye" if language_code == "tr" else "network"]:
        snippets = "".join(
            text_of(p)
            for p in parse(search(client, language_code, query)).iter("p")
            if p.get("class") == "search-result__snippet"
        )
        assert snippets
        assert "(h2)" not in snippets and "(h3)" not in snippets


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_a_title_match_ranks_above_a_body_only_match(client, language_code):
    word = "zümrütova"
    body_only = StandardPageFactory(
        language=language_code, title="Qwzx birinci", introduction=f"{word} " * 30, publish=True
    )
    in_title = StandardPageFactory(
        language=language_code,
        title=f"Qwzx {word.capitalize()}",
        introduction="Kısa.",
        publish=True,
    )
    assert result_links(search(client, language_code, word)) == [in_title.url, body_only.url]


def trail_of(response, url):
    document = parse(response)
    for li in document.iter("li"):
        if "search-result" in (li.get("class") or "").split():
            if any(a.get("href") == url for a in li.iter("a")):
                trail = [p for p in li.iter("p") if p.get("class") == "search-result__trail"]
                return " ".join(text_of(trail[0]).split()) if trail else None
    raise AssertionError(f"{url} is not among the results")


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("tr", "Ana Sayfa › Çalışma Alanlarımız › Uluslararası Üyelikler"),
        ("en", "Home › Our Work Areas › International Memberships"),
    ],
)
def test_a_result_shows_its_breadcrumb_trail_not_its_path(client, language_code, expected):
    nalas = NetworkPage.objects.get(short_name="NALAS", locale__language_code=language_code)
    response = search(client, language_code, "NALAS")
    trail = trail_of(response, nalas.url)
    assert trail is not None and expected in trail.replace(" , ", " ").replace(",", "")
    assert f">{nalas.url}<" not in response.content.decode()


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_matches_are_highlighted_and_everything_else_is_escaped(client, language_code):
    response = search(client, language_code, "nalas")
    document = parse(response)
    marks = [text_of(mark) for mark in document.iter("mark")]
    assert marks and all(mark.lower() == "nalas" for mark in marks)


def test_highlighting_cannot_inject_markup(client, tr):
    page = StandardPageFactory(
        title="Zararsız <b>kalın</b> başlık",
        introduction='Kalın <script>alert("x")</script> metin',
        publish=True,
    )
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


@pytest.mark.parametrize(
    ("language_code", "advice"),
    [("tr", "daha az ya da farklı sözcükler"), ("en", "try fewer or different words")],
)
def test_no_results_shows_the_query_advice_and_links_to_the_directory_and_contact(
    client, language_code, advice
):
    response = search(client, language_code, "zzqxwv")
    status = next(div for div in parse(response).iter("div") if div.get("role") == "status")
    text = " ".join(text_of(status).split())
    assert "zzqxwv" in text and advice in text
    links = {a.get("href") for a in status.iter("a")}
    directory = NetworkIndexPage.objects.get(locale__language_code=language_code)
    contact = ContactFormPage.objects.get(locale__language_code=language_code)
    assert {directory.url, contact.url} <= links


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


def test_the_admins_searches_are_stemmed_in_every_language():
    """Plain-string searches (the admin's) use every language's rules at once."""
    found = set(Page.objects.search("belediye"))
    assert NetworkPage.objects.get(short_name="TDBB", locale__language_code="tr").page_ptr in found
    found = set(Page.objects.search("municipality"))
    assert any(page.locale.language_code == "en" for page in found)
