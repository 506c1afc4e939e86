"""Turning what a visitor typed into something safe to search for, and marking matches."""

import unicodedata

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.folding import WORD, query_variants

from .backend import language_query
from .stemming import word_matches


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
    """A search query matching every word, folded and stemmed with `language_code`'s rules."""
    return language_query(cleaned, language_code)


def _matches(word, query_words, language_code):
    """Whether a word of the text is one the search engine matched for `query_words`."""
    forms = query_variants(word, language_code)
    return any(
        word_matches(form, query_form, language_code)
        for form in forms
        for query_word in query_words
        for query_form in query_variants(query_word, language_code)
    )


def highlight(text, cleaned, language_code):
    """`text` escaped, with each word that matches a query word wrapped in <mark>."""
    query_words = cleaned.split()
    parts = []
    position = 0
    for match in WORD.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = match.group()
        marked = _matches(word, query_words, language_code)
        parts.append(f"<mark>{escape(word)}</mark>" if marked else escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def excerpt(text, cleaned, language_code, length=240):
    """About `length` characters of `text`, starting shortly before the first match."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    query_words = cleaned.split()
    start = 0
    for match in WORD.finditer(text):
        if _matches(match.group(), query_words, language_code):
            start = max(0, match.start() - length // 4)
            break
    if start:
        start = text.rfind(" ", 0, start) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet[: snippet.rfind(" ")] + " …"
    return ("… " if start else "") + snippet


def matches_text(text, cleaned, language_code):
    query_words = cleaned.split()
    return any(
        _matches(match.group(), query_words, language_code) for match in WORD.finditer(text or "")
    )
