"""Every use of a private or undocumented API of Wagtail, wagtail-localize, modelsearch, Django
or django-csp that the project still makes, in one place.

Each entry says what it uses and why no public way does the job. tests/test_compat.py checks
each against the installed packages and fails with a message naming the entry: after an upgrade,
read that message first. Prefer removing an entry (a hook, a setting, a template block, a few
lines of upstream logic repeated with a comment) to adding one.

Entries:
1. stemming_search_backend: modelsearch's database backends, their `index_class`,
   `query_compiler_class` and the compilers' `build_tsquery_content` (PostgreSQL) and
   `build_search_query_content` (SQLite FTS5).
2. WAGTAIL_LOCALIZE_PO_UPLOAD_PATH: the address of wagtail-localize's PO upload view.
3. postgresql_backend: Django's PostgreSQL `DatabaseWrapper.get_new_connection` and the
   backend's driver module `Database`.
4. FrontendCacheConfig: wagtail.contrib.frontend_cache's app config without its ready().
5. remember_request_site: Wagtail's per-request memo of the Site, `request._wagtail_site`.
6. redis_cache_client: Django's `RedisCacheClient`, chosen through `RedisCache._class`, and
   its `get_client`.
"""

# 1. modelsearch ---------------------------------------------------------------------------
# The site indexes and searches folded, stemmed text (seo/search/backend.py). modelsearch has
# no documented way to change what an index stores or to add a query type, so the project
# subclasses the backend chosen for the database, its index class (to prepare the text) and
# its query compiler (to match a stem as a prefix: "belediye" finds "belediyeler").


def _sqlite_prefix_compiler(base, prefix_query_class):
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    if not issubclass(base, SQLiteSearchQueryCompiler):  # SQLite without FTS5
        return base

    class PrefixSQLiteCompiler(base):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, prefix_query_class):
                return SearchQueryExpression(Lexeme(query.query_string, prefix=True))
            return super().build_search_query_content(query, config=config)

    return PrefixSQLiteCompiler


def _postgresql_prefix_compiler(base, prefix_query_class):
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.query import Lexeme

    class PrefixPostgresCompiler(base):
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, prefix_query_class):
                lexeme = Lexeme(query.query_string, prefix=True, invert=invert)
                return SearchQuery(lexeme, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    return PrefixPostgresCompiler


PREFIX_COMPILERS = {"sqlite": _sqlite_prefix_compiler, "postgresql": _postgresql_prefix_compiler}


def stemming_search_backend(params, *, index_mixin, search_mixin, prefix_query_class):
    """modelsearch's database backend for the database in use, its index class extended with
    `index_mixin`, the backend with `search_mixin`, and (PostgreSQL, SQLite FTS5) a compiler
    that matches `prefix_query_class` queries as prefixes; elsewhere they match whole words."""
    from django.db import connection
    from modelsearch.backends.database import SearchBackend

    backend = SearchBackend(params)
    attributes = {
        "index_class": type(
            f"Stemming{backend.index_class.__name__}", (index_mixin, backend.index_class), {}
        )
    }
    make_compiler = PREFIX_COMPILERS.get(connection.vendor)
    if make_compiler:
        attributes["query_compiler_class"] = make_compiler(
            backend.query_compiler_class, prefix_query_class
        )
    name = f"Stemming{type(backend).__name__}"
    return type(name, (search_mixin, type(backend)), attributes)(params)


# 2. wagtail-localize -----------------------------------------------------------------------
# The translation editor posts PO files to this address, and wagtail-localize's view answers a
# PO file without its translation-ID header with a server error. The project's view
# (editorial.views.upload_pofile, on public Translation.import_po) is registered at the same
# address before wagtail-localize's URLs, so the editor's form reaches it. Drop this entry when
# upstream checks the header.
WAGTAIL_LOCALIZE_PO_UPLOAD_PATH = "localize/translate/<int:translation_id>/pofile/upload/"


# 3. Django's PostgreSQL backend -------------------------------------------------------------
# core/postgresql/base.py pauses new connection attempts after one ran into connect_timeout,
# so requests fail fast while the database hangs. `get_new_connection(conn_params)` is where
# every backend opens a connection (Django documents subclassing backends, not this method),
# and `Database` is the driver module whose OperationalError Django turns into its own.


def postgresql_backend():
    """(Django's PostgreSQL DatabaseWrapper, the driver's OperationalError)."""
    from django.db.backends.postgresql import base

    return base.DatabaseWrapper, base.Database.OperationalError


# 4. wagtail.contrib.frontend_cache ----------------------------------------------------------
# Installed as "core.compat.FrontendCacheConfig": the app without its own publish handlers, which
# purge the CDN before the publish commits and only the page itself; core/invalidation.py purges
# the whole set after the commit through the documented PurgeBatch. Relies on upstream's
# ready() doing nothing but connect those handlers (tests/test_cache_backend.py checks it).
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig  # noqa: E402


class FrontendCacheConfig(WagtailFrontendCacheAppConfig):
    """wagtail.contrib.frontend_cache without its own publish handlers: they purge the CDN
    while the publish is still uncommitted (a refetch in between would cache the old page)
    and only the page itself. core/invalidation.py purges the whole set after the commit,
    through the app's documented PurgeBatch."""

    def ready(self):
        pass  # upstream's ready() only connects those handlers (tests/test_cache_backend.py)


# 5. Wagtail's Site of a request ----------------------------------------------------------
# `Site.find_for_request` runs one query per request (a CASE-ordered lookup with the root page
# joined), about a third of a page view's time when the page's fragments come from the cache.
# core/routing.py keeps each host's Site in the process under the site version and hands it to
# Wagtail through the memo `find_for_request` reads first, so the pages' URLs, settings and
# routing use it without asking the database again. Wagtail has no public way to supply it.
SITE_MEMO = "_wagtail_site"


def remember_request_site(request, site):
    """Make `Site.find_for_request(request)` answer `site` for the rest of this request."""
    setattr(request, SITE_MEMO, site)


# 6. Django's Redis cache client ---------------------------------------------------------------
# Django's RedisCacheClient.get_client() builds a new redis.Redis for every cache call (about
# 160 us, a quarter of a page-cache hit's CPU), and each thread has its own cache backend.
# core/cache_backends.py keeps one redis.Redis and its connection pool per process, server and
# options instead. Django has no setting for the client class: RedisCache.__init__ sets it as
# the instance attribute `_class`, and the client's `get_client(key, *, write)` is where every
# operation asks for a redis.Redis. The subclass reads the client's `_servers`, `_pool_class`,
# `_pool_options` and `_client` (redis.Redis) and calls `_get_connection_pool_index(write)`,
# as upstream's own get_client does (tests/test_compat.py checks all of these). Drop this entry
# when Django reuses its client.


def redis_cache_client():
    """(Django's RedisCacheClient, the name of the RedisCache attribute holding it)."""
    from django.core.cache.backends.redis import RedisCacheClient

    return RedisCacheClient, "_class"
