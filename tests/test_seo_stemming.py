"""Snowball stemming for search: one rule set for the index, queries and highlighting."""

import pytest

from seo.search.backend import text_for_index
from seo.search.stemming import stem, with_stems, word_matches


def test_turkish_snowball_gives_singular_and_plural_different_stems():
    """The trap the matching rules are built around: no single stem joins these."""
    assert stem("belediye", "tr") == "beledi"
    assert stem("belediyeler", "tr") == "belediye"
    assert stem("diplomasi", "tr") != stem("diplomasinin", "tr")


@pytest.mark.parametrize(
    ("query_word", "page_word"),
    [
        ("belediye", "belediyeler"),
        ("belediye", "belediyelerin"),
        ("belediyeler", "belediye"),
        ("belediyelerin", "belediye"),
        ("belediyeler", "belediyelerin"),
        ("diplomasi", "diplomasinin"),
        ("diplomasinin", "diplomasi"),
        ("birlik", "birliğinin"),
        ("kentler", "kent"),
    ],
)
def test_turkish_forms_of_one_word_find_each_other(query_word, page_word):
    assert word_matches(page_word, query_word, "tr")


@pytest.mark.parametrize(
    ("query_word", "page_word"),
    [
        ("municipality", "municipalities"),
        ("municipalities", "municipality"),
        ("network", "networks"),
        ("networks", "network"),
        ("city", "cities"),
    ],
)
def test_english_forms_of_one_word_find_each_other(query_word, page_word):
    assert word_matches(page_word, query_word, "en")


@pytest.mark.parametrize(
    ("language_code", "query_word", "page_word"),
    [
        ("tr", "üyeler", "üstün"),  # "üye" is too short a stem to match as a prefix
        ("tr", "belediye", "bedel"),
        ("en", "network", "net"),
        ("en", "city", "civic"),
    ],
)
def test_different_words_do_not_match(language_code, query_word, page_word):
    assert not word_matches(page_word, query_word, language_code)


def test_english_words_are_not_matched_by_prefix():
    assert not word_matches("formal", "form", "en")


def test_indexed_text_keeps_each_word_and_adds_its_stem():
    assert with_stems("belediyeler ve diplomasi", "tr") == (
        "belediyeler belediye ve diplomasi diplomas"
    )
    assert with_stems("municipalities network", "en") == "municipalities municip network"


def test_indexed_text_is_folded_before_it_is_stemmed():
    assert text_for_index("BELEDİYELER", "tr") == "belediyeler belediye"
    assert text_for_index("Uluslararası", "tr").split()[:1] == ["uluslararası"]
    assert "uluslararasi" in text_for_index("Uluslararası", "tr").split()
