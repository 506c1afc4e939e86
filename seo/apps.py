from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def point_default_site_at_site_url(using="default", **kwargs):
    """After `migrate`: the default Site carries SITE_URL's host name and port."""
    from django.db import connections

    from core.site_url import set_default_site_address

    if "wagtailcore_site" in connections[using].introspection.table_names():
        set_default_site_address()


class SeoConfig(AppConfig):
    """Being found: site search, sitemap, robots.txt, metadata, structured data, redirects."""

    name = "seo"
    verbose_name = _("Search and SEO")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check

        post_migrate.connect(point_default_site_at_site_url, sender=self)
