"""Old MBB addresses redirect permanently; 404 and 500 pages in both languages.

The old section addresses come with the seed; the /IcerikDetay.aspx examples are loaded by
the `example_redirects` fixture, as `manage.py load_example_redirects` would."""

import io

import html5lib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from home.seed import content
from home.seed.loader import SeedLoader, seeded_pages
from home.seed.redirects import EXAMPLE_LEGACY_ADDRESSES, EXAMPLE_LEGACY_IDS, ensure_redirects

pytestmark = pytest.mark.django_db

# old address → (language, slug of the page it must land on)
EXPECTED = {
    "/tr/yerel-diplomasi": ("tr", "yerel-diplomasi"),
    "/tr/yerel-diplomasi/": ("tr", "yerel-diplomasi"),
    "/en/local-diplomacy": ("en", "local-diplomacy"),
    "/en/local-diplomacy/": ("en", "local-diplomacy"),
    "/tr/uluslararasi-is-birlikleri": ("tr", "uluslararasi-uyelikler"),
    "/tr/uluslararasi-is-birlikleri/": ("tr", "uluslararasi-uyelikler"),
    "/en/international-cooperation": ("en", "international-memberships"),
    "/en/international-cooperation/": ("en", "international-memberships"),
    "/IcerikDetay.aspx?ID=101": ("tr", "calisma-alanlarimiz"),
    "/IcerikDetay.aspx?ID=102": ("tr", "yerel-diplomasi"),
    "/IcerikDetay.aspx?ID=103": ("tr", "uluslararasi-uyelikler"),
    "/IcerikDetay.aspx?ID=104": ("tr", "iletisim"),
}


OLD_URLS = content.OLD_ADDRESSES + EXAMPLE_LEGACY_ADDRESSES


@pytest.fixture
def example_redirects():
    call_command("load_example_redirects", stdout=io.StringIO())


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


@pytest.mark.parametrize(("old_path", "target"), EXPECTED.items())
def test_old_address_redirects_permanently_to_the_new_page(
    client, example_redirects, old_path, target
):
    language_code, slug = target
    page = Page.objects.get(locale__language_code=language_code, slug=slug)
    response = client.get(old_path)
    assert response.status_code == 301, old_path
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


def test_every_seeded_redirect_is_tested_and_manageable_in_the_admin(example_redirects):
    seeded = {path for path, _key, _language in OLD_URLS}
    assert seeded == {path.rstrip("/") for path in EXPECTED}
    assert len(EXAMPLE_LEGACY_IDS) == 4
    for redirect in Redirect.objects.filter(old_path__in=seeded):
        assert redirect.is_permanent and redirect.redirect_page_id and redirect.site_id is None
    assert Redirect.objects.filter(old_path__in=seeded).count() == len(seeded)


def test_unknown_legacy_id_is_a_plain_404(client, example_redirects):
    assert client.get("/IcerikDetay.aspx?ID=999999").status_code == 404


def test_the_production_seed_creates_no_example_redirect(client):
    examples = [Redirect.normalise_path(path) for path, _key, _language in EXAMPLE_LEGACY_ADDRESSES]
    assert not Redirect.objects.filter(old_path__in=examples).exists()
    assert client.get("/IcerikDetay.aspx?ID=101").status_code == 404
    assert client.get("/tr/yerel-diplomasi").status_code == 301  # the real old addresses are


def test_example_redirects_need_the_seed_content_and_load_once(example_redirects):
    assert seeded_pages()["contact"].slug == "iletisim"
    assert ensure_redirects(EXAMPLE_LEGACY_ADDRESSES, seeded_pages()) == 0
    Page.objects.filter(depth=2).delete()
    with pytest.raises(CommandError, match="load_seed_content"):
        call_command("load_example_redirects")


def test_seeding_again_changes_nothing_and_keeps_editors_changes():
    redirect = Redirect.objects.get(old_path="/tr/yerel-diplomasi")
    redirect.is_permanent = False  # an editor's decision
    redirect.save()
    before = set(Redirect.objects.values_list("old_path", "redirect_page_id"))
    loader = SeedLoader(log=lambda message: None).run()
    assert ensure_redirects(content.OLD_ADDRESSES, loader.pages) == 0
    assert set(Redirect.objects.values_list("old_path", "redirect_page_id")) == before
    assert Redirect.objects.get(old_path="/tr/yerel-diplomasi").is_permanent is False


@pytest.mark.parametrize(
    ("path", "language_code", "heading", "search_action"),
    [
        ("/tr/olmayan-sayfa/", "tr", "Sayfa bulunamadı", "/tr/arama/"),
        ("/en/no-such-page/", "en", "Page not found", "/en/search/"),
    ],
)
def test_404_page_is_in_the_visitors_language_with_a_search_box(
    client, path, language_code, heading, search_action
):
    response = client.get(path)
    assert response.status_code == 404
    document = parse(response)
    assert document.get("lang") == language_code
    assert [h1.text for h1 in document.iter("h1")] == [heading]
    forms = [form for form in document.iter("form") if form.get("role") == "search"]
    assert forms and all(form.get("action") == search_action for form in forms)
    robots = [m.get("content") for m in document.iter("meta") if m.get("name") == "robots"]
    assert robots == ["noindex"]
    stylesheets = [
        link.get("href") for link in document.iter("link") if link.get("rel") == "stylesheet"
    ]
    assert "/static/css/site.css" in stylesheets


def suggestions(response):
    document = parse(response)
    section = next(
        (
            s
            for s in document.iter("section")
            if "not-found__alternatives" in (s.get("class") or "")
        ),
        None,
    )
    if section is None:
        return []
    return [(a.get("href"), a.get("hreflang")) for a in section.iter("a")]


def test_404_offers_the_same_path_in_the_other_language_and_its_translation(client):
    # /en/ + a Turkish path: the Turkish page exists, and so does its English translation.
    response = client.get("/en/calisma-alanlarimiz/yerel-diplomasi/")
    assert response.status_code == 404
    assert suggestions(response) == [
        ("/en/our-work-areas/local-diplomacy/", "en"),
        ("/tr/calisma-alanlarimiz/yerel-diplomasi/", "tr"),
    ]
    response = client.get("/tr/our-work-areas/")
    assert suggestions(response) == [
        ("/tr/calisma-alanlarimiz/", "tr"),
        ("/en/our-work-areas/", "en"),
    ]


def test_404_offers_nothing_when_no_language_has_the_path(client):
    assert suggestions(client.get("/en/no-such-page/")) == []
    assert suggestions(client.get("/tr/olmayan/sayfa/")) == []


@pytest.mark.parametrize(
    "path", ["/en/a%00b/", "/tr/%0D%0Aset-cookie/", "/en/" + "a/" * 2000, "/tr/%FF%FE/", "/en/ğ/"]
)
def test_404_is_answered_safely_for_hostile_paths(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert [h1.text for h1 in parse(response).iter("h1")] in (
        ["Page not found"],
        ["Sayfa bulunamadı"],
    )


def test_404_offers_only_the_other_language_when_there_is_no_translation(client, tr, en):
    english = Page.objects.get(locale=en, slug="local-diplomacy")
    english.unpublish()
    response = client.get("/en/calisma-alanlarimiz/yerel-diplomasi/")
    assert suggestions(response) == [("/tr/calisma-alanlarimiz/yerel-diplomasi/", "tr")]


def test_500_page_is_bilingual_styled_and_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/tr/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    document = parse(response)
    assert document.get("lang") == "tr"
    assert [h.text for h in document.iter("h1")] == ["Bir sorun oluştu"]
    english = [s for s in document.iter("section") if s.get("lang") == "en"]
    assert [h.text for s in english for h in s.iter("h2")] == ["Something went wrong"]
    assert {a.get("href") for a in document.iter("a")} == {"/tr/", "/en/"}
    assert any((style.text or "").strip() for style in document.iter("style"))
    assert not [link for link in document.iter("link") if link.get("rel") == "stylesheet"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "other"), [("tr", "en"), ("en", "tr")])
def test_the_404_pages_language_switcher_leads_to_the_other_home_page(client, language, other):
    import html5lib

    response = client.get(f"/{language}/no-such-page-at-all/")
    assert response.status_code == 404
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    nav = next(
        n for n in document.iter("nav") if "language-switcher" in (n.get("class") or "").split()
    )
    [link] = [a for a in nav.iter("a") if a.get("hreflang") == other]
    assert link.get("href") == f"/{other}/"
    text = " ".join("".join(link.itertext()).split())
    assert "not translated" not in text and "çevrilmedi" not in text
    assert text in ("English", "Türkçe")
