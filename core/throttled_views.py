"""Wagtail's page-password and admin password-reset views, with throttles in front.

Both are wrapped at their own URLs in mbbcms/urls.py (matched before Wagtail's), so Wagtail's
views still do the work: a client that has used up its attempts is answered 429 with the
form and a message in the visitor's language.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .client_address import client_ip
from .throttles import Throttle


def too_many_attempts_message(throttle):
    minutes = throttle.retry_after_minutes()
    return ngettext(
        "Too many attempts from your address. Please try again in %(minutes)d minute.",
        "Too many attempts from your address. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def page_password_throttle(request):
    return Throttle(
        "page-password",
        client_ip(request),
        settings.PAGE_PASSWORD_ATTEMPT_LIMIT,
        settings.PAGE_PASSWORD_ATTEMPT_WINDOW,
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view; each wrong password counts against the client's attempts."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    throttle = page_password_throttle(request)
    if throttle.exceeded():
        return password_form_refused(request, page_view_restriction_id, page_id, throttle)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form again: a wrong password
        throttle.hit()
    return response


def password_form_refused(request, page_view_restriction_id, page_id, throttle):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = PasswordViewRestrictionForm(
        {"return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.full_clean()
    form.errors.clear()  # not the missing password: the attempts are what is refused
    form.add_error(None, too_many_attempts_message(throttle))
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    response["Retry-After"] = str(throttle.window)
    return response


class ThrottledPasswordResetView(PasswordResetView):
    """At most PASSWORD_RESET_LIMIT_PER_CLIENT requests per client, and as many e-mails per
    address as PASSWORD_RESET_LIMIT_PER_ADDRESS allows. Over the address's limit the visitor
    sees the usual "sent" page, so the form never tells whether an address has an account."""

    def post(self, request, *args, **kwargs):
        per_client = Throttle(
            "password-reset-client",
            client_ip(request),
            settings.PASSWORD_RESET_LIMIT_PER_CLIENT,
            settings.PASSWORD_RESET_CLIENT_WINDOW,
        )
        if not per_client.hit():
            form = self.get_form()
            form.full_clean()
            form.add_error(None, too_many_attempts_message(per_client))
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(per_client.window)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        per_address = Throttle(
            "password-reset-address",
            form.cleaned_data["email"].strip().casefold(),
            settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
            settings.PASSWORD_RESET_ADDRESS_WINDOW,
        )
        if not per_address.hit():
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


password_reset = never_cache(ThrottledPasswordResetView.as_view())
