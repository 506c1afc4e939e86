"""`make run`'s settings (manage.py's default, mbbcms.settings.dev) pass Django's checks on a
fresh checkout: DEBUG on, e-mails to the console, nothing to configure."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHOW = """
import django
django.setup()
from django.conf import settings
print(settings.DEBUG, settings.EMAIL_BACKEND, settings.FRAGMENT_CACHE_SECONDS)
"""


def run(args, tmp_path, **env):
    # As on a developer's machine: no variables of CI or of another settings module.
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", **env)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_manage_py_defaults_to_the_development_settings_and_its_checks_pass(tmp_path):
    result = run(["manage.py", "check"], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "System check identified no issues" in result.stdout


def test_development_shows_errors_prints_emails_and_reloads_templates(tmp_path):
    result = run(["-c", SHOW], tmp_path, DJANGO_SETTINGS_MODULE="mbbcms.settings.dev")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == [
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "0",
    ]
