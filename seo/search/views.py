"""The site search page (/tr/arama/, /en/search/)."""

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.pages import LINK_FIELDS

from .query import build_search_query, clean_query
from .results import SearchResult, title_matches, trails_for


def search_pages(cleaned, locale):
    """Live, public pages of one language matching `cleaned`, most relevant first.

    Pages whose title matches more of the query's words come first; the search engine's
    relevance orders pages within each group.
    """
    pages = Page.objects.live().public().filter(locale=locale)
    language_code = locale.language_code
    found = list(pages.search(build_search_query(cleaned, language_code)))
    return sorted(found, key=lambda page: -title_matches(page, cleaned, language_code))


# Where to go when nothing is found, named by label as Wagtail's tree rules name page types:
# seo reads no other app's models module.
SUGGESTED_PAGE_TYPES = ("networks.NetworkIndexPage", "forms_app.ContactFormPage")


def helpful_links(locale):
    """Where to go when nothing is found: the membership directory and the contact page."""
    links = []
    for label in SUGGESTED_PAGE_TYPES:
        page = (
            apps.get_model(label)
            .objects.live()
            .public()
            .filter(locale=locale)
            .only(*LINK_FIELDS)
            .first()
        )
        if page is not None:
            links.append(page)
    return links


def search(request):
    raw_query = request.GET.get("q", "")
    cleaned = clean_query(raw_query)
    locale = Locale.objects.filter(language_code=get_language()).first()
    page_obj = None
    results = []
    suggestions = []
    if cleaned and locale is not None:
        language_code = locale.language_code
        paginator = Paginator(search_pages(cleaned, locale), settings.SEO_SEARCH_RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        pages = [page.specific for page in page_obj.object_list]
        trails = trails_for(pages)
        results = [
            SearchResult.for_page(page, cleaned, language_code, request, trails.get(page.pk, ()))
            for page in pages
        ]
        if not paginator.count:
            suggestions = helpful_links(locale)
    response = render(
        request,
        "search/search_results.html",
        {
            "search_query": cleaned,
            "nothing_searchable": bool(raw_query.strip()) and not cleaned,
            "page_obj": page_obj,
            "results": results,
            "suggestions": suggestions,
        },
    )
    # Results pages are not for search engines (robots.txt says so too).
    response["X-Robots-Tag"] = "noindex"
    return response
