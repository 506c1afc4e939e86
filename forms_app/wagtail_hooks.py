from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import audit
from .admin_views import (
    InquiryPermissionPolicy,
    NewInquiriesPanel,
    forbidden_not_redirected,
    user_can_read_inquiries,
)
from .models import Inquiry

# Registered before any view asks, or Wagtail would fall back to plain model permissions.
register_permission_policy(Inquiry, InquiryPermissionPolicy(Inquiry))


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    audit.register(actions)


@hooks.register("construct_homepage_panels")
def add_new_inquiries_panel(request, panels):
    if user_can_read_inquiries(request.user):
        panels.append(NewInquiriesPanel())


@forbidden_not_redirected
def refuse_unaudited_deletion(request, page_id):
    raise PermissionDenied


@hooks.register("register_admin_urls")
def register_inquiry_urls():
    # Wagtail's per-page "delete submissions" would erase inquiries without the audit log
    # entry; they are deleted one at a time from the inbox. Registered before
    # wagtail.contrib.forms (INSTALLED_APPS order), so this address wins.
    return [path("forms/submissions/<int:page_id>/delete/", refuse_unaudited_deletion)]


@hooks.register("construct_main_menu")
def hide_per_page_form_submissions(request, menu_items):
    # The inbox under "Contact form" lists both languages together; Wagtail's "Forms" menu
    # would list each language's page separately.
    menu_items[:] = [item for item in menu_items if item.name != "forms"]
