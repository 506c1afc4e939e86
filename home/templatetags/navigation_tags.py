"""Template tags for the site chrome: navigation, breadcrumbs, language alternates, footer."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.models import FooterText

register = template.Library()


def _language_home_url(language_code):
    return f"/{language_code}/"


@register.simple_tag(takes_context=True)
def get_alternates(context, page=None):
    """One entry per site language: the URL of `page` in that language, if it is translated.

    Used both for <link rel="alternate" hreflang> and for the language switcher, so the two
    always agree. Languages without a live translation fall back to that language's home page
    and are marked `translated=False`.
    """
    request = context.get("request")
    current = get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    alternates = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            url = translation.get_url(request=request)
            full_url = translation.get_full_url(request=request)
        else:
            url = _language_home_url(code)
            full_url = request.build_absolute_uri(url) if request else url
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "translated": translation is not None,
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag
def get_site_root(page=None):
    """The home page of the active language (the root of the main navigation)."""
    if page is not None and getattr(page, "depth", 0) >= 2:
        if page.depth == 2:
            return page
        return Page.objects.ancestor_of(page).filter(depth=2).first()
    return Page.objects.filter(depth=2, locale__language_code=get_language()).live().first()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context, site_root, current_page=None):
    items = []
    if site_root is not None:
        items = list(site_root.get_children().live().in_menu())
    current_path = getattr(current_page, "path", "")
    return {
        "site_root": site_root,
        "items": [
            (item, current_path.startswith(item.path), current_path == item.path) for item in items
        ],
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = []
    if page is not None and getattr(page, "depth", 0) > 2:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).live())
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context, site_root=None):
    footer = FooterText.objects.filter(locale__language_code=get_language()).first()
    return {"footer": footer, "site_root": site_root, "request": context.get("request")}


@register.simple_tag
def active_locale():
    return Locale.get_active()
