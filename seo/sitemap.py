"""/sitemap.xml: every live page in every language, each with its translations as alternates."""

from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Page, Site


def sitemap_pages(site):
    """Live, public pages under the site's home page and under each of its translations."""
    homes = site.root_page.get_translations(inclusive=True).live()
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    return pages.live().public().select_related("locale").order_by("locale__language_code", "path")


def sitemap_entries(site, request):
    pages = list(sitemap_pages(site))
    urls = {page.pk: page.get_full_url(request) for page in pages}
    translations = defaultdict(list)
    for page in pages:
        translations[page.translation_key].append(page)
    language_order = [code for code, _name in settings.LANGUAGES]
    entries = []
    for page in pages:
        siblings = sorted(
            translations[page.translation_key],
            key=lambda p: (
                language_order.index(p.locale.language_code)
                if p.locale.language_code in language_order
                else len(language_order)
            ),
        )
        alternates = [
            {"hreflang": sibling.locale.language_code, "href": urls[sibling.pk]}
            for sibling in siblings
        ]
        default = next(
            (a for a in alternates if a["hreflang"] == settings.LANGUAGE_CODE),
            None,
        )
        if default is not None:
            alternates.append({"hreflang": "x-default", "href": default["href"]})
        lastmod = page.last_published_at or page.latest_revision_created_at
        entries.append({"location": urls[page.pk], "lastmod": lastmod, "alternates": alternates})
    return entries


def sitemap(request):
    site = Site.find_for_request(request)
    entries = sitemap_entries(site, request) if site else []
    xml = render_to_string("seo/sitemap.xml", {"entries": entries})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
