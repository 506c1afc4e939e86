"""Case folding that understands Turkish dotted and dotless i.

Python's str.lower() turns "İ" into "i" plus a combining dot and "I" into "i", which is
wrong for Turkish ("I" is the capital of "ı"). Turkish text is therefore lowered with
Turkish rules, so the stemmer sees real Turkish words; because visitors often type without
Turkish letters ("uluslararasi", "ICLEI" on a Turkish page), every word that contains "ı"
is also indexed and searched in a form where ı, i, I and İ are all the same letter.
"""

import re
import unicodedata

WORD = re.compile(r"\w+")

_TURKISH_UPPER_TO_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_ALL_I_TO_DOTTED = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def turkish_lower(text):
    """Lowercase with Turkish rules: İ→i, I→ı."""
    text = unicodedata.normalize("NFC", text).translate(_TURKISH_UPPER_TO_LOWER)
    return text.lower()


def fold_i(text):
    """Lowercase with every kind of i made the same dotted i (İ, I, ı, i → i)."""
    text = unicodedata.normalize("NFC", text).translate(_ALL_I_TO_DOTTED)
    # Decomposed input ("i" + U+0307 COMBINING DOT ABOVE) leaves a stray dot behind.
    return text.lower().replace("\u0307", "")


def dotless_words(text):
    """The words of already lowered Turkish text that contain a dotless ı, folded to i."""
    return [fold_i(word) for word in WORD.findall(text) if "ı" in word]


def fold_for_index(text, language_code):
    """The text as the search index stores it for a page in `language_code`."""
    if language_code != "tr":
        return fold_i(text)
    lowered = turkish_lower(text)
    extra = dotless_words(lowered)
    return " ".join([lowered, *extra]) if extra else lowered


def query_variants(query, language_code):
    """The forms of a (cleaned) query to search for in `language_code`, without duplicates."""
    if language_code != "tr":
        return [fold_i(query)]
    variants = [turkish_lower(query), fold_i(query)]
    return list(dict.fromkeys(variants))
