"""Template tags for the site chrome: navigation, breadcrumbs, language alternates, footer.

Everything the chrome needs to know about the page tree (the language's home page, the main
menu, the breadcrumb trail and the page's translations) comes from a single query per request,
so a page never costs more queries because the site has more pages. The footer's contact
details, the same on every page of a language, are cached under the site-wide version
(core.page_cache.site_version), which their publish changes.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.models import ContactDetails
from core.page_cache import cached_for_site
from core.pages import LINK_FIELDS
from core.site_url import absolute_url

register = template.Library()

HOME_DEPTH = 2  # the root of each language's tree (/tr/, /en/)
# What the chrome shows of a page (titles and URLs): the query loads no more.
CHROME_FIELDS = (*LINK_FIELDS, "translation_key", "show_in_menus")
MENU_DEPTH = 3  # the home page's children


@dataclass
class Chrome:
    """The parts of the page tree that the header, breadcrumbs and alternates show."""

    site_root: Page | None = None
    menu: list = field(default_factory=list)
    ancestors: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)


def _ancestor_paths(page):
    return [page.path[: Page.steplen * depth] for depth in range(HOME_DEPTH, page.depth)]


def _chrome_for_page(page):
    root_path = page.path[: Page.steplen * HOME_DEPTH]
    ancestor_paths = _ancestor_paths(page)
    rows = (
        Page.objects.live()
        .filter(
            Q(path__in=ancestor_paths)
            | Q(depth=MENU_DEPTH, path__startswith=root_path, show_in_menus=True)
            | Q(translation_key=page.translation_key)
        )
        .select_related("locale")
        .only(*CHROME_FIELDS)
        .order_by("path")
    )
    chrome = Chrome(site_root=page if page.depth == HOME_DEPTH else None)
    for row in rows:
        if row.translation_key == page.translation_key:
            chrome.translations[row.locale.language_code] = row
        if row.path in ancestor_paths:
            chrome.ancestors.append(row)
            if row.depth == HOME_DEPTH:
                chrome.site_root = row
        if row.depth == MENU_DEPTH and row.path.startswith(root_path) and row.show_in_menus:
            chrome.menu.append(row)
    return chrome


def _chrome_for_language(language_code):
    """For pages outside the tree (404, search): the language's home page and its menu."""
    rows = list(
        Page.objects.live()
        .filter(depth__in=(HOME_DEPTH, MENU_DEPTH), locale__language_code=language_code)
        .only(*CHROME_FIELDS)
        .order_by("path")
    )
    site_root = next((row for row in rows if row.depth == HOME_DEPTH), None)
    if site_root is None:
        return Chrome()
    menu = [
        row
        for row in rows
        if row.depth == MENU_DEPTH and row.path.startswith(site_root.path) and row.show_in_menus
    ]
    return Chrome(site_root=site_root, menu=menu)


def get_chrome(request, page):
    """The chrome for `page` (or for the active language when there is no page), computed once
    per request however many tags ask for it."""
    language_code = get_language()
    is_tree_page = page is not None and getattr(page, "pk", None) and page.depth >= HOME_DEPTH
    key = (page.pk if is_tree_page else None, language_code)
    memo = getattr(request, "_chrome_memo", None) if request is not None else None
    if memo is not None and key in memo:
        return memo[key]
    chrome = _chrome_for_page(page) if is_tree_page else _chrome_for_language(language_code)
    if request is not None:
        if memo is None:
            memo = request._chrome_memo = {}
        memo[key] = chrome
    return chrome


def _is_i18n_view(request):
    """True for a resolved non-page view inside the language prefixes (not a 404)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.simple_tag(takes_context=True)
def get_alternates(context, page=None):
    """One entry per site language: the URL of `page` in that language, if it is translated.

    Used both for <link rel="alternate" hreflang> and for the language switcher, so the two
    always agree. Languages without a live translation fall back to that language's home page
    and are marked `translated=False`. Pages that are not in the tree (the 404 page) lead to
    each language's home page. The switcher's `url` keeps `switcher_query` (the directory's
    sort and year); `full_url`, for search engines, never has a query.
    """
    request = context.get("request")
    switcher_query = context.get("switcher_query") or ""
    current = get_language()
    translations = get_chrome(request, page).translations
    alternates = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        translated = translation is not None
        if translated:
            full_url = translation.get_full_url(request=request)
            url = translation.get_url(request=request)
            url = f"{url}?{switcher_query}" if switcher_query else url
        elif not isinstance(page, Page) and request is not None and _is_i18n_view(request):
            # A view of our own such as search: the same view in the other language, with
            # its query string, is its translation.
            url = translate_url(request.get_full_path(), code)
            full_url = absolute_url(url, request)
            translated = True
        else:
            url = f"/{code}/"
            full_url = absolute_url(url, request)
            # Only a page of the tree can be "not translated yet"; elsewhere (the 404 page)
            # the other language's home page is the right place to go.
            translated = not getattr(page, "pk", None)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "translated": translated,
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def get_site_root(context, page=None):
    """The home page of the active language (the root of the main navigation)."""
    return get_chrome(context.get("request"), page).site_root


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context, site_root, current_page=None):
    request = context.get("request")
    current_path = getattr(current_page, "path", "")
    menu = get_chrome(request, current_page).menu if site_root is not None else []
    return {
        "site_root": site_root,
        "home_is_current": site_root is not None and current_path == site_root.path,
        "items": [
            (item, current_path.startswith(item.path), current_path == item.path) for item in menu
        ],
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context.get("request")
    ancestors = []
    if page is not None and getattr(page, "depth", 0) > HOME_DEPTH:
        ancestors = get_chrome(request, page).ancestors
    return {"ancestors": ancestors, "page": page, "request": request}


def get_footer(language_code):
    """The language's footer contact details as published (never a draft), from the cache
    until the site-wide version changes (their publish changes it)."""
    return cached_for_site(
        f"chrome:footer:{language_code}",
        lambda: ContactDetails.objects.filter(
            locale__language_code=language_code, live=True
        ).first(),
    )


@register.simple_tag
def get_contact_details():
    """MBB's published contact details in the active language (the footer's)."""
    return get_footer(get_language())


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context, site_root=None):
    request = context.get("request")
    footer = get_footer(get_language())
    menu = get_chrome(request, context.get("page")).menu if site_root is not None else []
    return {"footer": footer, "site_root": site_root, "menu": menu, "request": request}


@register.simple_tag
def active_locale():
    return Locale.get_active()
