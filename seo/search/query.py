"""Turning what a visitor typed into something safe to search for, and marking matches."""

import unicodedata

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.query import Or, PlainText

from .folding import WORD, fold_i, query_variants

# Shorter word fragments would mark too much (every "a" in "ağ ara alan").
MIN_PREFIX_MATCH = 4


def clean_query(raw):
    """The visitor's query as plain words: no control characters, bounded length.

    Returns "" when nothing searchable is left. Only word characters survive, so no input
    can reach the full-text query syntax of SQLite (FTS5) or PostgreSQL (tsquery).
    """
    text = unicodedata.normalize("NFC", raw or "")[: settings.SEO_SEARCH_MAX_QUERY_LENGTH * 4]
    words = WORD.findall(text)[: settings.SEO_SEARCH_MAX_QUERY_WORDS]
    words = [word.replace("_", "") for word in words]
    return " ".join(word for word in words if word)[: settings.SEO_SEARCH_MAX_QUERY_LENGTH].strip()


def build_search_query(cleaned, language_code):
    """A Wagtail search query matching every word, in each folded form of the language."""
    variants = [
        PlainText(variant, operator="and") for variant in query_variants(cleaned, language_code)
    ]
    return variants[0] if len(variants) == 1 else Or(variants)


def _matches(word, terms):
    folded = fold_i(word)
    return any(
        folded.startswith(term) or (len(folded) >= MIN_PREFIX_MATCH and term.startswith(folded))
        for term in terms
    )


def folded_terms(cleaned):
    return [fold_i(term) for term in cleaned.split()]


def highlight(text, cleaned):
    """`text` escaped, with each word that matches a query word wrapped in <mark>."""
    terms = folded_terms(cleaned)
    parts = []
    position = 0
    for match in WORD.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = match.group()
        parts.append(f"<mark>{escape(word)}</mark>" if _matches(word, terms) else escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def excerpt(text, cleaned, length=240):
    """About `length` characters of `text`, starting shortly before the first match."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    terms = folded_terms(cleaned)
    start = 0
    for match in WORD.finditer(text):
        if _matches(match.group(), terms):
            start = max(0, match.start() - length // 4)
            break
    if start:
        start = text.rfind(" ", 0, start) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet[: snippet.rfind(" ")] + " …"
    return ("… " if start else "") + snippet


def matches_text(text, cleaned):
    terms = folded_terms(cleaned)
    return any(_matches(match.group(), terms) for match in WORD.finditer(text or ""))
