from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig


class CoreConfig(AppConfig):
    """What every page and every request shares: the page base class, blocks, the chrome
    (navigation, language switcher, footer), caching, security and operations."""

    name = "core"
    verbose_name = _("Core")
    default = True  # this module holds another AppConfig (FrontendCacheConfig)

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .invalidation import connect_invalidation_signals
        from .site_url import validate_site_url
        from .throttles import check_counters_survive_cache_pressure  # noqa: F401 - registers

        validate_site_url()  # settings cannot check SITE_URL: they import no app
        connect_invalidation_signals()


class FrontendCacheConfig(WagtailFrontendCacheAppConfig):
    """wagtail.contrib.frontend_cache without its own publish handlers: they purge the CDN
    while the publish is still uncommitted (a refetch in between would cache the old page)
    and only the page itself. core/invalidation.py purges the whole set after the commit,
    through the app's documented PurgeBatch."""

    def ready(self):
        pass  # upstream's ready() only connects those handlers (tests/test_cache_backend.py)
