"""What keeps a render fast when the full-page cache cannot answer, and why it is never stale:
fragments cached with Wagtail's {% wagtailcache %} / {% wagtailpagecache %} under the site-wide
and per-page versions; routing and view restrictions are Wagtail's own."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from core.models import ContactDetails
from forms_app.models import ContactFormPage
from home.models import HomePage, WorkAreaIndexPage, WorkAreaPage
from networks.models import NetworkIndexPage, NetworkPage
from tests.browser.site_pages import LANGUAGES, create_standard_pages, page_urls

pytestmark = pytest.mark.django_db

# A page whose head, header, content and footer come from the cache costs Wagtail's own routing:
# the Site, the active Locale, the language's home page (its translation, its specific row), the
# page at the URL path and its specific row. The view-restriction check asks the cache.
WARM_RENDER_QUERIES = 6


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders; only fragments may be cached
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page or snippet as the admin does: invalidation runs once the change commits."""

    def publish(obj):
        with django_capture_on_commit_callbacks(execute=True):
            obj.save_revision().publish()

    return publish


def html(url, client=None, **params):
    response = (client or Client()).get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def rename_without_signals(page, title):
    """Change what the database holds behind the caches' back: only a render from scratch
    can show it."""
    Page.objects.filter(pk=page.pk).update(title=title)


# Fragments ---------------------------------------------------------------------------------

PER_VISITOR_TOKENS = re.compile(r'name="(csrfmiddlewaretoken|contact_form_token)" value="[^"]+"')


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_from_fragments_are_identical_to_pages_rendered_from_scratch(language, settings):
    create_standard_pages()  # a page with every StreamField block
    urls = page_urls(language)
    assert len(urls) == 7
    settings.FRAGMENT_CACHE_SECONDS = 0
    from_scratch = {name: html(url) for name, url in urls.items()}
    settings.FRAGMENT_CACHE_SECONDS = 600
    for name, url in urls.items():
        html(url)  # fills the fragments
        from_fragments = html(url)
        assert PER_VISITOR_TOKENS.sub("", from_fragments) == PER_VISITOR_TOKENS.sub(
            "", from_scratch[name]
        ), name


def test_a_second_render_comes_from_the_fragments(tr, django_assert_max_num_queries):
    network = NetworkPage.objects.get(locale=tr, short_name="NALAS")
    directory = network.get_parent()
    first = html(network.url)
    # The directory's title shows in the network page's breadcrumbs (header fragment).
    rename_without_signals(directory, "Değişen başlık")
    with django_assert_max_num_queries(WARM_RENDER_QUERIES):
        second = html(network.url)
    assert second == first
    assert "Değişen başlık" not in second


def test_every_page_is_served_within_the_warm_query_budget(tr, en, django_assert_max_num_queries):
    client = Client()
    urls = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert len(urls) > 2 * len(LANGUAGES)
    for url in urls:
        client.get(url)  # fill the fragments
    for url in urls:
        with django_assert_max_num_queries(WARM_RENDER_QUERIES):
            assert client.get(url).status_code == 200, url


def test_publishing_a_menu_page_updates_the_header_of_every_page(tr, publish):
    network_url = NetworkPage.objects.get(locale=tr, short_name="ALDA").url
    home_url = HomePage.objects.get(locale=tr).url
    html(network_url), html(home_url)
    overview = WorkAreaIndexPage.objects.get(locale=tr)
    overview.title = "Faaliyet alanlarımız"
    publish(overview)
    for url in (network_url, home_url):
        nav = re.search(r'<nav class="main-nav".*?</nav>', html(url), re.S).group(0)
        assert "Faaliyet alanlarımız" in nav, url


def test_publishing_a_network_updates_the_directory_and_home_page(tr, publish):
    network = NetworkPage.objects.get(locale=tr, short_name="GWOPA")
    directory_url, home_url = network.get_parent().url, HomePage.objects.get(locale=tr).url
    assert ">GWOPA<" in html(directory_url)
    assert ">GWOPA<" in html(home_url)
    network.short_name = "GWOPA-X"
    publish(network)
    assert ">GWOPA-X<" in html(directory_url)
    assert ">GWOPA-X<" in html(home_url)


def test_publishing_the_contact_details_updates_every_footer(tr, en, publish):
    urls = list(page_urls("tr").values()) + list(page_urls("en").values())
    for url in urls:
        assert "+90 212 555 01 01" not in html(url)
    for locale in (tr, en):
        details = ContactDetails.objects.get(locale=locale)
        details.phone = "+90 212 555 01 01"
        publish(details)
    for url in urls:
        footer = re.search(r'<footer class="site-footer".*?</footer>', html(url), re.S).group(0)
        assert "+90 212 555 01 01" in footer, url


def test_a_contact_details_draft_leaves_every_footer_as_published(tr):
    url = HomePage.objects.get(locale=tr).url
    published = html(url)
    details = ContactDetails.objects.get(locale=tr)
    details.phone = "+90 212 555 01 02"
    details.save_revision()  # a draft, not published
    assert html(url) == published


def test_each_language_gets_its_own_fragments(tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    english = turkish.get_translation(en)
    turkish_html = html(turkish.url)
    english_html = html(english.url)
    assert 'lang="tr"' in turkish_html and "Ana içeriğe geç" in turkish_html
    assert 'lang="en"' in english_html and "Skip to main content" in english_html
    for text in (turkish.title, "Çalışma Alanlarımız", "Marmara Belediyeler Birliği"):
        assert text not in english_html


def test_each_scheme_gets_its_own_fragments(tr):
    page = WorkAreaPage.objects.get(locale=tr)
    html(page.url)
    rename_without_signals(page, "Yeni başlık")
    assert "Yeni başlık" in html(page.url, Client(**{"wsgi.url_scheme": "https"}))


@pytest.mark.parametrize(
    ("params", "expected", "notice"),
    [
        ({}, ["AEBR", "GWOPA"], None),  # most recent first, then by name
        ({"sort": "name"}, ["AEBR", "ALDA"], None),
        ({"sort": "joined"}, ["NALAS", "TDBB"], None),
        ({"joined": "2017"}, ["ALDA"], None),
        ({"sort": "nonsense"}, ["AEBR", "GWOPA"], "That sort order is not available"),
        ({"joined": "1066"}, ["AEBR", "GWOPA"], "There is no membership from the year you chose"),
    ],
)
def test_directory_fragments_follow_the_query_string(en, params, expected, notice):
    url = NetworkIndexPage.objects.get(locale=en).url
    html(url), html(url, sort="name")  # fill the cache with other variants first
    page = html(url, **params)
    acronyms = re.findall(r'<p class="network-card__acronym">([^<]+)</p>', page)
    assert acronyms[: len(expected)] == expected
    assert (notice in page) if notice else ('class="notice"' not in page)


def test_a_year_written_with_leading_zeros_filters_like_the_year(en):
    url = NetworkIndexPage.objects.get(locale=en).url
    year = NetworkPage.objects.filter(locale=en).order_by("joined_year").first().joined_year
    plain, padded = html(url, joined=str(year)), html(url, joined=f"00{year}")
    cards = r'<ul class="card-grid network-cards">.*?</ul>'
    assert re.search(cards, padded, re.S).group(0) == re.search(cards, plain, re.S).group(0)
    assert "There is no membership" not in padded


def test_a_preview_never_reads_or_fills_the_fragment_cache(tr):
    page = WorkAreaPage.objects.get(locale=tr)
    site_host = Client(HTTP_HOST="localhost")  # the host Wagtail's preview request uses
    assert page.title in html(page.url, site_host)
    page.title = "Taslak başlık"
    revision = page.save_revision()
    preview = revision.as_object().make_preview_request()
    assert "<h1>Taslak başlık</h1>" in preview.content.decode()  # main content, not <title>
    # ... and the live page still shows the published title everywhere.
    assert "Taslak başlık" not in html(page.url, site_host)


def test_contact_form_tokens_stay_per_visitor(tr):
    url = ContactFormPage.objects.get(locale=tr).url
    first, second = html(url), html(url)
    token = r'name="(csrfmiddlewaretoken|contact_form_token)" value="([^"]+)"'
    first_tokens, second_tokens = re.findall(token, first), re.findall(token, second)
    assert len(first_tokens) == 2
    assert dict(first_tokens)["csrfmiddlewaretoken"] != dict(second_tokens)["csrfmiddlewaretoken"]


def test_a_form_with_errors_is_never_answered_from_the_empty_form(tr):
    page = ContactFormPage.objects.get(locale=tr)
    html(page.url)  # caches the empty form's fields
    response = Client().post(page.url, {"adiniz_ve_soyadiniz": "Ayşe Yılmaz"})
    content = response.content.decode()
    assert 'aria-invalid="true"' in content
    assert 'value="Ayşe Yılmaz"' in content


def test_fragments_are_off_when_the_setting_is_zero(tr, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    page = WorkAreaPage.objects.get(locale=tr)
    html(page.url)
    rename_without_signals(page, "Yeni başlık")
    assert "<h1>Yeni başlık</h1>" in html(page.url)


def test_without_a_version_to_trust_every_page_renders_from_scratch(tr, monkeypatch):
    """The cache is unavailable or a publish could not be recorded in it: nothing is read
    from the fragments or stored in them."""
    from core.templatetags import fragment_tags

    page = WorkAreaPage.objects.get(locale=tr)
    published_heading = f"<h1>{page.title}</h1>"
    urls = page_urls("tr")
    for url in urls.values():
        html(url)  # fragments filled while the versions were trusted
    monkeypatch.setattr(fragment_tags, "site_version", lambda: None)
    rename_without_signals(page, "Yeni başlık")
    assert "<h1>Yeni başlık</h1>" in html(page.url)
    for url in urls.values():
        html(url)
    monkeypatch.undo()
    # What the untrusted renders saw was never stored: the earlier entry is still there.
    assert published_heading in html(page.url)


# Routing -------------------------------------------------------------------------------------


def test_a_page_taken_offline_without_a_signal_is_not_served(tr):
    page = NetworkPage.objects.get(locale=tr, short_name="ICLEI")
    html(page.url)
    Page.objects.filter(pk=page.pk).update(live=False)  # no publish signal
    assert Client().get(page.url).status_code == 404


def test_a_newly_published_page_is_routed_at_once(tr, publish):
    area_index = WorkAreaIndexPage.objects.get(locale=tr)
    html(area_index.url)
    new_page = WorkAreaPage(title="Kentsel dayanıklılık", slug="kentsel-dayaniklilik", live=False)
    area_index.add_child(instance=new_page)
    assert Client().get(f"{area_index.url}kentsel-dayaniklilik/").status_code == 404
    publish(new_page)
    assert "Kentsel dayanıklılık" in html(f"{area_index.url}kentsel-dayaniklilik/")


def test_unknown_paths_still_get_the_not_found_page():
    response = Client().get("/en/our-work-areas/no-such-page/")
    assert response.status_code == 404


# View restrictions ---------------------------------------------------------------------------


def test_a_new_login_restriction_protects_the_page_at_once(
    tr, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600  # also retires the public copy in the page cache
    page = WorkAreaPage.objects.get(locale=tr)
    html(page.url), html(page.url)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = Client().get(page.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_password_restricted_page_still_asks_for_the_password(
    tr, django_capture_on_commit_callbacks
):
    page = WorkAreaPage.objects.get(locale=tr)
    body = re.compile(r"<main.*?</main>", re.S)
    public_content = body.search(html(page.url)).group(0)  # its fragments are cached now
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="gizli-parola"
        )
    visitor = Client()
    response = visitor.get(page.url)
    assert response.status_code == 200
    form = response.content.decode()
    assert 'name="password"' in form
    assert public_content not in form
    action = re.search(r'<form[^>]*action="([^"]+)"', form).group(1)
    visitor.post(action, {"password": "gizli-parola", "return_url": page.url})
    assert body.search(html(page.url, visitor)).group(0) == public_content


def test_restrictions_on_an_ancestor_cover_its_children(tr, django_capture_on_commit_callbacks):
    network = NetworkPage.objects.get(locale=tr, short_name="TDBB")
    html(network.url)  # "no restrictions anywhere" is cached now
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=network.get_parent(), restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Editors"))
    assert Client().get(network.url).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert Client().get(network.url).status_code == 200


def test_the_admin_privacy_dialog_still_reads_restrictions(
    tr, admin_client, django_capture_on_commit_callbacks
):
    """The admin asks get_view_restrictions() for a queryset it can order, with or without
    restrictions anywhere."""
    page = WorkAreaPage.objects.get(locale=tr)

    def chosen_privacy():
        form = admin_client.get(f"/admin/pages/{page.pk}/privacy/").json()["html"]
        radios = re.findall(r"<input[^>]*name=\"restriction_type\"[^>]*>", form)
        return [
            re.search(r'value="(\w+)"', radio).group(1) for radio in radios if "checked" in radio
        ]

    assert chosen_privacy() == ["none"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert chosen_privacy() == ["login"]


def test_a_missing_uncached_fragment_alias_fails_the_system_check(settings):
    from core.checks import fragments_can_be_rendered_uncached

    assert fragments_can_be_rendered_uncached() == []
    settings.CACHES = {"default": settings.CACHES["default"]}
    assert [error.id for error in fragments_can_be_rendered_uncached()] == ["core.E002"]
