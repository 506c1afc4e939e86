"""Security headers and CSP on public and admin pages, admin lockout, upload validation."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Page

from core.uploads import validate_document_file
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def assert_security_headers(response):
    """The headers every response carries, public or admin."""
    directives = csp_directives(response)
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert all(source in ("'self'", "'unsafe-inline'") for source in directives["script-src"])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")
    return directives


@pytest.mark.parametrize("language", ["tr", "en"])
def test_public_pages_carry_security_headers_and_a_strict_csp(client, language):
    for page in Page.objects.filter(locale__language_code=language, depth__gte=2).live():
        response = client.get(page.url)
        directives = assert_security_headers(response)
        assert "'unsafe-inline'" not in directives["script-src"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_public_pages_need_no_inline_script(client, tr):
    """Cached pages can't carry a per-request nonce, so they must not need one."""
    for page in Page.objects.filter(locale=tr, depth__gte=2).live():
        html = client.get(page.url).content.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", html)
        assert inline == [], page.url


def test_a_public_page_that_asks_for_a_nonce_gets_it_in_its_policy(rf):
    """The public policy keeps the nonce: a template that needs an inline script can have one."""
    from django.http import HttpResponse

    from core.csp import ContentSecurityPolicyMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    request = rf.get("/tr/")
    response = ContentSecurityPolicyMiddleware(view)(request)
    script_src = csp_directives(response)["script-src"]
    assert script_src == ["'self'", f"'nonce-{request.csp_nonce}'"]


def test_admin_pages_carry_the_admin_policy_with_inline_scripts_and_no_nonce(
    client, admin_user, tr
):
    """A nonce next to 'unsafe-inline' would make browsers ignore 'unsafe-inline'."""
    client.force_login(admin_user)
    contact = Page.objects.get(locale=tr, slug="iletisim")
    response = client.get(f"/admin/pages/{contact.pk}/edit/")
    assert response.status_code == 200
    directives = assert_security_headers(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_login_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert csp_directives(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_the_admin_preview_may_be_framed_by_the_admin_only(client, admin_user, tr):
    client.force_login(admin_user)
    page = Page.objects.get(locale=tr, slug="yerel-diplomasi")
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_after_repeated_failures():
    UserFactory(username="editor", password="correct-horse-battery-staple")
    client = Client()
    for _ in range(3):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}, REMOTE_ADDR="10.0.0.1"
        )
        assert response.status_code in (200, 429)
    locked = client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct-horse-battery-staple"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_correct_password_before_the_limit_still_signs_in():
    UserFactory(username="editor", password="correct-horse-battery-staple")
    client = Client()
    client.post("/admin/login/", {"username": "editor", "password": "x"}, REMOTE_ADDR="10.0.0.2")
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct-horse-battery-staple"},
        REMOTE_ADDR="10.0.0.2",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_password_validators_refuse_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("12345678", "password", "kısa"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_a_document_whose_content_does_not_match_its_extension_is_refused():
    fake_pdf = SimpleUploadedFile(
        "rapor.pdf", b"MZ\x90\x00 this is an executable", "application/pdf"
    )
    with pytest.raises(ValidationError, match="uzantısıyla"):  # Turkish: the admin's default
        validate_document_file(fake_pdf)
    with translation.override("en"), pytest.raises(ValidationError, match="does not match"):
        validate_document_file(fake_pdf)


def test_a_real_pdf_is_accepted():
    pdf = SimpleUploadedFile("rapor.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    validate_document_file(pdf)


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_an_oversized_document_is_refused():
    big = SimpleUploadedFile("veri.csv", b"a,b\n" * 1000)
    with translation.override("en"), pytest.raises(ValidationError, match="too large"):
        validate_document_file(big)


def test_the_admin_upload_refuses_a_disguised_document(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Sahte",
            "file": SimpleUploadedFile("sahte.pdf", b"#!/bin/sh\nrm -rf /\n"),
            "collection": 1,
        },
    )
    assert response.status_code == 200  # the form is shown again with the error
    assert not Document.objects.filter(title="Sahte").exists()


def test_svg_images_are_not_accepted(client, admin_user):
    client.force_login(admin_user)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    client.post(
        "/admin/images/add/",
        {
            "title": "Kötü",
            "file": SimpleUploadedFile("x.svg", svg, "image/svg+xml"),
            "collection": 1,
        },
    )
    from wagtail.images.models import Image

    assert not Image.objects.filter(title="Kötü").exists()
