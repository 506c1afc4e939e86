"""{% fragment_keys as fragments %}: what the page's fragments are cached under, for Wagtail's
own `{% wagtailcache %}` and `{% wagtailpagecache %}`:

    {% wagtailcache fragments.seconds "footer" fragments.site using=fragments.cache %}
    {% wagtailpagecache fragments.seconds "main" fragments.page using=fragments.cache %}

`fragments.site` changes with what every page shows (core.page_cache.site_version: menu,
footer, contact details, images) and holds the language, the scheme, the normalised host and
the Site. `fragments.page` adds the page's `cache_key` (its id, URL path and last publish) and
the version of the requested path, which a publish of a page it lists or links to bumps
(core.page_cache.page_version). `{% wagtailpagecache %}` adds the `cache_key` and the Site
once more; Wagtail skips its cache for previews by itself.

When nothing may be cached (FRAGMENT_CACHE_SECONDS = 0, a preview, a view that is not a saved
page such as search or the 404 page, or no version to trust because the cache is unavailable)
`fragments.cache` names a dummy cache: the tags render their content, read nothing and store
nothing. What a fragment needs must be computed inside it (or lazily): on a hit nothing inside
runs.

Keys use the host in its normal form (CacheAddress): a variant of the Host header (case, port,
trailing dot) reads and stores the normal form's entries. That is safe because fragments take
absolute URLs from the Site (Page.get_full_url, core.site_url), never from the Host header.
"""

import hashlib
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.page_cache import CacheAddress, page_version, site_version

register = template.Library()

# Cache aliases: the shared cache, and django.core.cache.backends.dummy.DummyCache (settings).
FRAGMENT_CACHE = "default"
NO_FRAGMENT_CACHE = "fragments-off"


@dataclass(frozen=True)
class FragmentKeys:
    cache: str
    seconds: int
    site: str = ""
    page: str = ""


OFF = FragmentKeys(cache=NO_FRAGMENT_CACHE, seconds=0)


def _digest(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def fragment_keys_for(request, page):
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
    if (
        seconds <= 0
        or request is None
        or getattr(request, "is_preview", False)
        or not isinstance(page, Page)
        or page.pk is None
    ):
        return OFF
    site_wide = site_version()
    this_path = page_version(request.path)
    if site_wide is None or this_path is None:
        return OFF  # the cache is unavailable or not trusted: render everything
    site = Site.find_for_request(request)  # Wagtail keeps it on the request
    address = CacheAddress.of(request)
    site_key = _digest(
        site_wide, get_language(), request.scheme, address.host, getattr(site, "pk", None)
    )
    return FragmentKeys(
        cache=FRAGMENT_CACHE,
        seconds=seconds,
        site=site_key,
        page=_digest(site_key, this_path, page.cache_key),
    )


@register.simple_tag(takes_context=True)
def fragment_keys(context):
    """Set once at the top of base.html, so that every block below can use it."""
    return fragment_keys_for(context.get("request"), context.get("page"))
