from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import (
    ContactFormViewSetGroup,
    InquiryPermissionPolicy,
    SuperuserOnlyPolicy,
)
from .models import Inquiry, TopicRoute

# Registered before any view asks, or Wagtail would fall back to plain model permissions.
register_permission_policy(Inquiry, InquiryPermissionPolicy(Inquiry))
register_permission_policy(TopicRoute, SuperuserOnlyPolicy(TopicRoute))


@hooks.register("register_admin_viewset")
def register_contact_form_viewsets():
    return ContactFormViewSetGroup()


@hooks.register("construct_main_menu")
def hide_per_page_form_submissions(request, menu_items):
    # The inbox under "Contact form" lists both languages together; Wagtail's "Forms" menu
    # would list each language's page separately.
    menu_items[:] = [item for item in menu_items if item.name != "forms"]
