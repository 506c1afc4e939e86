"""What a page tells search engines and social networks about itself."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator

from core.site_url import absolute_url

# Open Graph wants language_TERRITORY.
OG_LOCALES = {"tr": "tr_TR", "en": "en_GB"}
DESCRIPTION_LENGTH = 160
SHARE_IMAGE_SPEC = "max-1200x630"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)


def page_description(page):
    """The editor's search description (translatable) or, failing that, the page's own intro."""
    if not getattr(page, "pk", None):  # templates pass "" when there is no page
        return ""
    for text in (
        page.search_description,
        getattr(page, "introduction", ""),
        getattr(page, "summary", ""),
    ):
        text = " ".join((text or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def share_image(page, request):
    """(absolute URL, width, height, alt text) of the image shown when the page is shared."""
    logo = getattr(page, "logo", None)
    if logo is not None:
        rendition = logo.get_rendition(SHARE_IMAGE_SPEC)
        return (
            absolute_url(rendition.url, request),
            rendition.width,
            rendition.height,
            logo.default_alt_text or page.title,
        )
    width, height = DEFAULT_SHARE_IMAGE_SIZE
    return (
        absolute_url(static(settings.SEO_DEFAULT_SHARE_IMAGE), request),
        width,
        height,
        None,
    )


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)
