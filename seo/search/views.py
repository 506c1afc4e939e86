"""The site search page (/tr/arama/, /en/search/)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from .query import build_search_query, clean_query
from .results import SearchResult


def search_pages(cleaned, locale):
    """Live, public pages of one language matching `cleaned`, most relevant first."""
    pages = Page.objects.live().public().filter(locale=locale)
    return pages.search(build_search_query(cleaned, locale.language_code))


def search(request):
    raw_query = request.GET.get("q", "")
    cleaned = clean_query(raw_query)
    locale = Locale.objects.filter(language_code=get_language()).first()
    page_obj = None
    results = []
    if cleaned and locale is not None:
        paginator = Paginator(search_pages(cleaned, locale), settings.SEO_SEARCH_RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        results = [
            SearchResult.for_page(page.specific, cleaned, request) for page in page_obj.object_list
        ]
    response = render(
        request,
        "search/search_results.html",
        {
            "search_query": cleaned,
            "nothing_searchable": bool(raw_query.strip()) and not cleaned,
            "page_obj": page_obj,
            "results": results,
        },
    )
    # Results pages are not for search engines (robots.txt says so too).
    response["X-Robots-Tag"] = "noindex"
    return response
