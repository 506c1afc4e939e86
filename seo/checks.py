"""Deploy check: the default Site must carry the public address, not a development one."""

import ipaddress

from django.core.checks import Error, Tags, register
from django.db import DatabaseError

PLACEHOLDER_HOSTS = {"localhost", "example.com", "www.example.com"}


def is_placeholder_host(hostname):
    hostname = (hostname or "").strip().lower().rstrip(".")
    if hostname in PLACEHOLDER_HOSTS or hostname.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(hostname.strip("[]")).is_loopback
    except ValueError:
        return False


@register(Tags.security, deploy=True)
def default_site_has_a_public_address(app_configs=None, **kwargs):
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: migrate will set the Site
        return []
    if site is None or not is_placeholder_host(site.hostname):
        return []
    return [
        Error(
            f"The default Wagtail Site is {site.hostname}:{site.port}, so canonical links, the "
            "sitemap and e-mails would point there.",
            hint="Set DJANGO_SITE_URL (e.g. https://www.marmara.gov.tr) and run "
            "`manage.py set_site_url` (migrate does it too).",
            id="seo.E001",
        )
    ]
