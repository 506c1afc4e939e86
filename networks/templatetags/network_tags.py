from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.templatetags.navigation_tags import get_alternates, get_chrome

from ..listing import DEFAULT_SORT, pages_for, query_string, with_query
from ..models import live_network_counts

register = template.Library()


@register.simple_tag
def short_name(network):
    """The network's short name, marked with its language when that differs from the page's
    (WCAG 3.1.2: "Energy Cities" on a Turkish page is read with English pronunciation)."""
    language = network.short_name_language
    if language and language != get_language():
        return format_html('<span lang="{}">{}</span>', language, network.short_name)
    return network.short_name


@register.simple_tag(takes_context=True)
def directory_alternates(context, page, listing):
    """The hreflang alternates of a directory view. Page N of the plain directory (its own
    canonical address) has page N of each language that has as many pages; a language with
    fewer networks has no alternate there. Other views, like every page, name the directory
    itself in each language (their canonical address is the directory too)."""
    alternates = get_alternates(context, page)
    if listing.is_filtered or listing.page_number == 1:
        return alternates
    current = get_language()
    translations = get_chrome(context.get("request"), page).translations
    others = [translation for code, translation in translations.items() if code != current]
    counts = live_network_counts(others)
    number = listing.page_number
    result = []
    for alternate in alternates:
        alternate = dict(alternate)
        if alternate["current"]:
            alternate["full_url"] = listing.canonical_url
        elif alternate["translated"]:
            alternate["translated"] = number <= pages_for(counts.get(alternate["code"], 0))
            alternate["full_url"] = with_query(
                alternate["full_url"], query_string(DEFAULT_SORT, None, number)
            )
        result.append(alternate)
    return result
