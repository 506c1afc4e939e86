"""The site's public address (SITE_URL, e.g. https://www.marmara.gov.tr) and absolute URLs.

Wagtail writes a page's absolute URL from its Site's host name and port (`Site.root_url`), so
the default Site must carry the public address: `migrate`, `load_seed_content` and
`manage.py set_site_url` set it from SITE_URL. Every other absolute URL the site writes
(images, robots.txt's sitemap line, alternates of views that are not pages) joins its path to
the same Site's root URL, so one page never mixes the request's host with the Site's.

Wagtail's models are imported inside the functions: `validate_site_url` runs while the apps
are still loading.
"""

from urllib.parse import urljoin, urlsplit

from django.core.exceptions import ImproperlyConfigured

# Wagtail's Site writes "https://" only for port 443 and "http://" for every other port.
DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(url):
    """(host name, port) of an address such as https://www.marmara.gov.tr; ValueError if not."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{url!r} is not an http:// or https:// address with a host name.")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{url!r} must be only a scheme and a host (and port), no path.")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise ValueError(f"{url!r} has an invalid port.") from None
    if parts.scheme == "https" and port != 443:
        raise ValueError(f"{url!r}: https addresses must use port 443 (Wagtail's Site rule).")
    if parts.scheme == "http" and port == 443:
        raise ValueError(f"{url!r}: port 443 is for https.")
    return parts.hostname, port


def validate_site_url():
    """Stop start-up (every process: gunicorn, manage.py, the worker) when SITE_URL is not an
    address parse_site_url accepts. Called from CoreConfig.ready."""
    from django.conf import settings

    try:
        parse_site_url(settings.SITE_URL)
    except ValueError as error:
        raise ImproperlyConfigured(
            "DJANGO_SITE_URL (in production by default https:// + the first "
            f"DJANGO_ALLOWED_HOSTS entry): {error}"
        ) from None


def set_default_site_address(url=None):
    """Point the default Wagtail Site at `url` (SITE_URL by default). Returns the Site or None."""
    from django.conf import settings
    from wagtail.models import Site

    hostname, port = parse_site_url(url or settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Site.save clears Wagtail's cached site root paths
    return site


def site_root_url(request=None):
    """The public address (no trailing slash) of the Site serving `request`, or the default's."""
    from django.conf import settings
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.SITE_URL.rstrip("/")
    return site.root_url


def absolute_url(url, request=None):
    """`url` (a path, or already absolute, e.g. on a CDN) as an absolute URL on the site."""
    return urljoin(site_root_url(request) + "/", url)
