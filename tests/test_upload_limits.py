"""Uploads the site cannot use are refused with a clear answer: bodies larger than the largest
allowed upload (413), and images that only look like images (a form error, not a 500)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
BROKEN_GIF = b"GIF89a" + b"\x00junk" * 50


@pytest.fixture
def editor(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def test_settings_cap_form_fields_and_in_memory_files(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2621440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2621440


def test_a_document_larger_than_any_allowed_upload_is_refused_with_413(editor, settings):
    too_big = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 2 * MB
    response = editor.post(
        "/admin/documents/add/",
        {"title": "Dev", "file": SimpleUploadedFile("dev.pdf", b"%PDF-1.4\n" + b"0" * too_big)},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Gönderdiğiniz dosya çok büyük" in page
    assert "The upload is too large" in page
    assert "21 MB" in page
    assert not Document.objects.filter(title="Dev").exists()


def test_a_large_body_to_a_public_page_is_refused_with_413(client, tr):
    response = client.post("/tr/iletisim/", {"mesajiniz": "x" * (3 * MB)})
    assert response.status_code == 413
    assert "2,5 MB" in response.content.decode()
    assert "2.5 MB" in response.content.decode()


def test_an_upload_within_the_limit_still_reaches_the_form(editor):
    # Over the image limit (10 MB), under the document limit: Wagtail's own message answers.
    response = editor.post(
        "/admin/images/add/",
        {"title": "Büyük", "file": SimpleUploadedFile("b.png", b"\x89PNG" + b"0" * (11 * MB))},
    )
    assert response.status_code == 200
    assert not Image.objects.filter(title="Büyük").exists()


def test_a_malformed_gif_is_refused_with_a_clear_validation_error(editor):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Bozuk",
            "file": SimpleUploadedFile("bozuk.gif", BROKEN_GIF, "image/gif"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.filter(title="Bozuk").exists()


def test_a_malformed_gif_in_the_multiple_uploader_is_refused_not_a_500(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bozuk.gif", BROKEN_GIF, "image/gif"), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Image.objects.filter(title="bozuk.gif").exists()


def test_a_real_gif_is_still_accepted(editor):
    import io

    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "red").save(buffer, "GIF")
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Kırmızı",
            "description": "Kırmızı kare",
            "file": SimpleUploadedFile("kirmizi.gif", buffer.getvalue(), "image/gif"),
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Image.objects.filter(title="Kırmızı").exists()
