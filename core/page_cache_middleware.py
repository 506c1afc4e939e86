"""The page cache's middleware, first in MIDDLEWARE: a hit is one cache round trip and nothing
else, no other middleware runs for it.

So an entry is the response as the whole stack finished it: every header the other middleware
add (nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options, the CSP, HSTS on
https, Permissions-Policy, Content-Language, Vary, Link, X-Robots-Tag...) is stored with it and
given back on a hit, and its body is stored three times, as identity, gzip and brotli
(core/content_coding.py), compressed once when it is stored. A hit fetches only the body in
the coding the browser prefers.

What may be answered from the cache, and what may be stored, is decided before any view runs
(from the method, the path and the cookies) and after it (from the response): see
`PageCacheMiddleware`. The versions that retire entries are core/page_cache.py's.
"""

import gzip
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .content_coding import encoded_bodies, preferred_coding
from .page_cache import (
    LONGEST_CACHED_PATH,
    CacheAddress,
    cdn_cache_seconds,
    page_cache_seconds,
    read_entry,
    read_request_versions,
    remember_versions,
    request_scope,
    store_entries,
    trust_is_known,
)

logger = logging.getLogger(__name__)

# Never stored: worked out again for each answer (the length and coding of the body sent, an
# ETag of that body), one visitor's (cookies), or about the connection, not the page.
NOT_STORED = frozenset(
    {
        "connection",
        "content-encoding",
        "content-length",
        "date",
        "etag",
        "keep-alive",
        "set-cookie",
        "transfer-encoding",
        "x-cache",
    }
)
# A Content-Security-Policy with a nonce belongs to one response: such a page is neither stored
# nor given to a CDN (the public templates use no nonce; tests/test_security.py).
NONCE_MARK = "'nonce-"
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


# A lookup made in front of Django (PageCacheApplication) that found nothing, for the middleware.
LOOKUP_ENVIRON_KEY = "mbbcms.page_cache.lookup"


@dataclass(frozen=True)
class Lookup:
    """What the page cache found for a request: the address, the entries' key (None with the
    page cache off), the entry in the coding the request prefers (if any and still valid),
    and the versions read with it."""

    address: CacheAddress
    key: str | None
    entry: dict | None
    versions: tuple

    @property
    def may_store(self):
        """A rendered page may be stored: under trusted versions, for the normal form of
        its address (a variant is answered, never stored)."""
        return self.key is not None and self.address.canonical and None not in self.versions


class PageCacheMiddleware:
    """Serve and store anonymous public pages, and tell a CDN it may keep them too.

    A request may be answered from the cache when it is an anonymous read (GET or HEAD, no
    session or messages cookie: the signed-in user bar and flash messages are one visitor's),
    outside the excluded prefixes and the static and media files, for a host the site accepts
    and, under SECURE_SSL_REDIRECT, over https (an http request goes on to be redirected). On a
    miss the request goes through the rest of the stack; the final response is stored when it
    is a 200 HTML page that sets no cookie, is not private and carries no CSP nonce, for the
    normal form of its address (CacheAddress), under the versions read before it rendered.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        excluded = getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ("/admin/", "/documents/"))
        # Static files and media are answered further in (WhiteNoise, the media view): they
        # are no pages, and would only cost a cache round trip each.
        files = (settings.STATIC_URL, settings.MEDIA_URL)
        self.excluded_prefixes = tuple(excluded) + tuple(
            url for url in files if url and url.startswith("/") and url != "/"
        )
        self.personal_cookies = {
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        }

    def __call__(self, request):
        with request_scope():
            return self.serve(request)

    def serve(self, request):
        if not self.may_answer(request):
            return self.get_response(request)
        lookup = request.META.get(LOOKUP_ENVIRON_KEY) or self.look_up(request)
        if lookup.entry is not None:
            return HttpResponse(lookup.entry["body"], headers=lookup.entry["headers"])
        if lookup.key is not None:
            remember_versions(request.path, lookup.versions)  # read in front of Django
        elif getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) > 0:
            read_request_versions(request.path)

        response = self.get_response(request)
        if not self.is_cacheable(response):
            return response
        self.public(response)
        if lookup.may_store and request.method == "GET":
            entries = self.freeze(response, lookup.versions)
            if entries is not None:
                store_entries(
                    {f"{lookup.key}:{coding}": entry for coding, entry in entries.items()}
                )
                response["X-Cache"] = "MISS"
        return response

    def may_answer(self, request):
        return self.is_anonymous_read(request) and self.is_served_as_asked(request)

    @staticmethod
    def look_up(request, trusted=None):
        """The request's entry and versions, in one cache round trip; no entry is looked up
        with the page cache off or for a very long address (search words)."""
        address = CacheAddress.of(request)
        if page_cache_seconds() <= 0 or len(address.path) > LONGEST_CACHED_PATH:
            return Lookup(address, None, None, (None, None))
        coding = preferred_coding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        key = address.key
        entry, versions = read_entry(f"{key}:{coding}", request.path, trusted)
        return Lookup(address, key, entry, versions)

    def is_anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.excluded_prefixes)
            and not self.personal_cookies & request.COOKIES.keys()
        )

    @staticmethod
    def is_served_as_asked(request):
        """False when the stack would not serve the page itself: SecurityMiddleware redirects
        http to https (keys carry the scheme, so no https entry answers http anyway), and a
        host outside ALLOWED_HOSTS is refused (an entry is stored only for a host that was
        served; this keeps it so after ALLOWED_HOSTS changes)."""
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False
        return True

    @staticmethod
    def is_cacheable(response):
        """Whether any anonymous visitor may be given this response, here or at a CDN."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        if any(NONCE_MARK in response.get(name, "") for name in CSP_HEADERS):
            return False
        return response.get("Content-Type", "").startswith("text/html")

    @staticmethod
    def public(response):
        """A page any visitor may be given: browsers keep it briefly, a CDN longer (its
        copies are purged on publish, core/invalidation.py). It varies with the cookies (a
        session is never given a cached page) and with Accept-Encoding (its coding)."""
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        if cdn_cache_seconds() > 0:
            patch_cache_control(
                response,
                public=True,
                max_age=getattr(settings, "CACHE_CONTROL_MAX_AGE", 60),
                s_maxage=cdn_cache_seconds(),
            )
        return response

    @staticmethod
    def freeze(response, versions):
        """{coding: entry} for the response as the stack (and `public`) finished it: its
        headers, less those of NOT_STORED, and its body in that coding with the headers that
        go with it, so that a hit only copies them. None for a body in a coding other than
        GZipMiddleware's (nothing in the stack makes one)."""
        body = response.content
        coding = response.get("Content-Encoding", "identity")
        if coding == "gzip":
            body = gzip.decompress(body)  # once per stored page: the identity body
        elif coding != "identity":
            return None
        headers = {
            name: value for name, value in response.items() if name.lower() not in NOT_STORED
        }
        entries = {}
        for coding, encoded in encoded_bodies(body).items():
            coded = {"Content-Encoding": coding} if coding != "identity" else {}
            entries[coding] = {
                "body": encoded,
                "headers": {
                    **headers,
                    **coded,
                    "Content-Length": str(len(encoded)),
                    "X-Cache": "HIT",
                },
                "versions": versions,
            }
        return entries


class PageCacheApplication:
    """The WSGI application in front of Django's (mbbcms/wsgi.py): a hit is answered here,
    before Django's request handling (its request signals, URL configuration, response
    conversion), which costs more than the hit itself. Everything else goes to Django, with
    what this lookup read, so PageCacheMiddleware renders and stores without reading again.

    The decisions are PageCacheMiddleware's own (`may_answer`, `look_up`), on Django's own
    request object; the test client, which calls Django directly, exercises them through the
    middleware. A request that would need the database here (the periodic look for missed
    publishes, core/page_cache.py) goes to Django, which opens and closes connections."""

    def __init__(self, application):
        self.application = application
        self.middleware = None  # built on the first request, when settings are ready

    def __call__(self, environ, start_response):
        try:
            entry = self.cached_entry(environ)
        except Exception:  # e.g. a query string Django refuses: Django answers it properly
            logger.warning("page cache front could not read the request", exc_info=True)
            entry = None
        if entry is None:
            return self.application(environ, start_response)
        start_response("200 OK", list(entry["headers"].items()))
        return [entry["body"]]

    def cached_entry(self, environ):
        if page_cache_seconds() <= 0:
            return None
        trusted = trust_is_known()
        if trusted is None:
            return None
        if self.middleware is None:
            self.middleware = PageCacheMiddleware(self.application)
        request = WSGIRequest(environ)
        with request_scope():
            if not self.middleware.may_answer(request):
                return None
            lookup = self.middleware.look_up(request, trusted)
        if lookup.entry is None:
            environ[LOOKUP_ENVIRON_KEY] = lookup
        return lookup.entry
