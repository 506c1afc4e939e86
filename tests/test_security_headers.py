"""Security headers on every response: page-cache hits, /healthz, and pages rendered for a
signed-in user (which carry the user bar and must never be stored by a CDN)."""

import pytest
from django.test import Client

from home.models import WorkAreaPage
from tests.test_security import assert_security_headers

pytestmark = pytest.mark.django_db


def test_a_page_cache_hit_carries_every_security_header(settings, tr):
    settings.PAGE_CACHE_SECONDS = 600
    url = WorkAreaPage.objects.get(locale=tr).url
    miss, hit = Client().get(url), Client().get(url)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert_security_headers(hit)
    assert hit["X-Frame-Options"] == "DENY"
    for name in ("X-Frame-Options", "Content-Security-Policy", "Referrer-Policy"):
        assert hit[name] == miss[name]


def test_the_health_check_carries_the_security_headers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert_security_headers(response)
    assert response["X-Frame-Options"] == "DENY"


def test_a_page_rendered_for_a_signed_in_user_is_private_and_not_stored(tr, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(WorkAreaPage.objects.get(locale=tr).url)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_an_anonymous_page_stays_cacheable_by_the_cdn(tr):
    response = Client().get(WorkAreaPage.objects.get(locale=tr).url)
    assert "private" not in response.get("Cache-Control", "")
    assert "no-store" not in response.get("Cache-Control", "")
