"""Template tags for the <head>: description, Open Graph/Twitter tags, JSON-LD; and the 404 page."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.templatetags.navigation_tags import get_chrome, get_footer
from seo.metadata import og_locale, page_description, share_image
from seo.not_found import pages_for_missing_path
from seo.structured_data import structured_data_for, to_json_ld

register = template.Library()


@register.simple_tag
def meta_description(page):
    return page_description(page)


@register.inclusion_tag("includes/meta.html", takes_context=True)
def social_meta(context, page):
    """Open Graph and Twitter card tags for `page`."""
    request = context["request"]
    image_url, image_width, image_height, image_alt = share_image(page, request)
    current = get_language()
    # The chrome (header, switcher, hreflang) has already loaded the page's translations.
    translations = get_chrome(request, page).translations
    alternate_locales = [og_locale(code) for code in translations if code != current]
    return {
        "site_name": _("Marmara Municipalities Union"),
        "title": page.seo_title or page.title,
        "description": page_description(page),
        "url": page.get_full_url(request),
        "type": "website" if page.depth <= 2 else "article",
        "locale": og_locale(current),
        "alternate_locales": alternate_locales,
        "image_url": image_url,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": image_alt or _("Marmara Municipalities Union"),
    }


@register.inclusion_tag("includes/structured_data.html", takes_context=True)
def structured_data(context, page):
    request = context["request"]
    objects = structured_data_for(
        page,
        request,
        ancestors=get_chrome(request, page).ancestors if getattr(page, "pk", None) else (),
        networks=context.get("networks"),
        footer=get_footer(get_language()) if getattr(page, "depth", 0) == 2 else None,
    )
    return {"json_ld": [mark_safe(to_json_ld(data)) for data in objects]}  # noqa: S308


@register.simple_tag(takes_context=True)
def other_language_pages(context):
    """Pages that the missing path probably meant (for the 404 page)."""
    request = context.get("request")
    if request is None:
        return []
    return pages_for_missing_path(request)
