import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("International networks")

    def ready(self):
        # A network's website is a translatable string, and wagtail-localize reads every
        # string with BeautifulSoup, which warns that a URL "looks like a URL, not HTML".
        from bs4 import MarkupResemblesLocatorWarning

        warnings.filterwarnings(
            "ignore", category=MarkupResemblesLocatorWarning, module="wagtail_localize"
        )
