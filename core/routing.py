"""Page routing from a table kept until the next publish.

Wagtail finds the page for a URL by walking the tree: the Site (one query), the site's root
page, its translation into the active language and its specific type (three more), then one
level of the path at a time. The answer only changes when something is published, moved or
deleted, and each of those retires the page-cache generation. So this middleware keeps, per
generation and in each process's memory, the Site for each host and every live page's URL
path, and hands Wagtail the result through the per-request attributes Wagtail itself memoises
routing in (`request._wagtail_site`, `request._wagtail_route_for_request`). A routed request
then costs one narrow query that checks the page is still live at that URL path, so a stale
table can only miss, never serve the wrong page; the page object comes from the cache until
the next publish, like the fragments rendered from it.

Anything the table does not know (a missing or unpublished page, an unknown host) is left to
Wagtail's own routing, so 404s and edge cases behave exactly as before.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .page_cache import cached_until_publish, memoised_until_publish


class RoutingTable:
    """Every live page's URL path, and which pages translate which: built in one query."""

    def __init__(self, rows):
        self.pages = {}  # url_path: (content_type_id, page_id)
        self.translation_keys = {}  # page_id: translation_key
        self.translations = {}  # (translation_key, language_code): url_path
        for url_path, content_type_id, page_id, translation_key, language_code in rows:
            self.pages[url_path] = (content_type_id, page_id)
            self.translation_keys[page_id] = translation_key
            self.translations[(translation_key, language_code)] = url_path

    @classmethod
    def build(cls):
        return cls(
            Page.objects.live().values_list(
                "url_path", "content_type_id", "pk", "translation_key", "locale__language_code"
            )
        )

    def root_url_path(self, site, language_code):
        """The URL path of the site's root page in the language, if that translation is live."""
        translation_key = self.translation_keys.get(site.root_page_id)
        return self.translations.get((translation_key, language_code))


EMPTY_TABLE = RoutingTable([])


def find_site(request):
    # Keyed as Wagtail matches sites: the host name (lower case, without the Host header's
    # port) and the server's port, so variants of the Host header add no entries.
    domain, _port = split_domain_port(request.get_host())
    port = request.get_port()
    return memoised_until_publish(("site", domain, port), lambda: Site.find_for_request(request))


def live_page(model, page_id, url_path):
    """The page, if it is still live at `url_path`: one query either way. Fresh from the
    database it is checked by that query; from the cache (a fresh copy, kept until the next
    publish) a narrow query checks it."""
    loaded = []

    def load():
        pages = model.objects.live().filter(pk=page_id, url_path=url_path)[:1]
        loaded.extend(pages)
        return loaded[0] if loaded else None

    page = cached_until_publish(f"routing:page:{page_id}", load)
    if page is None or loaded:
        return page
    if not Page.objects.filter(pk=page_id, url_path=url_path, live=True).exists():
        return None
    return page


def route_from_table(request, path):
    """Wagtail's route result for `path` (the part after the language prefix), or None to let
    Wagtail route it."""
    site = find_site(request)
    if site is None:
        return None
    request._wagtail_site = site
    # Without the cache (Redis down) the table would be rebuilt on every request: Wagtail
    # routes instead.
    table = memoised_until_publish("routing-table", RoutingTable.build, lambda: EMPTY_TABLE)
    root_url_path = table.root_url_path(site, get_language())
    if root_url_path is None:
        return None
    url_path = root_url_path + "".join(f"{part}/" for part in path.split("/") if part)
    entry = table.pages.get(url_path)
    if entry is None:
        return None
    content_type_id, page_id = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = live_page(model, page_id, url_path) if model is not None else None
    return page.route(request, []) if page is not None else None


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
            route = route_from_table(request, path)
        except (Http404, DatabaseError):
            # Wagtail routes it again inside the view, where a database outage becomes a 503.
            return None
        if route is not None:
            request._wagtail_route_for_request = route
        return None
