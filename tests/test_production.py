"""Production settings, deploy checks and the health endpoint."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_python(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "mbbcms.settings.production", **env})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def good_env(**overrides):
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "www.example.org",
        **overrides,
    }


SETUP = "import django; django.setup(); print('started')"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(SETUP, DJANGO_ALLOWED_HOSTS="www.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "started" not in result.stdout


def test_production_refuses_a_short_secret_key():
    result = run_python(SETUP, **good_env(DJANGO_SECRET_KEY="too-short"))
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(SETUP, **good_env(DJANGO_ALLOWED_HOSTS=""))
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_SECURE_SSL_REDIRECT", "maybe", "true or false"),
        ("EMAIL_PORT", "twenty-five", "whole number"),
        ("REDIS_URL", "http://cache:6379", "REDIS_URL must start"),
        ("DATABASE_URL", "nonsense://x", "DATABASE_URL"),
    ],
)
def test_production_explains_invalid_values(name, value, message):
    result = run_python(SETUP, **good_env(**{name: value}))
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_valid_settings():
    result = run_python(SETUP, **good_env(REDIS_URL="redis://127.0.0.1:6379/3"))
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # Only what the test sets: a developer's db.sqlite3 (Site 127.0.0.1:8000) or CI's REDIS_URL
    # (counters beside the cache) would rightly fail the deploy checks.
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "RATELIMIT_REDIS_URL"))
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "mbbcms.settings.production",
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            **good_env(),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


HEALTH = """
import django, json
django.setup()
from django.test import Client
response = Client().get('/healthz', HTTP_HOST='10.0.0.5')
print(json.dumps({'status': response.status_code, 'body': json.loads(response.content)}))
"""


def test_health_endpoint_reports_503_when_the_database_is_down():
    result = run_python(
        HEALTH,
        **good_env(
            DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing",  # nothing listens on port 1
            DJANGO_SECURE_SSL_REDIRECT="true",
        ),
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["database"] == "unavailable"
    assert outcome["body"]["cache"] == "ok"


def test_health_endpoint_reports_503_when_redis_is_down(tmp_path):
    result = run_python(
        HEALTH,
        **good_env(
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            REDIS_URL="redis://127.0.0.1:1/0",
        ),
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "status": 503,
        "body": {"database": "ok", "cache": "unavailable", "status": "unavailable"},
    }


@pytest.mark.django_db
def test_health_endpoint_reports_200_when_all_is_well(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_health_endpoint_answers_plain_http_and_any_host_in_production(tmp_path):
    """Load balancers poll by IP over HTTP: no HTTPS redirect, no DisallowedHost."""
    result = run_python(HEALTH, **good_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 200


def test_logs_are_json_lines(capsys):
    import logging

    from core.logging import JsonFormatter

    record = logging.LogRecord("mbbcms", logging.WARNING, __file__, 1, "Şehir %s", ("İzmir",), None)
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "Şehir İzmir"
    assert entry["level"] == "WARNING"


PAGE = """
import django, json
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
response = client.get('/tr/', HTTP_HOST='www.example.org', secure=True)
print(json.dumps({'status': response.status_code, 'retry': response.get('Retry-After'),
                  'body': response.content.decode()}))
"""


def test_a_database_outage_answers_503_with_retry_after_not_500():
    result = run_python(PAGE, **good_env(DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing"))
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["retry"] == "10"
    assert "Hizmete kısa bir ara verdik" in outcome["body"]
    assert "We will be back in a moment" in outcome["body"]
