"""The CDN in front of the site: purging URLs through wagtail.contrib.frontend_cache's
documented PurgeBatch, with the backends WAGTAILFRONTENDCACHE configures (none: nothing to do).
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def purge_cdn(urls):
    """Purge absolute URLs at the CDN (a task: the backends' HTTP calls never hold up a
    request)."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return  # no CDN: no task to queue
    try:
        PurgeBatch(urls).purge()
    except Exception:  # a failing CDN API must not fail a publish
        logger.exception("CDN purge failed for %d URLs", len(urls))
