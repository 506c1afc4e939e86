"""Wagtail's database search backend, made to index each page in its own language.

Use it as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "seo.search.backend". Like Wagtail's
own "wagtail.search.backends.database", it picks the implementation for the database in use
(PostgreSQL full-text search, SQLite FTS5, or the plain fallback) and adds two things:

- Indexed text is folded with `fold_for_index` for the page's language, so "İstanbul",
  "ISTANBUL" and "istanbul" become the same word on every database, whatever its collation.
- On PostgreSQL, each language is matched with its own text-search configuration
  (SEARCH_CONFIGS, e.g. {"tr": "turkish", "en": "english"}). English pages are stemmed as
  usual. Turkish is agglutinative and PostgreSQL's Turkish stemmer gives the singular and the
  plural different stems ("belediye" → beledi, "belediyeler" → belediye), so for languages in
  PREFIX_STEM_LANGUAGES pages are indexed word for word and each query word matches either
  itself or any word that starts with its Turkish stem: "belediyeler" finds "belediye",
  "belediyelerin" and "belediyeler". A query is matched against every language's rules at
  once; the caller restricts results to one locale, so visitors only see their own language.
"""

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as _database_backend_for
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from .folding import fold_for_index

DEFAULT_LANGUAGE = "tr"
# Pages of PREFIX_STEM_LANGUAGES are indexed word for word with this configuration.
UNSTEMMED_CONFIG = "simple"


def language_of(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None) or DEFAULT_LANGUAGE


class _FoldedForIndexing:
    """Stands in for a model instance while it is indexed: same fields, text values folded.

    The upstream indexers only call `get_search_fields()`, read `pk` and call
    `field.get_value(obj)` (also on related objects, for RelatedFields), so wrapping the
    fields is enough to change what gets stored.
    """

    def __init__(self, obj, language_code):
        self.obj = obj
        self.pk = obj.pk
        self.language_code = language_code
        self._fields = [self._fold(field) for field in obj.get_search_fields()]

    def get_search_fields(self):
        return self._fields

    def _real(self, obj):
        return self.obj if obj is self else obj

    def _fold(self, field):
        folded = copy.copy(field)
        original_get_value = field.get_value
        if isinstance(field, RelatedFields):
            folded.fields = [self._fold(sub_field) for sub_field in field.fields]

            def get_value(obj):
                return original_get_value(self._real(obj))

        elif isinstance(field, (SearchField, AutocompleteField)):

            def get_value(obj):
                return fold_value(original_get_value(self._real(obj)), self.language_code)

        else:

            def get_value(obj):
                return original_get_value(self._real(obj))

        folded.get_value = get_value
        return folded


def fold_value(value, language_code):
    if isinstance(value, str):
        return fold_for_index(value, language_code)
    if isinstance(value, (list, tuple)):
        return [fold_value(item, language_code) for item in value]
    if isinstance(value, dict):
        return {key: fold_value(item, language_code) for key, item in value.items()}
    return value


def group_by_language(objs):
    groups = defaultdict(list)
    for obj in objs:
        language_code = language_of(obj)
        groups[language_code].append(_FoldedForIndexing(obj, language_code))
    return groups


class FoldingIndexMixin:
    def add_items(self, model, objs):
        for language_code, folded in group_by_language(objs).items():
            self.index_for_language(language_code).add_items_unfolded(model, folded)

    def index_for_language(self, language_code):
        return self

    def add_items_unfolded(self, model, objs):
        super().add_items(model, objs)


# A word's stem in a language's configuration (empty for stop words).
STEMS_SQL = """
    SELECT t.word, (SELECT min(lexeme) FROM unnest(to_tsvector(%s::regconfig, t.word)))
    FROM unnest(%s::text[]) AS t(word)
"""
# Shorter stems as prefixes match too much ("ağları" stems to "ak").
MIN_PREFIX_STEM = 4


def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.query import And, Or, PlainText

    class LocaleAwarePostgresIndex(FoldingIndexMixin, PostgresIndex):
        def index_for_language(self, language_code):
            # The upstream indexer reads the configuration from the backend it is given.
            backend = copy.copy(self.backend)
            backend.config = self.backend.index_config_for(language_code)
            index = copy.copy(self)
            index.backend = backend
            return index

    class AnyLanguageQueryCompiler(PostgresSearchQueryCompiler):
        # ((configuration, match stems as prefixes?), ...): set per backend instance.
        plans = ()

        def build_tsquery(self, query, config=None):
            """The query as each language would match it, OR-ed together."""
            combined = None
            for language_config, prefix_stems in self.plans or ((config, False),):
                if prefix_stems:
                    tsquery = self.build_prefix_stem_tsquery(query, language_config)
                else:
                    tsquery = self.build_tsquery_content(query, config=language_config)
                if tsquery is None:
                    return None
                combined = tsquery if combined is None else combined | tsquery
            return combined

        def build_prefix_stem_tsquery(self, query, language_config):
            lexemes = self.prefix_stem_lexemes(query, language_config)
            if lexemes is None:
                return None
            return SearchQuery(lexemes, search_type="raw", config=UNSTEMMED_CONFIG)

        def prefix_stem_lexemes(self, query, language_config):
            """Each word as typed, or its stem followed by anything ("belediye" → beledi*)."""
            if isinstance(query, (And, Or)):
                parts = [self.prefix_stem_lexemes(q, language_config) for q in query.subqueries]
                parts = [part for part in parts if part is not None]
                if not parts:
                    return None
                joined = parts[0]
                for part in parts[1:]:
                    joined = joined & part if isinstance(query, And) else joined | part
                return joined
            if not isinstance(query, PlainText):
                raise NotImplementedError(f"{type(query).__name__} is not supported here.")
            words = [word for word in query.query_string.split() if word]
            stems = self.stems(words, language_config)
            # Stop words ("ve", "bir") would only narrow the results: leave them out.
            content_words = [word for word in words if stems.get(word)] or words
            terms = []
            for word in content_words:
                term = Lexeme(word)
                stem = stems.get(word) or ""
                if len(stem) >= MIN_PREFIX_STEM:
                    term = term | Lexeme(stem, prefix=True)
                terms.append(term)
            if not terms:
                return None
            joined = terms[0]
            for term in terms[1:]:
                joined = joined & term if query.operator == "and" else joined | term
            return joined

        def stems(self, words, language_config):
            cache = self.__dict__.setdefault("_stems", {})
            key = (language_config, tuple(words))
            if key not in cache:
                with connection.cursor() as cursor:
                    cursor.execute(STEMS_SQL, [language_config, list(words)])
                    cache[key] = dict(cursor.fetchall())
            return cache[key]

    class LocaleAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleAwarePostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self.configs = dict(params.get("SEARCH_CONFIGS", {}))
            self.prefix_stem_languages = set(params.get("PREFIX_STEM_LANGUAGES", ()))
            self.config = self.config or self.configs.get(DEFAULT_LANGUAGE)
            plans = {
                (config, language in self.prefix_stem_languages): None
                for language, config in self.configs.items()
            } or {(self.config, False): None}
            self.query_compiler_class = type(
                "AnyLanguageQueryCompiler", (AnyLanguageQueryCompiler,), {"plans": tuple(plans)}
            )

        def index_config_for(self, language_code):
            if language_code in self.prefix_stem_languages:
                return UNSTEMMED_CONFIG
            return self.configs.get(language_code, self.config)

    return LocaleAwarePostgresSearchBackend


def _folding_subclass(backend):
    """The same backend class with an index that folds text before storing it."""
    index_class = type(
        f"Folding{backend.index_class.__name__}", (FoldingIndexMixin, backend.index_class), {}
    )
    return type(f"Folding{type(backend).__name__}", (type(backend),), {"index_class": index_class})


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name in the backend module
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = _database_backend_for(params)
    return _folding_subclass(backend)(params)
