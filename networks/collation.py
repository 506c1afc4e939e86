"""Sorting names as each language's readers expect ("A'dan Z'ye"), without ICU.

Turkish has its own alphabet: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z, so
"Çevre" comes after "Cami" and before "Deniz", and "Işık" before "İzmir". Foreign letters
(q, w, x) go where Turkish dictionaries put them, after p, v and w. Letters with other marks
(â, î, û, é) sort with their base letter. English sorts the usual way, ignoring case and
accents. Ties keep the original text's order so the result is always the same.
"""

import unicodedata

TURKISH_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_TURKISH_RANK = {letter: rank for rank, letter in enumerate(TURKISH_ALPHABET)}
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})
# Before anything else: spaces, then other punctuation, then digits, then letters.
SPACE, PUNCTUATION, DIGIT, LETTER = range(4)


def _without_marks(letter):
    """`letter` without accents ("â" → "a"); Turkish letters are kept by the caller."""
    decomposed = unicodedata.normalize("NFD", letter)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _character_key(character, rank_of):
    if character.isspace():
        return (SPACE, 0)
    if character.isdigit():
        return (DIGIT, unicodedata.digit(character, 0))
    if not character.isalpha():
        return (PUNCTUATION, ord(character))
    if character in rank_of:
        return (LETTER, rank_of[character])
    base = _without_marks(character)
    if base and all(c in rank_of for c in base):
        return (LETTER, rank_of[base[0]])
    return (LETTER, len(rank_of) + ord(character))  # other scripts: after the alphabet


def turkish_sort_key(text):
    """A key that sorts `text` in Turkish alphabetical order, ignoring case."""
    lowered = unicodedata.normalize("NFC", text or "").translate(_TURKISH_LOWER).lower()
    return (tuple(_character_key(c, _TURKISH_RANK) for c in lowered), text or "")


_ENGLISH_RANK = {letter: rank for rank, letter in enumerate("abcdefghijklmnopqrstuvwxyz")}


def english_sort_key(text):
    """A key that sorts `text` in English alphabetical order, ignoring case and accents."""
    lowered = unicodedata.normalize("NFC", text or "").casefold()
    return (tuple(_character_key(c, _ENGLISH_RANK) for c in lowered), text or "")


def collation_key(text, language_code):
    return turkish_sort_key(text) if language_code == "tr" else english_sort_key(text)


def collation_string(text, language_code):
    """`collation_key` as a string of ASCII digits that sorts the same way under any database
    collation, so the database can sort by name ("A'dan Z'ye") and hand over one page of a
    long list: eight digits per character (its class, then its rank)."""
    characters, _text = collation_key(text, language_code)
    return "".join(f"{kind}{rank:07d}" for kind, rank in characters)
