"""Turkish-aware folding and query cleaning (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from core.folding import fold_for_index, fold_i, query_variants, turkish_lower
from seo.search.query import clean_query, excerpt, highlight


def test_turkish_lowercasing_keeps_dotted_and_dotless_i_apart():
    assert turkish_lower("İSTANBUL IĞDIR") == "istanbul ığdır"


def test_folding_makes_every_i_the_same_letter():
    assert {
        fold_i(word) for word in ["istanbul", "İSTANBUL", "İstanbul", "ISTANBUL", "ıstanbul"]
    } == {"istanbul"}
    assert fold_i("I\u0307stanbul") == "istanbul"  # decomposed İ


def test_turkish_index_text_keeps_the_turkish_word_and_adds_its_dotless_free_form():
    assert fold_for_index("Uluslararası İŞ", "tr") == "uluslararası iş uluslararasi"
    assert fold_for_index("ICLEI", "tr") == "ıcleı iclei"
    assert fold_for_index("ICLEI", "en") == "iclei"


def test_turkish_queries_are_searched_in_both_forms():
    assert query_variants("ISTANBUL", "tr") == ["ıstanbul", "istanbul"]
    assert query_variants("İstanbul", "tr") == ["istanbul"]
    assert query_variants("ISTANBUL", "en") == ["istanbul"]


def test_clean_query_keeps_words_and_drops_syntax():
    assert clean_query("  NALAS: <b>'ağ'</b> & (OR) \x00 ") == "NALAS b ağ b OR"
    assert clean_query("<>&!?") == ""
    assert clean_query(None) == ""


def test_clean_query_bounds_length_and_word_count(settings):
    assert len(clean_query("x" * 10_000)) == settings.SEO_SEARCH_MAX_QUERY_LENGTH
    assert len(clean_query("a " * 1000).split()) == settings.SEO_SEARCH_MAX_QUERY_WORDS


@given(st.text(max_size=500))
def test_clean_query_output_is_always_plain_words(raw):
    cleaned = clean_query(raw)
    assert len(cleaned) <= 200
    assert all(word.isalnum() for word in cleaned.split())


@given(st.text(max_size=300), st.text(max_size=50))
def test_highlight_never_lets_markup_through(text, query):
    marked = str(highlight(text, clean_query(query), "tr"))
    assert marked.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_highlight_marks_words_in_any_casing_and_prefix():
    assert str(highlight("İstanbul ve ISTANBUL'da", "istanbul", "tr")) == (
        "<mark>İstanbul</mark> ve <mark>ISTANBUL</mark>&#x27;da"
    )
    assert str(highlight("belediyeler", "belediye", "tr")) == "<mark>belediyeler</mark>"
    assert str(highlight("Municipalities", "municipality", "en")) == "<mark>Municipalities</mark>"


def test_excerpt_starts_near_the_first_match():
    text = ("lorem " * 100) + "NALAS " + ("ipsum " * 100)
    snippet = excerpt(text, "nalas", "en", length=120)
    assert "NALAS" in snippet and snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) <= 124
