from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation as localize_views
from wagtail_localize.views.edit_translation import user_can_edit_instance

from .parity import NEEDS_WORK, STATE_LABELS, page_rows, snippet_rows

PARITY_PERMISSION = "editorial.view_translation_parity"
PO_TRANSLATION_ID_HEADER = b"X-WagtailLocalize-TranslationID:"


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
                    (label, count, count > 0 and state in NEEDS_WORK)
                    for state, label in STATE_LABELS.items()
                    for count in [sum(1 for row in rows if row.state == state)]
                ],
                "needs_work": sum(1 for row in rows if row.state in NEEDS_WORK),
                "can_manage_turkish_only": self.request.user.has_perm(
                    "editorial.change_turkishonlypage"
                ),
            }
        )
        return context


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, answering a PO file without a translation ID with the
    usual "Please upload a valid PO file." instead of a server error (upstream reads the
    header without checking it is there)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    uploaded = request.FILES.get("file")
    content = uploaded.read() if uploaded else b""
    if PO_TRANSLATION_ID_HEADER not in content:
        messages.error(request, gettext("Please upload a valid PO file."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    uploaded.seek(0)
    return localize_views.upload_pofile(request, translation_id)
