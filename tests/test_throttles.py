"""Limits on what visitors can make the site do again and again: rate-limit counters that cache
pressure cannot evict, wrong passwords for protected pages, and admin password-reset e-mails
(per client and per address)."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from home.models import WorkAreaPage
from tests.contact import contact_page, valid_answers
from tests.test_production import good_env, run_python

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


# --- Counters outlive cache pressure ----------------------------------------------------


@override_settings(CONTACT_RATE_LIMIT=1)
def test_a_limited_address_stays_limited_when_the_page_cache_is_evicted(client, tr):
    page = contact_page(tr)
    assert client.post(page.url, valid_answers()).status_code == 200
    assert client.post(page.url, valid_answers()).status_code == 429
    caches["default"].clear()  # what allkeys-lru does to the cache under pressure
    assert client.post(page.url, valid_answers()).status_code == 429


def compose_service(name):
    """The service's block of compose.yaml (no YAML parser installed: its text)."""
    text = (ROOT / "compose.yaml").read_text()
    match = re.search(rf"^  {name}:\n((?:    .*\n|\s*\n)+)", text, re.MULTILINE)
    assert match, name
    return match.group(1)


def test_compose_keeps_the_counters_on_a_redis_that_never_evicts():
    text = (ROOT / "compose.yaml").read_text()
    assert "RATELIMIT_REDIS_URL: redis://ratelimit:6379/0" in text
    ratelimit = compose_service("ratelimit")
    assert '"--maxmemory-policy", "noeviction"' in ratelimit
    assert "allkeys-lru" in compose_service("redis")  # the cache's own Redis may evict


SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings; "
    "from django.core.management import call_command; "
    "print(json.dumps(settings.CACHES['ratelimit']))"
)


def test_production_reads_the_counters_redis_from_ratelimit_redis_url():
    result = run_python(
        SETTINGS,
        **good_env(REDIS_URL="redis://cache:6379/0", RATELIMIT_REDIS_URL="redis://limits:6379/0"),
    )
    assert result.returncode == 0, result.stderr
    assert '"LOCATION": "redis://limits:6379/0"' in result.stdout


def test_deploy_check_warns_when_the_counters_share_the_evicting_cache():
    code = "import django; django.setup(); from django.core.management import call_command; "
    code += "call_command('check', deploy=True)"
    shared = run_python(code, **good_env(REDIS_URL="redis://127.0.0.1:6379/4"))
    assert "mbbcms.W001" in shared.stderr + shared.stdout
    apart = run_python(
        code,
        **good_env(
            REDIS_URL="redis://127.0.0.1:6379/4", RATELIMIT_REDIS_URL="redis://127.0.0.1:6379/5"
        ),
    )
    assert "mbbcms.W001" not in apart.stderr + apart.stdout


# --- Page passwords -------------------------------------------------------------------------


@pytest.fixture
def protected_page(tr):
    page = WorkAreaPage.objects.get(locale=tr)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="gizli-parola"
    )
    return page, f"/tr/_util/authenticate_with_password/{restriction.id}/{page.id}/"


def try_password(url, password, address="203.0.113.5"):
    return Client().post(url, {"password": password, "return_url": "/tr/"}, REMOTE_ADDR=address)


@override_settings(PAGE_PASSWORD_ATTEMPT_LIMIT=3)
def test_wrong_page_passwords_are_throttled_per_client(protected_page):
    _page, url = protected_page
    for _ in range(3):
        assert try_password(url, "yanlış").status_code == 200
    refused = try_password(url, "gizli-parola")
    assert refused.status_code == 429
    assert "Bu adresten çok fazla deneme yapıldı" in refused.content.decode()
    # Another client is not affected.
    assert try_password(url, "gizli-parola", address="198.51.100.9").status_code == 302


@override_settings(PAGE_PASSWORD_ATTEMPT_LIMIT=3)
def test_the_right_page_password_within_the_limit_still_opens_the_page(protected_page):
    _page, url = protected_page
    assert try_password(url, "yanlış").status_code == 200
    assert try_password(url, "gizli-parola").status_code == 302


# --- Admin password-reset e-mails ---------------------------------------------------------


def ask_for_reset(email, address="203.0.113.5"):
    return Client().post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


@override_settings(PASSWORD_RESET_LIMIT_PER_ADDRESS=2, PASSWORD_RESET_LIMIT_PER_CLIENT=100)
def test_password_reset_mails_one_address_only_so_often(admin_user):
    admin_user.email = "editor@example.org"
    admin_user.save()
    for n in range(4):
        response = ask_for_reset("editor@example.org", address=f"198.51.100.{n + 1}")
        # The same answer every time: the form never tells whether an address has an account.
        assert response.status_code == 302
        assert response["Location"].endswith("/admin/password_reset/done/")
    assert len(mail.outbox) == 2


@override_settings(PASSWORD_RESET_LIMIT_PER_CLIENT=3, PASSWORD_RESET_LIMIT_PER_ADDRESS=100)
def test_password_reset_requests_are_throttled_per_client(admin_user):
    for n in range(3):
        assert ask_for_reset(f"person{n}@example.org").status_code == 302
    refused = ask_for_reset("someone@example.org")
    assert refused.status_code == 429
    assert "Bu adresten çok fazla deneme yapıldı" in refused.content.decode()
    assert ask_for_reset("someone@example.org", address="198.51.100.7").status_code == 302


def test_a_full_counters_redis_lets_requests_through_instead_of_failing(settings):
    """A noeviction Redis that is full refuses writes (OOM): the limits fail open, no 500."""
    from unittest import mock

    from django.core.cache.backends.redis import RedisCache
    from redis.exceptions import OutOfMemoryError

    from core.throttles import Throttle
    from forms_app.spam import RateLimiter

    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # never reached: the writes below are refused
        },
    }
    full = OutOfMemoryError("command not allowed when used memory > 'maxmemory'")
    with (
        mock.patch.object(RedisCache, "add", side_effect=full),
        mock.patch.object(RedisCache, "incr", side_effect=full),
    ):
        assert RateLimiter("203.0.113.9").allow() is True
        assert Throttle("page-password", "203.0.113.9", limit=1, window=60).hit() is True
