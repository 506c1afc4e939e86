from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Being found: site search, sitemap, robots.txt, metadata, structured data, redirects."""

    name = "seo"
    verbose_name = _("Search and SEO")
