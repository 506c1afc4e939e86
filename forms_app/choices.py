"""Stable keys for the options of choice fields (the topic dropdown among them).

Editors write the options as text, one per line, and translators translate them. What the
form stores must not depend on the language, or routing and the inbox would split Turkish
and English inquiries apart. Each option therefore gets a key made from the option at the
same position in the source-language (Turkish) field: "Yerel diplomasi" is stored as
`yerel-diplomasi` whether the visitor chose it on /tr/ or "Local diplomacy" on /en/.
"""

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.contrib.forms.forms import _split_by_newline_or_comma

CHOICE_FIELD_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}


def split_choices(text):
    return [choice for choice in _split_by_newline_or_comma(text or "") if choice]


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
