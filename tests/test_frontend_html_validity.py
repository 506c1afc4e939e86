"""Every page type is valid HTML according to the Nu HTML Checker (vnu.jar, run with Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.site_pages import LANGUAGES, create_standard_pages, page_urls

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

if JAVA is None:
    pytest.skip("Java is not installed, so the Nu HTML Checker cannot run", allow_module_level=True)
if not VNU_JAR.exists():
    pytest.skip(
        f"The Nu HTML Checker is missing ({VNU_JAR}); run `npm ci` to install it",
        allow_module_level=True,
    )

pytestmark = pytest.mark.django_db


def check_html(files):
    """Nu checker errors for the given files, as (file name, line, message)."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    return [
        (Path(message.get("url", "")).name, message.get("lastLine"), message["message"])
        for message in report["messages"]
    ]


def test_every_page_type_in_both_languages_is_valid_html(client, tmp_path, settings):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 3  # the directory's pages and their navigation
    create_standard_pages()
    files = []
    for language in LANGUAGES:
        urls = page_urls(language)
        urls["directory_filtered"] = urls["network_index"] + "?sort=name&joined=2023"
        urls["directory_bad_input"] = urls["network_index"] + "?sort=x&joined=abc"
        urls["directory_page_2"] = urls["network_index"] + "?page=2"
        urls["directory_filtered_page_2"] = urls["network_index"] + "?joined=2023&page=2"
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            path = tmp_path / f"{language}-{name}.html"
            path.write_bytes(response.content)
            files.append(path)
        missing = client.get(f"/{language}/no-such-page/")
        assert missing.status_code == 404
        path = tmp_path / f"{language}-not-found.html"
        path.write_bytes(missing.content)
        files.append(path)
    assert len(files) == 24
    assert check_html(files) == []


def test_the_checker_reports_invalid_html(tmp_path):
    """The check above can fail: a page with a stray end tag is reported."""
    path = tmp_path / "broken.html"
    path.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p>text</div>')
    assert check_html([path]) != []
