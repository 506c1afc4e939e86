"""The admin sign-in lockout behind the proxy the README requires: it locks the pair of
username and client address, where the address is the client's, not the proxy's."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.9.0.1"
ATTACKER = "203.0.113.7"
EDITOR_ADDRESS = "198.51.100.20"
PASSWORD = "correct-horse-battery-staple"


def sign_in(client_address, password):
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )
    return response, client


def fail_five_times(client_address):
    for _ in range(5):
        response, _client = sign_in(client_address, "wrong")
        assert response.status_code in (200, 429)


@pytest.fixture
def editor():
    return UserFactory(username="editor", password=PASSWORD)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_five_failures_from_one_client_do_not_lock_the_user_out_from_another_client(editor):
    fail_five_times(ATTACKER)
    response, client = sign_in(EDITOR_ADDRESS, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_five_failures_from_one_client_lock_that_client_out(editor):
    fail_five_times(ATTACKER)
    response, client = sign_in(ATTACKER, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_address_does_not_escape_the_lockout(editor):
    fail_five_times(ATTACKER)
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{EDITOR_ADDRESS}, {ATTACKER}",
    )
    assert response.status_code == 429


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_the_documented_command_unlocks_the_pair(editor):
    fail_five_times(ATTACKER)
    call_command("axes_reset_ip_username", ATTACKER, "editor", stdout=StringIO())
    response, _client = sign_in(ATTACKER, PASSWORD)
    assert response.status_code == 302


def test_the_old_proxy_count_variable_is_still_read():
    from tests.test_production import good_env, run_python

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.TRUSTED_PROXY_COUNT)"
    )
    result = run_python(code, **good_env(CONTACT_TRUSTED_PROXY_COUNT="2"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "2"
    result = run_python(code, **good_env(TRUSTED_PROXY_COUNT="1", CONTACT_TRUSTED_PROXY_COUNT="2"))
    assert result.stdout.strip().splitlines()[-1] == "1"
