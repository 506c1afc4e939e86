"""{% cachefragment "name" page [vary …] %}…{% endcachefragment %}

A part of a page's HTML that is the same for every visitor (the head's metadata, the header,
the footer, a page's main content), kept in the cache until the next publish retires the
page-cache generation. It serves requests the full-page cache cannot: query-string variants,
visitors with a session, pages with a form beside them.

The key holds the fragment's name, the page, the active language, the scheme and host (the
fragment may contain full URLs; the host in its normal form, and a variant of it (another case
or port, a tracking parameter) reads the entry but never stores one: see CacheAddress) and any
further vary values. It renders without the cache for
previews, for anything that is not a saved page (search, 404), and when
FRAGMENT_CACHE_SECONDS is 0. What the fragment needs must be computed inside it (or lazily):
on a hit, nothing inside it runs.
"""

import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.page_cache import CacheAddress, cached_until_publish

register = template.Library()


class CacheFragmentNode(template.Node):
    def __init__(self, nodelist, name, page, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.page = page
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context, ignore_failures=True)
        seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
        if (
            seconds <= 0
            or request is None
            or getattr(request, "is_preview", False)
            or getattr(page, "pk", None) is None
        ):
            return self.nodelist.render(context)
        address = CacheAddress.of(request)
        parts = [
            self.name.resolve(context),
            page.pk,
            get_language(),
            request.scheme,
            address.host,
            *(value.resolve(context) for value in self.vary_on),
        ]
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        html = cached_until_publish(
            f"fragment:{digest}",
            lambda: self.nodelist.render(context),
            timeout=seconds,
            store=address.canonical,
        )
        return mark_safe(html)  # noqa: S308 - rendered by this template, escaped there


@register.tag
def cachefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name and a page")
    nodelist = parser.parse(("endcachefragment",))
    parser.delete_first_token()
    name, page, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return CacheFragmentNode(nodelist, name, page, vary_on)
