"""Full-page cache for anonymous visitors, and the versions everything cached is kept under.

Anonymous GET/HEAD requests for public pages are answered from the cache, first thing in the
middleware stack (core/page_cache_middleware.py); everything that can differ per visitor (a
session or messages cookie, a response that sets a cookie, a non-200 status,
`Cache-Control: private/no-store`) bypasses it.

Invalidation is by version, not by deleting entries (docs/architecture.md): the site has one
version (what every page shows: menu, footer, contact details, sites, locales, redirects,
images, documents) and each URL path has one (that page and the pages it lists). A cached
page stores the two versions it was rendered under and is valid only while both are current;
core/invalidation.py replaces versions after each commit. Cache failures never break a
request: the page is simply rendered. While a change could not be applied to the cache (a
publish during a Redis outage), no process trusts the cache until it has been.
"""

import contextlib
import contextvars
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http.request import split_domain_port

from .cdn import purge_cdn

logger = logging.getLogger(__name__)

LONGEST_CACHED_PATH = 400  # don't let long search words fill the cache


# The query parameters public pages read: the directory's sort and year, the search's words
# and page. Others (utm_*, fbclid, anything unknown) change nothing on a page, so they never
# vary a cache key.
QUERY_PARAMETERS_USED = frozenset({"joined", "page", "q", "sort"})


@dataclass(frozen=True)
class CacheAddress:
    """What a request asks for, as the caches key it: the scheme (a page's share-image and
    canonical URLs carry it), the host in its one normal form (lower case, no trailing dot,
    no port unless it is the server's own) and the path with only the query parameters pages
    use, sorted.

    A variant (another port or case of the host, a tracking parameter) is answered from the
    normal form's entry but never stored: it adds no entries, and what it renders (a share
    image's URL from its Host, a language link with its query string) never reaches anyone
    else."""

    scheme: str
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
        query, unused = "", False
        if request.META.get("QUERY_STRING"):
            used = sorted(
                (name, value)
                for name, values in request.GET.lists()
                if name in QUERY_PARAMETERS_USED
                for value in values
            )
            query = urlencode(used)
            unused = any(name not in QUERY_PARAMETERS_USED for name in request.GET)
        return cls(
            scheme=request.scheme,
            host=host,
            path=f"{request.path}?{query}" if query else request.path,
            canonical=bool(domain) and raw_host == host and not unused,
        )

    @property
    def key(self):
        return "pagecache:entry:" + _digest(f"{self.scheme}://{self.host}{self.path}")


def _digest(text):
    # Keys hold no raw path or host: those may carry spaces or non-ASCII characters, which
    # some cache backends refuse, and a long path would make a long key.
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def cdn_cache_seconds():
    return getattr(settings, "CDN_CACHE_SECONDS", page_cache_seconds())


# Versions --------------------------------------------------------------------------------
#
# Each version is a random token in the shared cache; an invalidation replaces it with a new
# one, so whatever was stored under the old token is never valid again. Tokens, not counters:
# after a flush or an eviction a new token never repeats one that something was stored under.

SITE_VERSION_KEY = "pagecache:site"


def page_version_key(path):
    return "pagecache:path:" + _digest(path)


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
    value = read_versions([key])[key] if cache_trusted() else None
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


def bump_versions(paths=(), site=False):
    """Give the paths (and the site, if `site`) new versions: everything stored under the old
    ones is retired, on every replica. False if the cache did not take them."""
    keys = [page_version_key(path) for path in paths]
    if site:
        keys.append(SITE_VERSION_KEY)
    if not keys:
        return True
    try:
        # set_many returns the keys it failed to set (the degrading Redis backend: all of
        # them while Redis is unreachable).
        failed = _cache().set_many({key: new_version() for key in keys}, version_seconds())
    except Exception:
        logger.warning("page cache unavailable (invalidation)", exc_info=True)
        failed = True
    memo = _request_versions.get()
    if memo is not None:
        memo.clear()  # this request's own change: read the versions anew
    return not failed


# Invalidations the cache did not take ---------------------------------------------------
#
# A change committed while the cache was unreachable is recorded (core.PendingPurge, in the
# database, which just committed the change). While such records exist the cache is not
# trusted: versions are None, so nothing is read from or written to it, by this process at
# once and by every other one within PAGE_CACHE_PENDING_CHECK_SECONDS. The first process
# that reaches the cache again applies the records and deletes them.


class _Trust:
    untrusted = False
    next_check = 0.0  # a new process looks for records before it first trusts the cache


def _check_interval():
    # None: only this process's own records are known (tests: no query outside a request's
    # own); the records are then retried on every version read.
    return getattr(settings, "PAGE_CACHE_PENDING_CHECK_SECONDS", 5)


def cache_trusted():
    known = trust_is_known()
    if known is not None:
        return known
    _Trust.next_check = time.monotonic() + (_check_interval() or 0)
    _Trust.untrusted = not apply_pending_purges()
    return not _Trust.untrusted


def trust_is_known():
    """`cache_trusted()` when it needs no database query now, else None (a check is due):
    for code that runs outside Django's request handling, which manages connections."""
    interval = _check_interval()
    if time.monotonic() < _Trust.next_check or (interval is None and not _Trust.untrusted):
        return not _Trust.untrusted
    return None


def record_pending_purge(paths, site, urls=()):
    """The cache did not take an invalidation: keep it for later, and stop trusting the
    cache until then."""
    from .models import PendingPurge

    _Trust.untrusted = True
    _Trust.next_check = time.monotonic() + (_check_interval() or 0)
    try:
        PendingPurge.objects.create(paths=sorted(paths), site=site, urls=sorted(urls))
    except DatabaseError:
        logger.exception("a publish the cache missed could not be recorded either")


def apply_pending_purges():
    """Apply recorded invalidations; True when none is left."""
    from .models import PendingPurge

    try:
        pending = list(PendingPurge.objects.all())
    except DatabaseError:
        logger.warning("pending purges could not be read", exc_info=True)
        return False
    if not pending:
        return True
    paths = {path for row in pending for path in row.paths}
    site = any(row.site for row in pending)
    if not bump_versions(paths, site=site):
        return False
    # Pages a replica served from a stale entry before it noticed the records may be at the
    # CDN: purge those URLs again.
    purge_cdn({url for row in pending for url in row.urls}, every_page=site)
    try:
        PendingPurge.objects.filter(pk__in=[row.pk for row in pending]).delete()
    except DatabaseError:
        logger.warning("applied pending purges could not be deleted", exc_info=True)
    logger.info("applied %d pending cache purges", len(pending))
    return True


# Values kept under a version ------------------------------------------------------------


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


_process_memo = {}
PROCESS_MEMO_SIZE = 256


def memoised_for_path(path, key, compute):
    """Like `cached_for_path`, but kept in this process's memory: for values that cannot be
    pickled (a form class built at run time). Without a trusted cache it just computes."""
    version = page_version(path)
    if version is None:
        return compute()
    full_key = (key, version)
    if full_key not in _process_memo:
        if len(_process_memo) >= PROCESS_MEMO_SIZE:
            _process_memo.clear()  # retired versions pile up; dropping all is simplest
        _process_memo[full_key] = compute()
    return _process_memo[full_key]


_request_memo = contextvars.ContextVar("request_memo", default=None)


def memoised_for_request(key, compute):
    """`compute()`'s result for the rest of this request (a listing asks for the same labels
    on every row); outside a request it just computes. Never stale beyond the request."""
    memo = _request_memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# One request ---------------------------------------------------------------------------


@contextlib.contextmanager
def request_scope():
    """The versions and memoised values of one request (core/page_cache_middleware.py opens it
    around every request): each version is read once, and nothing outlives the request."""
    versions_token, memo_token = _request_versions.set({}), _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(memo_token)
        _request_versions.reset(versions_token)


def read_entry(entry_key, path, trusted=None):
    """(the page-cache entry at `entry_key` if still valid, the versions now): one round trip
    for the entry and both versions of `path`. The versions are this request's for everything
    it caches; (None, None) when the cache cannot be used or trusted (`trusted`: as
    `cache_trusted()` answered just before)."""
    keys = [SITE_VERSION_KEY, page_version_key(path)]
    memo = _request_versions.get()
    if not (cache_trusted() if trusted is None else trusted):
        memo.update(dict.fromkeys(keys))
        return None, (None, None)
    try:
        found = _cache().get_many([entry_key, *keys])
    except Exception:  # a failing cache must not fail the page
        logger.warning("page cache unavailable (read)", exc_info=True)
        found = None
    versions = read_versions(keys, found) if found is not None else dict.fromkeys(keys)
    memo.update(versions)
    current = tuple(versions[key] for key in keys)
    cached = (found or {}).get(entry_key)
    if cached is not None and None not in current and cached["versions"] == current:
        return cached, current
    return None, current


def remember_versions(path, versions):
    """This request's versions of the site and of `path`, read before Django saw it
    (core/page_cache_middleware.PageCacheApplication)."""
    keys = (SITE_VERSION_KEY, page_version_key(path))
    _request_versions.get().update(zip(keys, versions, strict=True))


def read_request_versions(path):
    """Both versions of `path` in one round trip, before a page renders its fragments."""
    keys = [SITE_VERSION_KEY, page_version_key(path)]
    versions = read_versions(keys) if cache_trusted() else dict.fromkeys(keys)
    _request_versions.get().update(versions)


def store_entries(entries):
    """Store page-cache entries ({key: entry}, each carrying the versions it was rendered
    under) in one round trip. A failing cache only means the page is rendered again."""
    try:
        _cache().set_many(entries, page_cache_seconds())
    except Exception:
        logger.warning("page cache unavailable (write)", exc_info=True)
