"""Page structure, responsive images and size budgets of the public pages."""

import gzip
import io
import re

import html5lib
import pytest
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from networks.models import NetworkPage
from tests.browser.site_pages import LANGUAGES, create_standard_pages, page_urls

pytestmark = pytest.mark.django_db

KB = 1024


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def all_pages(client):
    create_standard_pages()
    for language in LANGUAGES:
        for name, url in page_urls(language).items():
            response = client.get(url)
            assert response.status_code == 200, url
            yield language, name, response


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("tr", ["Yerel Diplomasi", "Uluslararası Üyelikler"]),
        ("en", ["Local Diplomacy", "International Memberships"]),
    ],
)
def test_home_page_lists_both_work_areas(client, language, titles):
    document = parse(client.get(f"/{language}/"))
    cards = [
        "".join(h3.itertext()) for h3 in document.iter("h3") if "card__title" in h3.get("class", "")
    ]
    assert cards == titles


def test_every_page_has_a_skip_link_landmarks_one_h1_and_no_skipped_heading_level(client):
    for language, name, response in all_pages(client):
        document = parse(response)
        body = document.find("body")
        first_link = next(body.iter("a"))
        assert first_link.get("class") == "skip-link" and first_link.get("href") == "#main"
        assert [m.get("id") for m in body.iter("main")] == ["main"]
        assert len(list(body.iter("header"))) >= 1 and len(list(body.iter("footer"))) == 1
        levels = [int(el.tag[1]) for el in body.iter() if re.fullmatch(r"h[1-6]", str(el.tag))]
        assert levels.count(1) == 1 and levels[0] == 1, (language, name)
        skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert skipped == [], (language, name)


def test_pages_load_nothing_from_other_sites_and_block_rendering_with_nothing_but_css(client):
    for _language, name, response in all_pages(client):
        document = parse(response)
        for script in document.iter("script"):
            if script.get("src"):
                assert script.get("src").startswith("/static/"), name
                assert script.get("defer") is not None, name
        for link in document.iter("link"):
            if link.get("rel") == "stylesheet":
                assert link.get("href").startswith("/static/"), name


def test_html_stays_under_15_kb_compressed(client):
    for language, name, response in all_pages(client):
        assert len(gzip.compress(response.content)) < 15 * KB, (language, name)


def test_css_stays_under_30_kb_and_javascript_under_10_kb_compressed():
    css = open(finders.find("css/site.css"), "rb").read()
    js = open(finders.find("js/site.js"), "rb").read()
    assert len(gzip.compress(css)) < 30 * KB
    assert len(gzip.compress(js)) < 10 * KB


def make_logo():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (600, 300), (11, 79, 108)).save(buffer, "PNG")
    return get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))


def test_network_logo_is_a_modern_format_picture_with_its_size_set(client, settings):
    # Wagtail's own search backend: this test is about the picture, not about search indexing.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    network = NetworkPage.objects.get(locale__language_code="en", short_name="NALAS")
    network.logo = make_logo()
    network.save_revision().publish()
    document = parse(client.get(network.url))
    picture = next(document.iter("picture"))
    assert [s.get("type") for s in picture.iter("source")] == ["image/avif", "image/webp"]
    img = next(picture.iter("img"))
    assert (img.get("width"), img.get("height")) == ("240", "120")
    assert img.get("alt") == ""  # the network's name is right beside it


def test_network_page_shows_its_key_figures_first(client):
    network = NetworkPage.objects.get(locale__language_code="en", short_name="NALAS")
    document = parse(client.get(network.url))
    stats = next(s for s in document.iter("section") if "stat-row" in s.get("class", ""))
    figures = {
        "".join(div.find("dt").itertext()): "".join(div.find("dd").itertext())
        for div in stats.iter("div")
    }
    assert figures == {
        "Member since": "2008",
        "Members": "14",
        "Countries": "12",
        "Population represented": "about 80 million",
    }


def test_call_to_action_links_to_the_chosen_page_in_the_page_language(client):
    pages = create_standard_pages()
    for language, contact_url in (("tr", "/tr/iletisim/"), ("en", "/en/contact/")):
        document = parse(client.get(pages[language].url))
        cta = next(a for a in document.iter("a") if a.get("class") == "button")
        assert cta.get("href") == contact_url


@pytest.mark.parametrize(("language", "marked"), [("tr", True), ("en", False)])
def test_a_short_name_in_another_language_carries_its_lang(client, language, marked):
    """WCAG 3.1.2: "Energy Cities" is English, also on the Turkish pages that show it."""
    network = NetworkPage.objects.get(locale__language_code=language, short_name="Energy Cities")
    assert network.short_name_language == "en"
    urls = page_urls(language)
    for url in (urls["home"], urls["network_index"], network.url):
        content = client.get(url).content.decode()
        assert ('<span lang="en">Energy Cities</span>' in content) is marked, url
        assert "Energy Cities" in content
    # Abbreviations are left alone.
    assert 'lang="en">NALAS' not in client.get(urls["network_index"]).content.decode()
