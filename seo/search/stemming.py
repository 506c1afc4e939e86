"""Snowball stemming for Turkish and English: the same rules for the index, queries and marks.

Indexed text keeps every word and adds its stem ("belediyeler" → "belediyeler belediye"), so
a query word finds a page when it equals an indexed word or its stem.

Turkish needs one more rule. Its Snowball stemmer reads a word's endings differently
depending on what follows them: "belediye" → "beledi" but "belediyeler" → "belediye", and
"diplomasi" → "diplomas" but "diplomasinin" → "diploma". No single stem (and no stem of a
stem) joins those pairs, so in Turkish a query word also matches any word that starts with
its stem: "belediye" finds "belediyeler" (beledi…), "diplomasinin" finds "diplomasi"
(diploma…). Stems shorter than MIN_PREFIX_STEM are too short to use that way ("üyeler" →
"üye" would find "üyelik" but also every word starting "üye…"), so they only match whole.
"""

import functools
import threading

import snowballstemmer

from core.folding import WORD

STEMMER_NAMES = {"tr": "turkish", "en": "english"}
PREFIX_STEM_LANGUAGES = frozenset({"tr"})
MIN_PREFIX_STEM = 4

# A Snowball stemmer object keeps state while it works: one per thread.
_local = threading.local()


def _stemmer(language_code):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language_code not in stemmers:
        stemmers[language_code] = snowballstemmer.stemmer(STEMMER_NAMES[language_code])
    return stemmers[language_code]


@functools.lru_cache(maxsize=65536)
def stem(word, language_code):
    """The Snowball stem of an already lowered `word`; the word itself for other languages."""
    if language_code not in STEMMER_NAMES:
        return word
    return _stemmer(language_code).stemWord(word)


def with_stems(text, language_code):
    """Lowered `text` as words, each followed by its stem where that differs."""
    terms = []
    for word in WORD.findall(text):
        terms.append(word)
        word_stem = stem(word, language_code)
        if word_stem != word:
            terms.append(word_stem)
    return " ".join(terms)


def prefix_stem(word, language_code):
    """The stem that `word` matches as a prefix in `language_code`, or None."""
    if language_code not in PREFIX_STEM_LANGUAGES:
        return None
    word_stem = stem(word, language_code)
    return word_stem if len(word_stem) >= MIN_PREFIX_STEM else None


def word_matches(indexed_word, query_word, language_code):
    """Whether a query word finds `indexed_word` (both lowered and folded the same way)."""
    indexed_terms = {indexed_word, stem(indexed_word, language_code)}
    if indexed_terms & {query_word, stem(query_word, language_code)}:
        return True
    prefix = prefix_stem(query_word, language_code)
    return prefix is not None and any(term.startswith(prefix) for term in indexed_terms)
