"""Finding the page a visitor meant when a language-prefixed path does not exist.

A visitor who swaps /tr/ for /en/ by hand (or follows such a link) lands on a 404, because
each language has its own slugs. If the same path exists in another language, the 404 page
offers that page and, when it has one, its translation into the visitor's language. When the
path is a page and only its query string was refused (a page number the directory does not
have), the 404 page offers the page itself.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

MAX_PATH_LENGTH = 1000


def pages_for_missing_path(request):
    current = get_language()
    prefix = f"/{current}/"
    if not request.path.startswith(prefix):
        return []
    rest = request.path[len(prefix) :]
    # Only something that could be a page path: PostgreSQL refuses NUL in a query at all.
    if len(rest) > MAX_PATH_LENGTH or any(ord(char) < 32 for char in rest):
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    here = _live_page_at(site, rest, current)
    if here is not None:
        # The page exists: its query string was refused (the directory's ?page=abc), so the
        # page itself is what the visitor wants.
        return [{"page": here, "language_code": current}]
    suggestions = []
    for language_code, _name in settings.LANGUAGES:
        if language_code == current:
            continue
        page = _live_page_at(site, rest, language_code)
        if page is None:
            continue
        translation = page.get_translations().live().filter(locale__language_code=current).first()
        if translation is not None:
            suggestions.append({"page": translation, "language_code": current})
        suggestions.append({"page": page, "language_code": language_code})
    return suggestions


def _live_page_at(site, rest, language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return None
    url_path = (
        home.url_path + rest if rest.endswith("/") or not rest else home.url_path + rest + "/"
    )
    return Page.objects.live().public().filter(locale=locale, url_path=url_path).first()
