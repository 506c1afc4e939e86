"""/sitemap.xml with language alternates, and /robots.txt."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.conf import settings
from wagtail.models import Page

from home.models import WorkAreaPage
from home.seed import content

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        entries[location] = {"lastmod": url.findtext("sm:lastmod", namespaces=NS), **alternates}
    return entries


def live_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).select_related("locale"))


def test_sitemap_lists_every_live_page_of_both_languages_once(client):
    entries = sitemap_urls(client)
    pages = live_pages()
    # Every seeded page in Turkish and in English.
    assert len(entries) == len(pages) == 2 * len(content.PAGES) > 0
    assert set(entries) == {page.get_full_url() for page in pages}
    for language_code, _name in settings.LANGUAGES:
        in_language = [p for p in pages if p.locale.language_code == language_code]
        assert len(in_language) == len(pages) // 2


def test_each_url_lists_all_its_translations_itself_and_x_default(client):
    entries = sitemap_urls(client)
    for page in live_pages():
        entry = entries[page.get_full_url()]
        translations = {
            t.locale.language_code: t.get_full_url()
            for t in page.get_translations(inclusive=True).live()
        }
        assert {k: v for k, v in entry.items() if k not in ("lastmod", "x-default")} == translations
        assert entry[page.locale.language_code] == page.get_full_url()
        assert entry["x-default"] == translations["tr"]


def test_each_url_has_a_w3c_lastmod_matching_the_last_publication(client):
    entries = sitemap_urls(client)
    for page in live_pages():
        lastmod = datetime.fromisoformat(entries[page.get_full_url()]["lastmod"])
        assert lastmod == page.last_published_at


def test_unpublished_translation_leaves_the_sitemap_and_its_counterparts_alternates(client, tr, en):
    english = WorkAreaPage.objects.get(locale=en)
    turkish_url = english.get_translation(tr).get_full_url()
    english_url = english.get_full_url()
    english.unpublish()
    entries = sitemap_urls(client)
    assert english_url not in entries
    assert "en" not in entries[turkish_url]
    assert entries[turkish_url]["tr"] == entries[turkish_url]["x-default"] == turkish_url


def test_robots_txt_allows_the_site_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/tr/arama/", "/en/search/"}
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == ["http://localhost/sitemap.xml"]  # the Site's address
    assert client.get(sitemaps[0].removeprefix("http://localhost")).status_code == 200


def test_sitemap_and_robots_live_outside_the_language_prefixes(client):
    assert client.get("/tr/sitemap.xml").status_code == 404
    assert client.get("/en/robots.txt").status_code == 404
