from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from mbbcms.admin_csp import add_nonce_to_chooser_scripts
        from mbbcms.page_cache import connect_invalidation_signals
        from mbbcms.throttles import check_counters_survive_cache_pressure  # noqa: F401 - registers

        connect_invalidation_signals()
        add_nonce_to_chooser_scripts()
