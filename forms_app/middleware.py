"""The contact form's request-body limit, applied before anything reads the body."""

from django.conf import settings


class ContactBodyLimitMiddleware:
    """Answer a POST to the contact form whose body exceeds CONTACT_MAX_BODY_BYTES with the
    form and a message (413), before the body is read: CSRF checking reads it, and a large
    multipart body would otherwise be spooled to disk.

    Place before CsrfViewMiddleware. The page is found by its address, through Wagtail's
    public `get_url_parts`: only an oversized POST pays for that lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not self.too_large(request):
            return None
        page = self.contact_page_at(request)
        if page is None:
            return None
        return page.render_form(
            request, page.get_form(page=page, user=request.user), status=413, too_large=True
        )

    @staticmethod
    def contact_page_at(request):
        from .models import ContactFormPage

        for page in ContactFormPage.objects.live():
            parts = page.get_url_parts(request=request)
            if parts is not None and parts[2] == request.path:
                return page
        return None

    @staticmethod
    def too_large(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False  # Django itself treats an unreadable length as an empty body
        return length > settings.CONTACT_MAX_BODY_BYTES
