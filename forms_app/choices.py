"""Stable keys for the options of choice fields (the topic dropdown among them).

Editors write the options as text, one per line, and translators translate them. What the
form stores must not depend on the language, or routing and the inbox would split Turkish
and English inquiries apart. Each option therefore gets a key made from the option at the
same position in the source-language (Turkish) field: "Yerel diplomasi" is stored as
`yerel-diplomasi` whether the visitor chose it on /tr/ or "Local diplomacy" on /en/.
"""

from anyascii import anyascii
from django.utils.text import slugify

CHOICE_FIELD_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}


def split_choices(text):
    """The options as Wagtail's form builder splits them (one per line, else comma-separated),
    empty ones left out. Its splitter is private, so its five lines are repeated here;
    tests/test_compat.py checks both still agree through FormBuilder's public method."""
    text = (text or "").strip()
    if len(lines := text.splitlines()) > 1:
        options = [line.strip().rstrip(",").strip() for line in lines]
    else:
        options = [option.strip() for option in text.split(",")]
    return [option for option in options if option]


def choice_keys(source_choices):
    """ASCII slugs for the options, unique within the field."""
    keys = []
    for position, label in enumerate(source_choices, start=1):
        key = slugify(anyascii(label))[:90] or f"option-{position}"
        while key in keys:
            key = f"{key}-{position}"
        keys.append(key)
    return keys


def choice_pairs(source_choices, translated_choices):
    """[(stable key, label in this language)]; an untranslated option keeps its source label."""
    keys = choice_keys(source_choices)
    return [
        (key, translated_choices[i] if i < len(translated_choices) else source_choices[i])
        for i, key in enumerate(keys)
    ]
