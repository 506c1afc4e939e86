"""Serving a page: Wagtail's serve view, with the route to each URL remembered.

Wagtail finds a page by looking up the request's Site, then walking from the site's root: the
root's translation for the active language, its specific page, `HomePage.route`'s lookup and
the found page's specific page. Six queries before the template starts, about two thirds of a
view whose fragments come from the cache. Here:
- each host's Site is kept in the process under the site version and handed to Wagtail
  (core/compat.py, entry 5), so nothing asks the database for it again;
- where a URL led (the page's model, id and url_path) is kept under the URL path's version
  and the site version, which every publish, unpublish, move, slug change, redirect and Site
  change replaces (core/invalidation.py); the page is then read with one query that also
  requires it to be live and still at that place, so a change made without a signal is
  served as Wagtail would serve it.
Anything else goes through Wagtail's routing, `Page.route_for_request`, and every page is
served through Wagtail's `before_serve_page` and `on_serve_page` hooks in the order
`wagtail.views.serve` runs them.
"""

from django.apps import apps
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.models import Page, Site

from .compat import remember_request_site
from .page_cache import cached_for_path, site_version


def serve(request, path):
    route = remembered_route(request, path)
    if route is None:
        route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    return serve_page(page, request, args, kwargs)


def serve_page(page, request, args, kwargs):
    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    chain = serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for before_serve in hooks.get_hooks("before_serve_page"):
        result = before_serve(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def remembered_route(request, path):
    """The route to this URL as an earlier request found it, or None: then Wagtail routes
    (which it has already done, and kept for the request, when this request was the first).
    The page itself is read afresh, with one query: what the visitor sees is never older than
    the database, and a page taken offline is not served."""
    if request.method not in ("GET", "HEAD"):
        return None
    site = site_for_request(request)
    if site is None:
        return None
    routed_now = []

    def find():
        routed_now.append(True)
        return route_address(Page.route_for_request(request, path))

    # Under the site version too: a new redirect, a changed Site or locale retires routes.
    key = f"route:{site.pk}:{site_version()}"
    address = cached_for_path(request.path, key, find)
    if address is None or routed_now:
        return None
    app_label, model_name, pk, url_path = address
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    try:
        page = model.objects.get(pk=pk)
    except model.DoesNotExist:
        return None
    if not page.live or page.url_path != url_path:
        return None  # taken offline or moved without a signal: Wagtail routes
    return page, [], {}


def route_address(route):
    """What identifies the page a route found: (app label, model name, id, url_path) when the
    whole URL names that page (no arguments for a routable page's view); else None."""
    if route is None:
        return None
    page, args, kwargs = route
    if args or kwargs:
        return None
    opts = page.specific_class._meta
    return (opts.app_label, opts.model_name, page.pk, page.url_path)


_sites = {}


def site_for_request(request):
    """The request's Site, as Wagtail finds it, without its query after the first request
    for a host: kept in this process per host and port under the site version (a saved or
    deleted Site changes it), and handed to Wagtail for the rest of the request."""
    version = site_version()
    if version is None:
        return Site.find_for_request(request)
    domain, _port = split_domain_port(request.get_host())
    key = (domain, request.get_port(), version)
    if key not in _sites:
        if len(_sites) >= 64:
            _sites.clear()  # retired versions, or many host names: start again
        _sites[key] = Site.find_for_request(request)
    else:
        remember_request_site(request, _sites[key])
    return _sites[key]
