"""Full-page cache for anonymous visitors.

Anonymous GET/HEAD requests for public pages are answered from the cache; everything that can
differ per visitor (a session or messages cookie, a response that sets a cookie, a non-200
status, `Cache-Control: private/no-store`) bypasses it. Invalidation is one integer: every
publish, unpublish, move or delete of anything a page can show bumps a generation number that
is part of every key, so one bump retires every cached page at once (on Redis, for all
replicas). Cache failures never break a request: the page is simply rendered.
"""

import contextvars
import hashlib
import logging
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "X-Robots-Tag")


# The query parameters public pages read: the directory's sort and year, the search's words
# and page. Others (utm_*, fbclid, anything unknown) change nothing on a page, so they never
# vary a cache key.
QUERY_PARAMETERS_USED = frozenset({"joined", "page", "q", "sort"})


@dataclass(frozen=True)
class CacheAddress:
    """What a request asks for, as the caches key it: the host in its one normal form (lower
    case, no trailing dot, no port unless it is the server's own) and the path with only the
    query parameters pages use, sorted.

    A variant (another port or case of the host, a tracking parameter) is answered from the
    normal form's entry but never stored: it adds no entries, and what it renders (a share
    image's URL from its Host, a language link with its query string) never reaches anyone
    else."""

    host: str
    path: str
    canonical: bool

    @classmethod
    def of(cls, request):
        # As Django reads it (without a Host header, HTTP/1.0: the server's name).
        raw_host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        domain, port = split_domain_port(raw_host)
        servers_port = (
            port and port == request.META.get("SERVER_PORT") and port not in ("80", "443")
        )
        host = f"{domain}:{port}" if servers_port else domain
        used = sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name in QUERY_PARAMETERS_USED
            for value in values
        )
        query = urlencode(used)
        unused = any(name not in QUERY_PARAMETERS_USED for name in request.GET)
        return cls(
            host=host,
            path=f"{request.path}?{query}" if query else request.path,
            canonical=bool(domain) and raw_host == host and not unused,
        )


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _new_generation():
    # Random, not 1: after the cache is flushed (a Redis restart keeps nothing) the generation
    # must not repeat one that a process still holds values for.
    return secrets.randbelow(2**48) + 1


# The generation, read once per request: a rendered page asks for it a dozen times (routing,
# fragments, form fields), which on Redis would be a dozen round trips. Reading it early is
# safe: whatever the request stores goes under the generation it started with, which a
# publish during the request retires.
_request_generation = contextvars.ContextVar("request_generation", default=None)


def current_generation():
    this_request = _request_generation.get()
    if this_request is not None and "generation" in this_request:
        return this_request["generation"]
    try:
        generation = _cache().get_or_set(GENERATION_KEY, _new_generation, timeout=None)
    except Exception:
        logger.warning("page cache unavailable (generation read)", exc_info=True)
        generation = None
    if this_request is not None:
        this_request["generation"] = generation
    return generation


def invalidate_page_cache(**kwargs):
    """Retire every cached page (connected to publish/unpublish/move/delete signals)."""
    cache = _cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no generation yet: nothing is cached under it
            cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        logger.warning("page cache unavailable (invalidation)", exc_info=True)
    this_request = _request_generation.get()
    if this_request is not None:
        this_request.pop("generation", None)  # this request's own publish: read it anew


# Versions --------------------------------------------------------------------------------
#
# Two kinds of version decide whether something cached is still true: the site version
# (what every page shows: menu, footer and contact details, sites, locales, redirects,
# images, documents) and one version per URL path (that page and the pages it lists). Each is
# a random token in the shared cache; an invalidation replaces it with a new one, so whatever
# was stored under the old token is never valid again. Tokens, not counters: after a flush
# or an eviction a new token never repeats one that something was stored under.

SITE_VERSION_KEY = "pagecache:site"


def page_version_key(path):
    # Hashed: a path may hold spaces or non-ASCII characters, which some backends refuse.
    return "pagecache:path:" + hashlib.blake2b(path.encode(), digest_size=16).hexdigest()


def new_version():
    return secrets.token_hex(8)


def version_seconds():
    """Versions outlive what is stored under them (entries and fragments); an evicted
    version only means a fresh token and a few renders."""
    return max(page_cache_seconds(), getattr(settings, "FRAGMENT_CACHE_SECONDS", 0), 60 * 60)


# The versions this request has read: each is read once per request (a rendered page asks
# for the site version from several fragments), and all before any content is read, so
# what the request stores is never newer than the version it is stored under.
_request_versions = contextvars.ContextVar("request_versions", default=None)


def site_version():
    """The site-wide version, or None when the cache is unavailable or not trusted (then
    nothing may be cached)."""
    return _version(SITE_VERSION_KEY)


def page_version(path):
    """The version of one URL path (`request.path`, no query string, any host), or None as
    for `site_version()`."""
    return _version(page_version_key(path))


def _version(key):
    memo = _request_versions.get()
    if memo is not None and key in memo:
        return memo[key]
    value = read_versions([key])[key]
    if memo is not None:
        memo[key] = value
    return value


def read_versions(keys, found=None):
    """{key: version} for version keys; `found` holds values already read (one round trip
    with an entry). A missing version is created; None for all when the cache fails."""
    cache = _cache()
    try:
        found = dict(found) if found is not None else cache.get_many(keys)
        versions = {}
        for key in keys:
            version = found.get(key)
            if version is None:
                version = new_version()
                if not cache.add(key, version, timeout=version_seconds()):
                    version = cache.get(key)  # another request created it (or the cache failed)
            versions[key] = version
    except Exception:  # a failing cache must not fail the page
        logger.warning("page cache unavailable (version read)", exc_info=True)
        return dict.fromkeys(keys)
    return versions


def cached_for_site(key, compute, timeout=None):
    """`compute()`'s result, kept in the cache until the site version changes: for small
    things every page of a language shows (the footer's contact details). Without a trusted
    cache it just computes."""
    return _cached_under(site_version(), f"site:{key}", compute, timeout)


def cached_for_path(path, key, compute, timeout=None):
    """`compute()`'s result, kept until the version of the URL path `path` changes (a publish
    of that page, of its translations or of a page it shows)."""
    return _cached_under(page_version(path), f"path:{key}", compute, timeout)


def _cached_under(version, key, compute, timeout):
    if version is None:
        return compute()
    full_key = f"versioned:{version}:{key}"
    cache = _cache()
    try:
        cached = cache.get(full_key)
    except Exception:
        logger.warning("page cache unavailable (read)", exc_info=True)
        cached = None
    if cached is not None:
        return cached[0]  # wrapped: a computed None is kept too
    value = compute()
    try:
        cache.set(full_key, (value,), timeout=timeout or version_seconds())
    except Exception:
        logger.warning("page cache unavailable (write)", exc_info=True)
    return value


class PageCacheMiddleware:
    """Serve and store anonymous public pages. Place it after SessionMiddleware/LocaleMiddleware
    is not required: it decides from cookies and the path alone, before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded_prefixes = tuple(
            getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ("/admin/", "/documents/"))
        )
        self.personal_cookies = {
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        }

    def __call__(self, request):
        token = _request_generation.set({})
        versions_token = _request_versions.set({})
        try:
            return self.serve(request)
        finally:
            _request_versions.reset(versions_token)
            _request_generation.reset(token)

    def serve(self, request):
        key = self.cache_key(request)
        if key is None:
            return self.get_response(request)
        may_store = CacheAddress.of(request).canonical
        cache = _cache()
        try:
            cached = cache.get(key)
        except Exception:
            logger.warning("page cache unavailable (read)", exc_info=True)
            cached = None
        if cached is not None:
            return self.rebuild(cached, request)

        response = self.get_response(request)
        if may_store and request.method == "GET" and self.is_cacheable(response):
            try:
                cache.set(key, self.freeze(response), timeout=page_cache_seconds())
            except Exception:
                logger.warning("page cache unavailable (write)", exc_info=True)
            response["X-Cache"] = "MISS"
        return response

    def cache_key(self, request):
        if page_cache_seconds() <= 0 or request.method not in ("GET", "HEAD"):
            return None
        if request.path.startswith(self.excluded_prefixes):
            return None
        if self.personal_cookies & set(request.COOKIES):
            return None
        address = CacheAddress.of(request)
        if len(address.path) > 400:
            return None  # don't let long search words fill the cache
        generation = current_generation()
        if generation is None:
            return None
        return f"pagecache:{generation}:{address.host}:{address.path}"

    @staticmethod
    def is_cacheable(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        return response.get("Content-Type", "").startswith("text/html")

    @staticmethod
    def freeze(response):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        return {"content": response.content, "headers": headers}

    @staticmethod
    def rebuild(cached, request):
        response = HttpResponse(cached["content"])
        for name, value in cached["headers"].items():
            response[name] = value
        patch_vary_headers(response, ("Cookie",))
        response["X-Cache"] = "HIT"
        return response


def _shown_on_pages(model):
    """Models whose changes can show on (or hide) a public page (checked lazily: snippets
    register after this app is ready)."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # A new view restriction must retire the public copies of the pages it now protects.
    watched = (
        Redirect,
        Site,
        Locale,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
    )
    return issubclass(model, Page) or issubclass(model, watched) or model in get_snippet_models()


def _invalidate_on_model_change(sender, **kwargs):
    if _shown_on_pages(sender):
        invalidate_page_cache()


def _invalidate_after_publish(sender, **kwargs):
    """A snippet with drafts went live or was unpublished: retire the pages once the change is
    committed, so that no request can cache the old version under the new generation."""
    from django.db import transaction
    from wagtail.models import Page

    if not issubclass(sender, Page) and _shown_on_pages(sender):
        transaction.on_commit(invalidate_page_cache)


def connect_invalidation_signals():
    """Publish, unpublish, move and delete of pages, and saves/deletes of everything a page can
    show (snippets, redirects, images, documents, sites, locales). Called from
    HomeConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_page_cache, dispatch_uid=f"pagecache-{id(signal)}")
    # Snippets with drafts (the footer) change the public site only when published.
    for signal in (published, unpublished):
        signal.connect(_invalidate_after_publish, dispatch_uid=f"pagecache-snippet-{id(signal)}")
    # Page saves are drafts until published (page_published covers those); deletes count.
    post_delete.connect(_invalidate_on_model_change, dispatch_uid="pagecache-delete")
    post_save.connect(_invalidate_on_save, dispatch_uid="pagecache-save")


def _invalidate_on_save(sender, **kwargs):
    from wagtail.models import DraftStateMixin, Page

    # Saving a draft (of a page or a snippet with drafts) changes nothing the public sees;
    # publishing does, and its own signal retires the pages.
    if not issubclass(sender, Page | DraftStateMixin):
        _invalidate_on_model_change(sender, **kwargs)


def cached_until_publish(key, compute, timeout=24 * 60 * 60, store=True):
    """`compute()`'s result, kept in the cache until the next publish retires the generation.

    For small things every page of a language shows (footer, the privacy-notice link): the
    first render after a publish queries, the rest don't. Without a cache it just computes.
    With `store=False` a cached value is used but a computed one is not kept.
    """
    generation = current_generation()
    if generation is None:
        return compute()
    full_key = f"published:{generation}:{key}"
    try:
        cached = _cache().get(full_key)
    except Exception:
        logger.warning("page cache unavailable (read)", exc_info=True)
        cached = None
    if cached is not None:
        return cached[0]
    value = compute()
    if not store:
        return value
    try:
        _cache().set(full_key, (value,), timeout=timeout)
    except Exception:
        logger.warning("page cache unavailable (write)", exc_info=True)
    return value


_memo = {"generation": None, "values": {}}


def memoised_until_publish(key, compute, without_cache=None):
    """Like `cached_until_publish`, but kept in this process's memory: for values read on every
    request (the routing table), where unpickling them from the shared cache would cost more
    than it saves. The shared generation still decides when they are retired, so every
    replica drops them on the next publish. Callers must treat the value as a hint that they
    verify, because a change made without a signal does not retire it. While the cache is
    unavailable there is no generation to trust: `without_cache()` answers, else `compute()`."""
    generation = current_generation()
    if generation is None:
        return (without_cache or compute)()
    if _memo["generation"] != generation:
        _memo["generation"], _memo["values"] = generation, {}
    values = _memo["values"]
    if key not in values:
        values[key] = compute()
    return values[key]
