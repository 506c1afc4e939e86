"""The topics in the admin: Contact form → Topics, a translatable snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .records import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = False
    # Live or draft: a topic is on the public form only once a moderator has published it.
    list_display = [
        "label",
        "recipient",
        "sort_order",
        "network",
        LiveStatusTagColumn(label=_("Status")),
    ]
    ordering = ["sort_order", "pk"]
    copy_view_enabled = False
