"""Alphabetical order without ICU: the Turkish alphabet on Turkish pages, English on English."""

import pytest

from networks.collation import collation_key, english_sort_key, turkish_sort_key


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Cami", "Çarşı"),
        ("Çarşı", "Deniz"),
        ("Gaziantep", "Ğ"),
        ("Güneş", "Hatay"),
        ("Ilgaz", "İzmir"),
        ("Işık", "İnci"),
        ("Ordu", "Ödemiş"),
        ("Ödemiş", "Polatlı"),
        ("Sinop", "Şile"),
        ("Şile", "Tokat"),
        ("Uşak", "Ümraniye"),
        ("Ümraniye", "Van"),
        ("ısı", "iş"),
        ("ALDA", "Avrupa"),
        ("Avrupa Birliği", "Avrupalı"),
    ],
)
def test_turkish_collation_follows_the_turkish_alphabet(before, after):
    assert turkish_sort_key(before) < turkish_sort_key(after)
    assert sorted([after, before], key=turkish_sort_key) == [before, after]


def test_turkish_collation_ignores_case_with_turkish_rules():
    # "I" is the capital of "ı", "İ" of "i": ILGAZ sorts with ılgaz, not with izmir.
    assert sorted(["izmir", "ILGAZ", "İNCİ", "ırmak"], key=turkish_sort_key) == [
        "ILGAZ",
        "ırmak",
        "İNCİ",
        "izmir",
    ]


def test_letters_with_circumflex_sort_with_their_base_letter():
    assert sorted(["Alo", "Âli", "Ayna"], key=turkish_sort_key) == ["Âli", "Alo", "Ayna"]


def test_english_collation_ignores_case_and_accents():
    names = ["Zagreb", "école", "Energy Cities", "alda", "Beta", "Ábaco"]
    assert sorted(names, key=english_sort_key) == [
        "Ábaco",
        "alda",
        "Beta",
        "école",
        "Energy Cities",
        "Zagreb",
    ]


def test_english_collation_does_not_use_the_turkish_alphabet():
    # In English, Ç is a C and I/İ/ı are i's.
    assert english_sort_key("Çevre") < english_sort_key("Deniz") < english_sort_key("Ilgaz")
    assert collation_key("Çevre", "en") < collation_key("Cz", "en")
    assert collation_key("Çevre", "tr") > collation_key("Cz", "tr")
