"""Full-page cache for anonymous visitors.

Anonymous GET/HEAD requests for public pages are answered from the cache; everything that can
differ per visitor (a session or messages cookie, a response that sets a cookie, a non-200
status, `Cache-Control: private/no-store`) bypasses it. Invalidation is one integer: every
publish, unpublish, move or delete of anything a page can show bumps a generation number that
is part of every key, so one bump retires every cached page at once (on Redis, for all
replicas). Cache failures never break a request: the page is simply rendered.
"""

import contextvars
import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "X-Robots-Tag")


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
    except Exception:  # noqa: BLE001 - a failing cache must not fail the page
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
    except Exception:  # noqa: BLE001
        logger.warning("page cache unavailable (invalidation)", exc_info=True)
    this_request = _request_generation.get()
    if this_request is not None:
        this_request.pop("generation", None)  # this request's own publish: read it anew


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
        try:
            return self.serve(request)
        finally:
            _request_generation.reset(token)

    def serve(self, request):
        key = self.cache_key(request)
        if key is None:
            return self.get_response(request)
        cache = _cache()
        try:
            cached = cache.get(key)
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable (read)", exc_info=True)
            cached = None
        if cached is not None:
            return self.rebuild(cached, request)

        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable(response):
            try:
                cache.set(key, self.freeze(response), timeout=page_cache_seconds())
            except Exception:  # noqa: BLE001
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
        if len(request.META.get("QUERY_STRING", "")) > 200:
            return None  # don't let arbitrary query strings fill the cache
        generation = current_generation()
        if generation is None:
            return None
        host = request.META.get("HTTP_HOST", "")
        return f"pagecache:{generation}:{host}:{request.get_full_path()}"

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


def connect_invalidation_signals():
    """Publish, unpublish, move and delete of pages, and saves/deletes of everything a page can
    show (snippets, redirects, images, documents, sites, locales). Called from
    HomeConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_page_cache, dispatch_uid=f"pagecache-{id(signal)}")
    # Page saves are drafts until published (page_published covers those); deletes count.
    post_delete.connect(_invalidate_on_model_change, dispatch_uid="pagecache-delete")
    post_save.connect(_invalidate_on_save, dispatch_uid="pagecache-save")


def _invalidate_on_save(sender, **kwargs):
    from wagtail.models import Page

    if not issubclass(sender, Page):
        _invalidate_on_model_change(sender, **kwargs)


def cached_until_publish(key, compute, timeout=24 * 60 * 60):
    """`compute()`'s result, kept in the cache until the next publish retires the generation.

    For small things every page of a language shows (footer, the privacy-notice link): the
    first render after a publish queries, the rest don't. Without a cache it just computes.
    """
    generation = current_generation()
    if generation is None:
        return compute()
    full_key = f"published:{generation}:{key}"
    try:
        cached = _cache().get(full_key)
    except Exception:  # noqa: BLE001
        cached = None
    if cached is not None:
        return cached[0]
    value = compute()
    try:
        _cache().set(full_key, (value,), timeout=timeout)
    except Exception:  # noqa: BLE001
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
