"""The site's real address (SITE_URL / DJANGO_SITE_URL) in every absolute URL it writes."""

import json
import os
import re
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import html5lib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from core.site_url import parse_site_url, set_default_site_address
from seo.checks import default_site_has_a_public_address, is_placeholder_host

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.marmara.gov.tr", ("www.marmara.gov.tr", 443)),
        ("https://www.marmara.gov.tr/", ("www.marmara.gov.tr", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://mbb.example", ("mbb.example", 80)),
    ],
)
def test_a_site_address_gives_the_sites_host_name_and_port(url, expected):
    assert parse_site_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "www.marmara.gov.tr",
        "ftp://x.org",
        "https://x.org/tr/",
        "https://x.org:8443",
        "http://x.org:99999",
    ],
)
def test_an_address_wagtails_site_cannot_hold_is_refused(url):
    with pytest.raises(ValueError):
        parse_site_url(url)


@pytest.mark.parametrize(
    ("hostname", "placeholder"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("::1", True),
        ("example.com", True),
        ("www.example.com", True),
        ("www.marmara.gov.tr", False),
        ("10.0.0.5", False),
    ],
)
def test_development_host_names_are_recognised(hostname, placeholder):
    assert is_placeholder_host(hostname) is placeholder


@pytest.mark.django_db
def test_set_site_url_points_the_default_site_at_the_address():
    call_command("set_site_url", "https://www.marmara.gov.tr", stdout=open(os.devnull, "w"))
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "www.marmara.gov.tr",
        443,
        "https://www.marmara.gov.tr",
    )
    assert default_site_has_a_public_address() == []


@pytest.mark.django_db
def test_set_site_url_refuses_a_bad_address():
    with pytest.raises(CommandError, match="no path"):
        call_command("set_site_url", "https://www.marmara.gov.tr/tr/")


@pytest.mark.django_db
@pytest.mark.parametrize("hostname", ["localhost", "127.0.0.1", "example.com"])
def test_the_deploy_check_fails_while_the_default_site_is_a_development_address(hostname):
    Site.objects.filter(is_default_site=True).update(hostname=hostname)
    [error] = default_site_has_a_public_address()
    assert error.id == "seo.E001" and error.is_serious()
    assert "DJANGO_SITE_URL" in error.hint


@pytest.mark.django_db
def test_e_mail_links_use_the_sites_address(
    client, en, settings, django_capture_on_commit_callbacks
):
    from tests.contact import contact_page, forget_rate_limit, topic_key, valid_answers

    forget_rate_limit()
    set_default_site_address(ADDRESS)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page(en).url, valid_answers(konu=topic_key("ALDA")))
    assert response.status_code == 200
    from forms_app.models import OutgoingEmail

    confirmation = OutgoingEmail.objects.get(kind=OutgoingEmail.Kind.CONFIRMATION)
    links = re.findall(r"https?://[^\s\"'<>]+", confirmation.body_text + confirmation.body_html)
    assert links and all(link.startswith(ADDRESS + "/") for link in links), links


# --- Under production settings -------------------------------------------------------

# Production settings exactly, except that static files come from the source folders (no
# collectstatic in a test).
SETTINGS_OVERLAY = """
from mbbcms.settings.production import *  # noqa
STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
WHITENOISE_USE_FINDERS = True
"""

VISIT = """
import json
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from networks.models import NetworkPage

call_command("migrate", verbosity=0, interactive=False)
call_command("load_seed_content", verbosity=0)
nalas = NetworkPage.objects.get(short_name="NALAS", locale__language_code="en")
client = Client()
pages = {}
for path in ["/tr/", "/en/", nalas.url, "/sitemap.xml", "/robots.txt"]:
    response = client.get(path, HTTP_HOST="www.example.org", secure=True)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps({"pages": pages, "admin_base_url": settings.WAGTAILADMIN_BASE_URL}))
"""


def run_production(tmp_path, code, **env):
    (tmp_path / "overlay_settings.py").write_text(SETTINGS_OVERLAY)
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "overlay_settings",
            "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "www.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def production_visit(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    result = run_production(tmp_path, VISIT, DJANGO_SITE_URL=ADDRESS)
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path, json.loads(result.stdout.strip().splitlines()[-1])


def absolute_urls_in_head(html):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    head = document.find("head")
    urls = []
    for link in head.iter("link"):
        if link.get("rel") in ("canonical", "alternate"):
            urls.append(link.get("href"))
    for meta in head.iter("meta"):
        if meta.get("property") in ("og:url", "og:image") or meta.get("name") == "twitter:image":
            urls.append(meta.get("content"))
    for script in document.iter("script"):
        if script.get("type") == "application/ld+json":
            urls += json_ld_site_urls(json.loads(script.text))
    return urls


def json_ld_site_urls(data):
    """The JSON-LD values that are this site's URLs (not the networks' own websites)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("@id", "item", "mainEntityOfPage", "logo") and isinstance(value, str):
                found.append(value)
            elif key == "url" and data.get("@type") in ("GovernmentOrganization", "WebPage"):
                found.append(value)
            else:
                found += json_ld_site_urls(value)
    elif isinstance(data, list):
        for item in data:
            found += json_ld_site_urls(item)
    return found


@pytest.mark.parametrize("path", ["/tr/", "/en/", "network"])
def test_under_production_settings_every_absolute_url_on_a_page_uses_the_site_url(
    production_visit, path
):
    _tmp, visit = production_visit
    pages = visit["pages"]
    if path == "network":
        path = next(p for p in pages if "/international-memberships/" in p)
    status, html = pages[path]
    assert status == 200
    urls = absolute_urls_in_head(html)
    assert len(urls) >= 5, urls  # canonical, alternates, og:url, og:image, JSON-LD
    assert all(url.startswith(ADDRESS + "/") for url in urls), urls
    assert "localhost" not in html and "www.example.org" not in html


def test_under_production_settings_the_sitemap_and_robots_txt_use_the_site_url(production_visit):
    _tmp, visit = production_visit
    status, sitemap = visit["pages"]["/sitemap.xml"]
    assert status == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'href="([^"]+)"', sitemap)
    assert len(locations) > 10 and alternates
    assert all(url.startswith(ADDRESS + "/") for url in locations + alternates)
    status, robots = visit["pages"]["/robots.txt"]
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in robots.splitlines()


def test_under_production_settings_admin_links_in_e_mails_default_to_the_site_url(
    production_visit,
):
    _tmp, visit = production_visit
    assert visit["admin_base_url"] == ADDRESS


def test_check_deploy_fails_on_a_loopback_site_and_passes_after_set_site_url(production_visit):
    tmp_path, _visit = production_visit

    def manage(*args, **env):
        code = f"import sys; sys.argv = ['manage.py', *{list(args)!r}]; "
        code += "from django.core.management import execute_from_command_line; "
        code += "execute_from_command_line(sys.argv)"
        return run_production(tmp_path, code, **env)

    failing = manage("check", "--deploy", DJANGO_SITE_URL=ADDRESS)
    assert failing.returncode != 0
    assert "seo.E001" in failing.stderr + failing.stdout
    assert manage("set_site_url", "https://www.example.org").returncode == 0
    passing = manage("check", "--deploy", "--fail-level", "WARNING")
    assert passing.returncode == 0, passing.stdout + passing.stderr


@pytest.mark.parametrize("address", ["ftp://www.example.org", "https://www.example.org/tr/"])
def test_under_production_settings_an_invalid_site_url_stops_start_up_with_a_message(
    tmp_path, address
):
    result = run_production(tmp_path, "import django; django.setup()", DJANGO_SITE_URL=address)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SITE_URL" in result.stderr, result.stderr[-2000:]
