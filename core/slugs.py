"""ASCII page slugs with Turkish transliteration: "Uluslararası Ağı" -> "uluslararasi-agi".

Django's slugify drops what Unicode cannot decompose, so the dotless ı disappears ("Ağı" ->
"ag"). Turkish letters are mapped first, then anything else is transliterated (anyascii, as
Wagtail does for its own ASCII identifiers) before slugify. The admin's script produces the
same slugs (WAGTAIL_ALLOW_UNICODE_SLUGS = False: Wagtail's Turkish map); this covers the
server: a page saved without a slug, and English translations (editorial/translated_slugs.py).
Existing slugs are never rewritten.
"""

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

TURKISH_LETTERS = str.maketrans(
    {"ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ı": "i", "İ": "i", "ö": "o", "Ö": "o"}
    | {"ş": "s", "Ş": "s", "ü": "u", "Ü": "u"}
)


def ascii_slug(text):
    return slugify(anyascii(str(text).translate(TURKISH_LETTERS)))


class AsciiSlugMixin:
    """For page models: a page saved without a slug gets its ASCII slug from the title.

    Wagtail fills an empty slug in `Page.full_clean` with Django's slugify; this fills it
    first, the same way, so Wagtail leaves it alone."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            # Wagtail generates the slug once the parent is known: the page is in the tree, or
            # its parent is cached (treebeard's attribute, set when the page is being added).
            parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
            base_slug = ascii_slug(self.title)
            if parent is not None and base_slug:
                self.slug = find_available_slug(parent, base_slug, ignore_page_id=self.pk)
        return super().full_clean(*args, **kwargs)
