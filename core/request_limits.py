"""Request bodies larger than the site can use are refused before anything reads them.

Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not uploaded files: a 100 MB
multipart upload is read to disk in full before any form can say the file is too big. The
largest thing anyone may send is a document in the admin (WAGTAILDOCS_MAX_UPLOAD_SIZE); public
pages take only forms. The proxy in front should refuse larger bodies too (README).
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

# Room for the form fields that travel with an upload.
FORM_FIELDS_ALLOWANCE = 1024 * 1024


def admin_body_limit():
    largest_upload = max(
        getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 0) or 0,
        getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 0) or 0,
    )
    return largest_upload + FORM_FIELDS_ALLOWANCE


def body_limit(path):
    if path.startswith("/admin/"):
        return admin_body_limit()
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestBodyLimitMiddleware:
    """Answers 413 with a page that says what the limit is, in Turkish and English (the
    language middleware has not run yet, and the visitor may come from either)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = body_limit(request.path_info)
        if length > limit:
            return self.too_large(limit)
        return self.get_response(request)

    @staticmethod
    def too_large(limit):
        megabytes = f"{limit / (1024 * 1024):.1f}".removesuffix(".0")
        limits = {"limit_tr": f"{megabytes.replace('.', ',')} MB", "limit_en": f"{megabytes} MB"}
        body = render_to_string("413.html", limits)
        response = HttpResponse(body, status=413)
        response["Cache-Control"] = "no-store"
        # The client is still sending: tell it (and the proxy) to stop rather than reuse.
        response["Connection"] = "close"
        return response
