"""The topics in the admin: Contact form → Topics, a translatable snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = False
    list_display = ["label", "recipient", "sort_order", "network"]
    ordering = ["sort_order", "pk"]
    copy_view_enabled = False
