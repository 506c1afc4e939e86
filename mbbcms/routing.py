"""Page routing from a table kept until the next publish.

Wagtail finds the page for a URL by walking the tree: the Site (one query), the site's root
page, its translation into the active language and its specific type (three more), then one
level of the path at a time. The answer only changes when something is published, moved or
deleted, and each of those retires the page-cache generation. So this middleware keeps, per
generation and in each process's memory, the Site for each host and every live page's URL
path, and hands Wagtail the result through the per-request attributes Wagtail itself memoises
routing in (`request._wagtail_site`, `request._wagtail_route_for_request`). A routed request
then costs one query: the page itself, which is checked to be live and at that URL path, so
a stale table can only miss, never serve the wrong page.

Anything the table does not know (a missing or unpublished page, an unknown host) is left to
Wagtail's own routing, so 404s and edge cases behave exactly as before.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .page_cache import memoised_until_publish


def _live_pages_by_url_path():
    """{url_path: (content_type_id, page_id)} for every live page: one query."""
    rows = Page.objects.live().values_list("url_path", "content_type_id", "pk")
    return {url_path: (content_type_id, pk) for url_path, content_type_id, pk in rows}


def _root_url_paths(site):
    """{language_code: URL path of the site's live root page in that language}."""
    rows = (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key)
        .values_list("locale__language_code", "url_path")
    )
    return dict(rows)


def find_site(request):
    host, port = request._get_raw_host(), request.get_port()
    return memoised_until_publish(("site", host, port), lambda: Site.find_for_request(request))


def route_from_table(request, path):
    """Wagtail's route result for `path` (the part after the language prefix), or None to let
    Wagtail route it."""
    site = find_site(request)
    if site is None:
        return None
    request._wagtail_site = site
    # Without the cache (Redis down) the tables would be rebuilt on every request: Wagtail
    # routes instead.
    roots = memoised_until_publish(
        ("roots", site.pk), lambda: _root_url_paths(site), without_cache=dict
    )
    root_url_path = roots.get(get_language())
    if root_url_path is None:
        return None
    url_path = root_url_path + "".join(f"{part}/" for part in path.split("/") if part)
    pages = memoised_until_publish("pages", _live_pages_by_url_path, without_cache=dict)
    entry = pages.get(url_path)
    if entry is None:
        return None
    content_type_id, page_id = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    # A slice, not .first(): no ORDER BY to compile for a primary-key lookup.
    page = next(iter(model.objects.live().filter(pk=page_id, url_path=url_path)[:1]), None)
    if page is None:
        return None
    return page.route(request, [])


class PageRoutingMiddleware:
    """Place after LocaleMiddleware: the active language picks the root page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            route = route_from_table(request, path or "")
        except (Http404, DatabaseError):
            # Wagtail routes it again inside the view, where a database outage becomes a 503.
            return None
        if route is not None:
            request._wagtail_route_for_request = route
        return None
