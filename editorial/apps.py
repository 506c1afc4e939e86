from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editors' and translators' workflow: roles, moderation, translation parity."""

    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import page_permissions, signals

        signals.connect()
        page_permissions.register()
