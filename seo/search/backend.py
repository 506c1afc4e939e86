"""Wagtail's database search backend, indexing each page in its own language, stemmed.

Use it as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "seo.search.backend", with
"SEARCH_CONFIG": "simple" (PostgreSQL must not stem a second time). Like Wagtail's own
"wagtail.search.backends.database", it picks the implementation for the database in use
(PostgreSQL full-text search, SQLite FTS5, or the plain fallback) and changes two things, so
that every database finds the same pages:

- What is indexed: text is folded with `fold_for_index` for the page's language ("İstanbul",
  "ISTANBUL" and "istanbul" become one word), then each word is followed by its Snowball stem
  in that language (seo/search/stemming.py).
- What is searched for: each query word becomes "the word, or its stem, or (Turkish) any word
  starting with its stem", in each folded form. Queries built with `language_query()` use one
  language's rules; plain strings (the admin's searches) use every language's rules at once.
"""

import copy
from collections import defaultdict

from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Not, Or, PlainText

from core.compat import stemming_search_backend
from core.folding import WORD, fold_for_index, query_variants

from .stemming import STEMMER_NAMES, prefix_stem, stem, with_stems

DEFAULT_LANGUAGE = "tr"


def language_of(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None) or DEFAULT_LANGUAGE


def text_for_index(value, language_code):
    """A field's value as the index stores it: folded, every word followed by its stem."""
    if isinstance(value, str):
        return with_stems(fold_for_index(value, language_code), language_code)
    if isinstance(value, (list, tuple)):
        return [text_for_index(item, language_code) for item in value]
    if isinstance(value, dict):
        return {key: text_for_index(item, language_code) for key, item in value.items()}
    return value


# --- Indexing ------------------------------------------------------------------------


class _PreparedForIndexing:
    """Stands in for a model instance while it is indexed: same fields, text values prepared.

    The upstream indexers only call `get_search_fields()`, read `pk` and call
    `field.get_value(obj)` (also on related objects, for RelatedFields), so wrapping the
    fields is enough to change what gets stored.
    """

    def __init__(self, obj, language_code):
        self.obj = obj
        self.pk = obj.pk
        self.language_code = language_code
        self._fields = [self._prepare(field) for field in obj.get_search_fields()]

    def get_search_fields(self):
        return self._fields

    def _real(self, obj):
        return self.obj if obj is self else obj

    def _prepare(self, field):
        prepared = copy.copy(field)
        original_get_value = field.get_value
        if isinstance(field, RelatedFields):
            prepared.fields = [self._prepare(sub_field) for sub_field in field.fields]

        def get_value(obj):
            value = original_get_value(self._real(obj))
            if isinstance(field, (SearchField, AutocompleteField)):
                return text_for_index(value, self.language_code)
            return value

        prepared.get_value = get_value
        return prepared


class StemmingIndexMixin:
    def add_items(self, model, objs):
        by_language = defaultdict(list)
        for obj in objs:
            language_code = language_of(obj)
            by_language[language_code].append(_PreparedForIndexing(obj, language_code))
        for prepared in by_language.values():
            super().add_items(model, prepared)


# --- Queries -------------------------------------------------------------------------


class StemPrefix(PlainText):
    """One stem that matches every indexed word starting with it (compiled as `stem*`)."""


class LanguageQuery(PlainText):
    """A visitor's words, to be matched with the rules of one language."""

    def __init__(self, query_string, language_code, operator="and"):
        super().__init__(query_string, operator=operator)
        self.language_code = language_code


def language_query(words, language_code):
    """A query for `words` (all of them) with `language_code`'s folding and stemming."""
    return LanguageQuery(words, language_code)


def alternatives_for(word, language_codes):
    """Everything one query word may match, across `language_codes`, without duplicates."""
    found = {}
    for language_code in language_codes:
        for variant in query_variants(word, language_code):
            for term in (variant, stem(variant, language_code)):
                found.setdefault(("word", term), PlainText(term))
            prefix = prefix_stem(variant, language_code)
            if prefix:
                found.setdefault(("prefix", prefix), StemPrefix(prefix))
    return list(found.values())


def stemmed(query, language_codes):
    """`query` with each PlainText's words replaced by their alternatives (None: no words)."""
    if isinstance(query, StemPrefix):
        return query
    if isinstance(query, PlainText):
        if isinstance(query, LanguageQuery):
            language_codes = (query.language_code,)
        per_word = [
            Or(alternatives_for(word, language_codes)) for word in WORD.findall(query.query_string)
        ]
        if not per_word:
            return None
        combine = And if query.operator == "and" else Or
        return per_word[0] if len(per_word) == 1 else combine(per_word)
    if isinstance(query, (And, Or)):
        parts = [stemmed(subquery, language_codes) for subquery in query.subqueries]
        parts = [part for part in parts if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = stemmed(query.subquery, language_codes)
        return Not(inner) if inner is not None else None
    return query


class StemmingSearchMixin:
    query_languages = tuple(STEMMER_NAMES)

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if isinstance(query, str):
            query = PlainText(query, operator=operator or "and")
        query = stemmed(query, self.query_languages)
        if query is None:
            return EmptySearchResults()
        return super().search(query, model_or_queryset, fields=fields, operator=operator, **kwargs)


# Wagtail looks up this name in the backend module (hence not snake_case).
def SearchBackend(params):
    # The subclassing of modelsearch's internals is core.compat's (entry 1).
    return stemming_search_backend(
        params,
        index_mixin=StemmingIndexMixin,
        search_mixin=StemmingSearchMixin,
        prefix_query_class=StemPrefix,
    )
