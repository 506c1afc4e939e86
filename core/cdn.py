"""The CDN in front of the site: purging URLs through wagtail.contrib.frontend_cache's
documented PurgeBatch, with the backends WAGTAILFRONTENDCACHE configures (none: nothing to do).

Nothing here holds up the request that published: PurgeBatch.purge() hands the URLs to
Wagtail's own task (`purge_urls_from_cache_task`, whose HTTP calls the task worker makes), and
a change every page shows, which purges every live page, queues `purge_every_page_task`, which
works out those URLs in the worker. Invalidation calls `purge_cdn` after the commit, once the
page cache has been retired, so the CDN's refetch finds fresh pages.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

logger = logging.getLogger(__name__)


def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_cdn(urls, every_page=False):
    """Purge absolute `urls` at the CDN, and every live page too if `every_page`: queued, never
    done in the request. Never raises: a failing CDN or queue must not fail a publish."""
    if not cdn_configured():
        return  # no CDN: no task to queue
    _purge_batch(urls)
    if every_page:
        try:
            purge_every_page_task.enqueue()
        except Exception:
            logger.exception("Purging every page at the CDN could not be queued; purging now")
            _purge_batch(every_page_urls())


@task()
def purge_every_page_task():
    """Run by the task worker: every live page's URLs, handed to Wagtail's purge task."""
    urls = every_page_urls()
    _purge_batch(urls)
    return len(urls)


def _purge_batch(urls):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if not urls:
        return
    try:
        PurgeBatch(urls).purge()
    except Exception:
        logger.exception("CDN purge failed for %d URLs", len(urls))


def site_wide_paths():
    """What lists every page: the sitemap and the search page of each language."""
    paths = {reverse("sitemap")}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("search"))
    return paths


def every_page_urls():
    """The URLs of every live page (and of what lists them) at each site: what a change every
    page shows retires at the CDN, which has no site version to bump."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    for site in Site.objects.all():
        batch.add_urls([site.root_url + path for path in site_wide_paths()])
    return set(batch.urls)
