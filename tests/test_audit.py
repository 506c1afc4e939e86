"""`make audit` fails unless the packages were actually audited: when the vulnerability data
cannot be reached, every package is skipped, and pip-audit without --strict still exits 0."""

import re
import shlex
import sys
from pathlib import Path
from unittest import mock

import pytest
import requests
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent


def make_audit_arguments():
    """The pip-audit arguments of the Makefile's `audit` recipe."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^audit:.*\n\t(.+)$", makefile, re.MULTILINE).group(1)
    command = shlex.split(recipe)
    assert command[0].endswith("pip-audit"), recipe
    return command[1:]


def not_found(self, request, *args, **kwargs):
    """What an unreachable or filtered index answers for every package (found on a sandboxed
    machine: 93 of 93 packages skipped as "not found on PyPI")."""
    response = requests.Response()
    response.status_code = 404
    response.url = request.url
    response.request = request
    response._content = b'{"message": "Not Found"}'
    return response


def run_pip_audit(arguments, cache_dir):
    from pip_audit._cli import audit

    argv = ["pip-audit", *arguments, "--cache-dir", str(cache_dir)]
    with (
        mock.patch.object(sys, "argv", argv),
        mock.patch.object(HTTPAdapter, "send", not_found),
        pytest.raises(SystemExit) as exit_info,
    ):
        audit()
        raise SystemExit(0)
    return exit_info.value.code or 0


def test_make_audit_fails_when_no_package_could_be_audited(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run_pip_audit(make_audit_arguments(), tmp_path) != 0


def test_without_strict_the_same_audit_would_pass(tmp_path, monkeypatch):
    """Why --strict matters: the unreachable data alone does not fail pip-audit."""
    monkeypatch.chdir(ROOT)
    arguments = [argument for argument in make_audit_arguments() if argument != "--strict"]
    assert run_pip_audit(arguments, tmp_path) == 0
