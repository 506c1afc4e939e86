"""The contact form's request-body limit, applied before anything reads the body."""

from django.conf import settings


class ContactBodyLimitMiddleware:
    """Answer a POST to the contact form whose body exceeds CONTACT_MAX_BODY_BYTES with the
    form and a message (413), before the body is read: CSRF checking reads it, and a large
    multipart body would otherwise be spooled to disk.

    Place after core.routing.PageRoutingMiddleware (which finds the page) and before
    CsrfViewMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not self.too_large(request):
            return None
        route = getattr(request, "_wagtail_route_for_request", None)
        page = route.page.specific if route is not None else None
        from .models import ContactFormPage

        if not isinstance(page, ContactFormPage):
            return None
        return page.render_form(
            request, page.get_form(page=page, user=request.user), status=413, too_large=True
        )

    @staticmethod
    def too_large(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False  # Django itself treats an unreadable length as an empty body
        return length > settings.CONTACT_MAX_BODY_BYTES
