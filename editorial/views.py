from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .parity import NEEDS_WORK, STATE_LABELS, page_rows, snippet_rows

PARITY_PERMISSION = "editorial.view_translation_parity"


def user_can_view_parity(user):
    return user.is_active and user.has_perm(PARITY_PERMISSION)


class ParityReportView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Translation parity: each Turkish page and the state of its English page."""

    template_name = "editorial/parity_report.html"
    page_title = _("Translation parity")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_parity(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("editorial:parity_report"), "label": self.page_title}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = page_rows()
        snippets = snippet_rows()
        rows = pages + snippets
        context.update(
            {
                "page_rows": pages,
                "snippet_rows": snippets,
                "counts": [
                    (state, label, sum(1 for row in rows if row.state == state))
                    for state, label in STATE_LABELS.items()
                ],
                "needs_work": sum(1 for row in rows if row.state in NEEDS_WORK),
                "can_manage_turkish_only": self.request.user.has_perm(
                    "editorial.change_turkishonlypage"
                ),
            }
        )
        return context
