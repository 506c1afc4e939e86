"""core.compat's entries still fit the installed packages, and the project's behaviour through
them still works. A failure names the entry: read core/compat.py's comment for it first."""

import inspect

import psycopg
import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from core import compat

pytestmark = pytest.mark.django_db


def parameters(function):
    return list(inspect.signature(function).parameters)


# 1. modelsearch -----------------------------------------------------------------------------


def test_entry_1_modelsearch_compilers_keep_the_methods_and_lexemes_the_project_extends():
    # Only the running database's backend can be imported (each registers its own models).
    from django.db import connection

    message = "core.compat entry 1: modelsearch's query compilers changed"
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import (
            PostgresSearchBackend as Backend,
        )
        from modelsearch.backends.database.postgres.postgres import (
            PostgresSearchQueryCompiler,
        )
        from modelsearch.backends.database.postgres.query import Lexeme as PostgresLexeme

        assert parameters(PostgresSearchQueryCompiler.build_tsquery_content) == [
            "self",
            "query",
            "config",
            "invert",
        ], message
        assert {"prefix", "invert"} <= set(parameters(PostgresLexeme)), message
    else:
        from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend as Backend
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

        assert parameters(SQLiteSearchQueryCompiler.build_search_query_content) == [
            "self",
            "query",
            "config",
        ], message
        assert "prefix" in parameters(Lexeme), message
        assert parameters(SearchQueryExpression)[0] == "value", message
    assert hasattr(Backend, "index_class"), message
    assert hasattr(Backend, "query_compiler_class"), message
    assert callable(getattr(Backend.index_class, "add_items", None)), message


def test_entry_1_the_site_search_matches_a_stem_as_a_prefix(tr):
    """ "belediyele" is neither a word of the seed nor a stem: only a prefix match finds
    "belediyeler"."""
    from seo.search.backend import StemPrefix

    backend = get_search_backend()
    assert type(backend).__name__.startswith("Stemming"), "core.compat entry 1: backend not built"
    pages = Page.objects.live().filter(locale=tr)
    found = list(backend.search(StemPrefix("belediyele"), pages))
    assert found, "core.compat entry 1: the prefix compiler no longer matches prefixes"
    assert not list(backend.search("belediyele", pages.none()))


# 2. wagtail-localize --------------------------------------------------------------------------


def test_entry_2_wagtail_localizes_po_upload_address_reaches_the_projects_view():
    url = reverse("wagtail_localize:upload_pofile", args=[7])
    expected = "/admin/" + compat.WAGTAIL_LOCALIZE_PO_UPLOAD_PATH.replace(
        "<int:translation_id>", "7"
    )
    assert url == expected, (
        f"core.compat entry 2: wagtail-localize's PO upload moved to {url}; "
        "update WAGTAIL_LOCALIZE_PO_UPLOAD_PATH"
    )
    assert resolve(url).url_name == "editorial_upload_pofile", (
        "core.compat entry 2: wagtail-localize's own upload view answers the address"
    )


# 3. Django's PostgreSQL backend ---------------------------------------------------------------


def test_entry_3_postgresql_backend_opens_connections_where_the_project_waits():
    wrapper, operational_error = compat.postgresql_backend()
    message = "core.compat entry 3: Django's PostgreSQL backend changed"
    assert parameters(wrapper.get_new_connection) == ["self", "conn_params"], message
    assert issubclass(operational_error, psycopg.OperationalError), message


def test_entry_3_a_paused_connection_fails_at_once_with_the_drivers_error():
    from core.postgresql.base import ConnectionPause, DatabaseWrapper, pauses

    connection = DatabaseWrapper({"NAME": "unused", "OPTIONS": {}}, alias="compat-test")
    pauses["compat-test"] = ConnectionPause()
    pauses["compat-test"].timed_out()
    try:
        with pytest.raises(psycopg.OperationalError, match="not trying again yet"):
            connection.get_new_connection({"connect_timeout": 1})
    finally:
        del pauses["compat-test"]


# Uses removed from the project, guarded through upstream's public behaviour ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Yerel diplomasi\nİklim\nKültür",
        "Yerel diplomasi, İklim, Kültür",
        "  Bir,\n İki ,\n\nÜç  ",
        "Tek",
        "",
    ],
)
def test_choices_split_as_wagtails_form_builder_splits_them(text):
    """forms_app.choices repeats Wagtail's private splitter; the form's options must match."""
    from wagtail.contrib.forms.forms import FormBuilder

    from forms_app.choices import split_choices

    class Field:
        choices = text

    upstream = [label for label, _ in FormBuilder([]).get_formatted_field_choices(Field())]
    assert split_choices(text) == [label for label in upstream if label], (
        "Wagtail's form builder splits choices differently now: update forms_app.choices"
    )


def test_the_inbox_export_overrides_wagtails_export_methods_with_their_signatures():
    """forms_app.admin_views overrides these public methods of Wagtail's SpreadsheetExportMixin."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from forms_app.admin_views import InquiryIndexView

    for name in ("get_export_url", "as_spreadsheet"):
        assert parameters(getattr(InquiryIndexView, name)) == parameters(
            getattr(SpreadsheetExportMixin, name)
        ), f"Wagtail's SpreadsheetExportMixin.{name} changed its signature"


@pytest.mark.django_db
def test_entry_5_wagtail_answers_the_site_handed_to_it_without_a_query():
    request = RequestFactory().get("/en/")
    site = Site.objects.get(is_default_site=True)
    compat.remember_request_site(request, site)
    with CaptureQueriesContext(connection) as queries:
        found = Site.find_for_request(request)
    assert found is site, (
        "core.compat entry 5: Wagtail no longer reads request._wagtail_site in "
        "Site.find_for_request; core/routing.py's Site memo has no effect"
    )
    assert len(queries) == 0


# 6. Django's Redis cache client ---------------------------------------------------------------


def test_entry_6_djangos_redis_cache_still_takes_its_client_from_the_attribute():
    from django.core.cache.backends.redis import RedisCache

    from core.cache_backends import ProcessRedisCacheClient, ResilientRedisCache

    client_class, attribute = compat.redis_cache_client()
    message = "core.compat entry 6: Django's RedisCache no longer picks its client class there"
    assert getattr(RedisCache("redis://127.0.0.1:1/0", {}), attribute) is client_class, message
    backend = ResilientRedisCache("redis://127.0.0.1:1/0", {})
    assert isinstance(backend._cache, ProcessRedisCacheClient), message


def test_entry_6_every_redis_cache_operation_asks_get_client_for_its_client():
    client_class, _ = compat.redis_cache_client()
    message = "core.compat entry 6: Django's RedisCacheClient changed"
    assert parameters(client_class.get_client) == ["self", "key", "write"], message
    assert parameters(client_class._get_connection_pool_index) == ["self", "write"], message
    client = client_class(["redis://127.0.0.1:1/0"])
    for name in ("_servers", "_pool_class", "_pool_options", "_client"):
        assert hasattr(client, name), f"{message}: no {name}"
    operations = ("add", "get", "set", "touch", "delete", "get_many", "has_key", "incr")
    for name in (*operations, "set_many", "delete_many", "clear"):
        code = getattr(client_class, name).__code__
        assert "get_client" in code.co_names, f"{message}: {name} no longer calls get_client"
