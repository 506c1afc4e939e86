import tempfile

import polib
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
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import Translation

from .parity import NEEDS_WORK, STATE_LABELS, page_rows, snippet_rows

PARITY_PERMISSION = "editorial.view_translation_parity"
PO_TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


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


def user_can_edit(user, instance):
    """Who may change a translation, as wagtail-localize's editor decides it."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_type(user, type(instance))


def read_pofile(uploaded):
    """The uploaded PO file, or None if it is not one. Parsed from a file of its own, as
    wagtail-localize does: polib.pofile() given text that names a file would read that file."""
    if uploaded is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".po") as file:
        for chunk in uploaded.chunks():
            file.write(chunk)
        file.flush()
        try:
            return polib.pofile(file.name)
        except (OSError, UnicodeDecodeError, ValueError):  # polib reports syntax as OSError
            return None


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload (served at its address, core.compat), through its public
    Translation.import_po. Upstream's view answers a PO file without a translation ID with a
    server error; here it gets the usual "Please upload a valid PO file."."""
    translation = get_object_or_404(Translation, pk=translation_id)
    if not user_can_edit(request.user, translation.get_target_instance()):
        raise PermissionDenied
    po = read_pofile(request.FILES.get("file"))
    if po is None or PO_TRANSLATION_ID not in po.metadata:
        messages.error(request, gettext("Please upload a valid PO file."))
    elif po.metadata[PO_TRANSLATION_ID] != str(translation.uuid):
        messages.error(
            request,
            gettext("Cannot import PO file that was created for a different translation."),
        )
    else:
        translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, gettext("Successfully imported translations from PO File."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
