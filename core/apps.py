from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page and every request shares: the page base class, blocks, the chrome
    (navigation, language switcher, footer), caching, security and operations."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .invalidation import connect_invalidation_signals
        from .site_url import validate_site_url
        from .throttles import check_counters_survive_cache_pressure  # noqa: F401 - registers

        validate_site_url()  # settings cannot check SITE_URL: they import no app
        connect_invalidation_signals()
