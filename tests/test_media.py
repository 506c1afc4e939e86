"""Uploaded media on the local disk is served under production settings, safely: images inline,
anything else as an attachment, documents only through Wagtail's view, nothing outside the
media root, and a CSP that lets no uploaded file run script on this origin."""

import json
import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.test_production import ROOT, good_env

UPLOAD_AND_SHOW = r"""
import io, json, re
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as Pillow

from django.conf import settings
from django.test import override_settings

# Production settings, but static files unhashed: collectstatic is not what this test is about.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
call_command("migrate", verbosity=0)
call_command("load_seed_content", verbosity=0)
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from networks.models import NetworkPage

editor = Client()
editor.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
picture = io.BytesIO()
Pillow.new("RGB", (300, 150), "navy").save(picture, "PNG")
upload = editor.post(
    "/admin/images/add/",
    {"title": "NALAS logo", "description": "NALAS logosu", "collection": 1,
     "file": SimpleUploadedFile("nalas.png", picture.getvalue(), "image/png")},
    secure=True,
)
image = Image.objects.get(title="NALAS logo")
page = NetworkPage.objects.get(slug="nalas", locale__language_code="tr")
page.logo = image
page.save_revision().publish()

visitor = Client()
html = visitor.get(page.url, secure=True).content.decode()
renditions = re.findall(r'(?:src|srcset)="(/media/images/[^" ]+)', html)
rendition = visitor.get(renditions[-1], secure=True)
original = visitor.get("/media/" + image.file.name, secure=True)
print(json.dumps({
    "upload": upload.status_code,
    "renditions": renditions,
    "status": rendition.status_code,
    "type": rendition["Content-Type"],
    "nosniff": rendition.get("X-Content-Type-Options"),
    "csp": rendition.get("Content-Security-Policy"),
    "disposition": rendition.get("Content-Disposition"),
    "body_is_image": b"".join(rendition.streaming_content)[:4] in (b"\x89PNG", b"RIFF")
        or b"ftyp" in b"".join(visitor.get(renditions[-1], secure=True).streaming_content)[:12],
    "original": original.status_code,
}))
"""


def test_an_uploaded_image_shows_on_a_public_page_under_production_settings(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="mbbcms.settings.production",
        **good_env(
            DJANGO_ALLOWED_HOSTS="testserver",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
            DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        ),
    )
    # Migrating and loading the seed take a while on a busy machine: no timing is tested.
    result = subprocess.run(
        [sys.executable, "-c", UPLOAD_AND_SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["upload"] == 302
    assert outcome["renditions"], "the page shows no rendition"
    assert outcome["status"] == 200
    assert outcome["type"].startswith("image/")
    assert outcome["nosniff"] == "nosniff"
    assert "default-src 'none'" in outcome["csp"]
    assert "sandbox" in outcome["csp"]
    assert (outcome["disposition"] or "inline").startswith("inline")  # images show inline
    assert outcome["body_is_image"]
    assert outcome["original"] == 200


@pytest.fixture
def media_root(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "other").mkdir()
    return tmp_path


def test_a_file_that_is_not_an_image_is_sent_as_an_attachment(media_root):
    (media_root / "other" / "page.html").write_text("<script>alert(1)</script>")
    (media_root / "original_images" / "fake.png.html").write_text("<script>alert(1)</script>")
    for path in ("/media/other/page.html", "/media/original_images/fake.png.html"):
        response = Client().get(path)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_documents_are_only_served_through_wagtails_view(media_root):
    (media_root / "documents" / "private.pdf").write_bytes(b"%PDF-1.4\n")
    assert Client().get("/media/documents/private.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/%2e%2e/manage.py", "/media/..%2fmanage.py", "/media/other/", "/media/nothing.png"],
)
def test_nothing_outside_the_media_root_or_missing_is_served(media_root, path):
    response = Client().get(path, follow=True)
    assert response.status_code == 404
    assert b"DJANGO_SETTINGS_MODULE" not in response.content


def test_media_answers_only_reads(media_root):
    (media_root / "original_images" / "a.png").write_bytes(b"\x89PNG\r\n")
    assert Client().post("/media/original_images/a.png").status_code == 405
