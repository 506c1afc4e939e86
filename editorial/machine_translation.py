"""A machine translator that keeps official names in their official form.

Wraps any wagtail-localize machine translator (DeepL in production, the dummy translator in
tests). Before the strings go out, each glossary name is swapped for a placeholder tag the
translator leaves alone; after they come back, each placeholder becomes the official name in
the target language. So "MBB" always becomes "MMU" and "Yerel Diplomasi Platformu" always
"Local Diplomacy Platform", whatever the engine would have made of them.
"""

import html
import re

from django.utils.module_loading import import_string
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.strings import StringValue

from .glossary import terms_for

# An empty element: DeepL (tag_handling=xml) keeps tags as they are, and HTML parsers may
# write it back as <x-term id="0"></x-term>; both forms are recognised.
PLACEHOLDER = '<x-term id="{}"/>'
PLACEHOLDER_PATTERN = re.compile(
    r'<x-term id="(\d+)"\s*/>(?:</x-term>)?|<x-term id="(\d+)"></x-term>'
)


def _term_pattern(term):
    # Whole words only ("MBB'nin" matches, "MBBX" does not); the text is HTML-escaped.
    return re.compile(r"(?<!\w)" + re.escape(html.escape(term, quote=False)) + r"(?!\w)")


def protect(text, pairs):
    """Replace glossary names in `text` with placeholders; return (text, [target forms])."""
    targets = []

    for source_term, target_term in pairs:

        def swap(match, target_term=target_term):
            targets.append(target_term)
            return PLACEHOLDER.format(len(targets) - 1)

        text = _term_pattern(source_term).sub(swap, text)
    return text, targets


def restore(text, targets):
    def official(match):
        index = int(match.group(1) or match.group(2))
        return html.escape(targets[index], quote=False) if index < len(targets) else ""

    return PLACEHOLDER_PATTERN.sub(official, text)


class GlossaryTranslator(BaseMachineTranslator):
    """OPTIONS: BACKEND (dotted path of a wagtail-localize translator), BACKEND_OPTIONS."""

    def __init__(self, options):
        super().__init__(options)
        backend_class = import_string(options["BACKEND"])
        self.backend = backend_class(options.get("BACKEND_OPTIONS", {}))
        self.display_name = self.backend.display_name

    def can_translate(self, source_locale, target_locale):
        return self.backend.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        pairs = terms_for(source_locale.language_code, target_locale.language_code)
        originals = list(strings)
        protected = []
        placeholders = []
        for string in originals:
            text, targets = protect(string.data, pairs)
            protected.append(StringValue(text))
            placeholders.append(targets)
        translated = self.backend.translate(source_locale, target_locale, protected)
        result = {}
        for original, sent, targets in zip(originals, protected, placeholders, strict=True):
            value = translated.get(sent)
            if value is None or value.data is None:
                continue
            result[original] = StringValue(restore(value.data, targets))
        return result


class BritishEnglishDeepLTranslator(DeepLTranslator):
    """DeepL asks for a variant of English; the union's English pages use British spelling."""

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters
