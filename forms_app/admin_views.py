"""The team's inbox (both languages in one list, a working state per inquiry, search, CSV/XLSX
export, erasure) and the topics. Reading, exporting and deleting are audited
(forms_app.audit)."""

from datetime import timedelta
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import audit
from .exports import (
    CONTENT_TYPES,
    FIXED_COLUMNS,
    expiry_cutoff,
    export_filename,
    is_abandoned,
    language_name,
    start_export,
    yes_no,
)
from .inbox import (
    SEARCH_PARAMETER,
    AnswerSchema,
    InquiryFilterSet,
    filtered_inquiries,
    search_inquiries,
    with_default_state,
)
from .records import Inquiry, InquiryExport
from .topic_admin import TopicViewSet

FORBIDDEN_TEMPLATE = "forms_app/admin/403.html"

# Times are shown in the active time zone: Wagtail activates the user's own choice, else
# TIME_ZONE (Europe/Istanbul). The database keeps UTC.


def local_datetime_text(value):
    """A time as "30 Kasım 2026 14:05", in the admin's language and time zone."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


# Permissions --------------------------------------------------------------------------------


class InquiryPermissionPolicy(ModelPermissionPolicy):
    """Inquiries are what visitors sent: they are read, given a working state, exported and
    deleted, never made or edited. "Can change inquiry" means changing the working state."""

    NEVER = {"add", "change"}
    CHANGE_STATE = "change_state"

    def user_has_permission(self, user, action):
        if action in self.NEVER:
            return False
        if action == self.CHANGE_STATE:
            action = "change"
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def forbidden_not_redirected(view):
    """Answer a refused inquiry URL with 403 (a page that says why), where Wagtail would
    redirect to the dashboard: nobody should mistake the refusal for a broken link."""

    @wraps(view)
    def refuse_with_403(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal, template_name=FORBIDDEN_TEMPLATE)

    return refuse_with_403


def user_can_read_inquiries(user):
    return policy_registry.get_by_type(Inquiry).user_has_permission(user, "view")


# Inbox ---------------------------------------------------------------------------------------


class InquiryIndexView(IndexView):
    """The inbox: one page of inquiries in a constant number of queries (the questions and
    topic labels read once, each row's e-mails in one query for the page). Its export
    buttons lead to an export job (InquiryExportCreateView), never to a file streamed by
    the request."""

    # Query parameters that say how, not what, to list or export.
    NOT_FILTERS = {"export", "p", "ordering", "_w_filter_fragment"}
    # Wagtail shows its export buttons for a non-empty list_export; they lead to export jobs.
    list_export = list(FIXED_COLUMNS)
    export_create_url_name = None
    exports_url_name = None

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Exports"),
                url=reverse(self.exports_url_name),
                icon_name="download",
                priority=110,
            ),
        ]

    @cached_property
    def columns(self):
        return [
            # The sender's name opens the inquiry.
            TitleColumn("sender_label", label=_("Sender"), get_url=self.get_inspect_url),
            StatusTagColumn(
                "get_status_display",
                label=_("State"),
                sort_key="status",
                primary=lambda inquiry: inquiry.status == Inquiry.Status.NEW,
            ),
            Column(
                "submit_time",
                label=_("Sent at"),
                accessor=lambda inquiry: local_datetime_text(inquiry.submit_time),
                sort_key="submit_time",
            ),
            Column(
                "language",
                label=_("Language"),
                accessor=lambda inquiry: language_name(inquiry.language),
                sort_key="language",
            ),
            Column("topic_name", label=_("Topic"), sort_key="topic"),
            BooleanColumn("consent_given", label=_("Explicit consent")),
            Column("email_status", label=_("E-mail status")),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("emails")

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["data"] = with_default_state(kwargs["data"])
        return kwargs

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_inquiries(queryset, self.search_query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each row's questions from one read of the forms, not from its page one by one.
        AnswerSchema().attach(context["object_list"])
        return context

    @property
    def no_results_message(self):
        if not (self.is_searching or self.is_filtering):
            return _("No new inquiries. Choose “All” under State to see the others.")
        return super().no_results_message

    def get_export_url(self, format):
        """Wagtail's "Download CSV/XLSX" buttons: the export page, with this list's filters."""
        params = self.request.GET.copy()
        for name in self.NOT_FILTERS:
            params.pop(name, None)
        params["format"] = format
        return reverse(self.export_create_url_name) + "?" + params.urlencode()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # An old ?export= address asks for the export page too: no request writes a file.
        return redirect(self.get_export_url(spreadsheet_format))


# Exports ---------------------------------------------------------------------------------------


def export_filters(params):
    """The query parameters that choose inquiries, as an export job stores them."""
    data = with_default_state(params)
    return {
        name: data.getlist(name)
        for name in data
        if name not in InquiryIndexView.NOT_FILTERS | {"format"}
    }


def describe_filters(filters):
    """[(label, value)] of the filters and search in words, for the export pages."""
    data = QueryDict(mutable=True)
    for name, values in filters.items():
        data.setlist(name, values)
    form = InquiryFilterSet(data=data, queryset=Inquiry.objects.none()).form
    described = []
    if form.is_valid():
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if value in (None, "", [], ()) or (name != "status" and not any(data.getlist(name))):
                continue
            choices = dict(getattr(field, "choices", ()) or ())
            if isinstance(value, slice):
                ends = (value.start, value.stop)
                text = " – ".join(
                    formats.date_format(end, "DATE_FORMAT") if end else "…" for end in ends
                )
            elif isinstance(value, bool):
                text = yes_no(value)
            else:
                text = str(choices.get(value, value))
            described.append((field.label, text))
        if "status" in data and not data.get("status"):
            described.append((form.fields["status"].label, str(_("All"))))
    if query := data.get(SEARCH_PARAMETER, "").strip():
        described.append((_("Searched for"), f"“{query}”"))
    return described


class InquiryExportMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """Export pages: for inquiry readers only, each seeing their own exports."""

    model = Inquiry
    permission_required = "view"
    header_icon = "download"
    index_url_name = None
    exports_url_name = None
    create_url_name = None
    download_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Inquiries")},
            {"url": "", "label": self.get_page_title()},
        ]

    def own_exports(self):
        exports = InquiryExport.objects.filter(created_at__gte=expiry_cutoff())
        if self.request.user.is_superuser:
            return exports
        return exports.filter(user=self.request.user)


class InquiryExportCreateView(InquiryExportMixin, TemplateView):
    """What an export will hold (the list's filters and search, how many inquiries now) and
    a button that queues it."""

    template_name = "forms_app/admin/inquiry_export_create.html"
    page_title = _("Export inquiries")

    def get_format(self):
        value = self.request.GET.get("format") or self.request.POST.get("format")
        return value if value in InquiryExport.Format.values else InquiryExport.Format.XLSX

    def get_context_data(self, **kwargs):
        filters = export_filters(self.request.GET)
        context = super().get_context_data(**kwargs)
        context.update(
            filters=filters,
            described_filters=describe_filters(filters),
            count=filtered_inquiries(filters).count(),
            formats=InquiryExport.Format.choices,
            chosen_format=self.get_format(),
            action_url=self.request.get_full_path(),
            list_url=reverse(self.index_url_name) + "?" + urlencode(filters, doseq=True),
            keep_days=settings.INQUIRY_EXPORT_DAYS,
        )
        return context

    def post(self, request):
        export = start_export(request.user, self.get_format(), export_filters(request.GET))
        messages.success(
            request,
            _("Export %(reference)s is queued. This page shows when its file is ready.")
            % {"reference": export.pk},
        )
        return redirect(reverse(self.exports_url_name) + f"#export-{export.pk}")


class InquiryExportListView(InquiryExportMixin, TemplateView):
    """The user's exports of the last INQUIRY_EXPORT_DAYS days and how each is getting on;
    the page reloads itself while one is queued or being written."""

    template_name = "forms_app/admin/inquiry_exports.html"
    page_title = _("Exports")
    REFRESH_SECONDS = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exports = list(self.own_exports().select_related("user"))
        rows = [ExportRow(export, self.download_url_name, self.request.user) for export in exports]
        context.update(
            exports=rows,
            refresh_seconds=self.REFRESH_SECONDS if any(row.is_pending for row in rows) else None,
            index_url=reverse(self.index_url_name),
            keep_days=settings.INQUIRY_EXPORT_DAYS,
        )
        return context


class ExportRow:
    """One export as the exports page shows it."""

    def __init__(self, export, download_url_name, viewer):
        self.pk = export.pk
        state = export.state
        if is_abandoned(export):
            # The worker stopped while writing it (a restart or a crash): it will never be
            # ready, and saying "being written" for ever would hide that.
            state = InquiryExport.State.FAILED
        self.state = InquiryExport.State(state).label
        self.is_ready = state == InquiryExport.State.READY
        self.is_failed = state == InquiryExport.State.FAILED
        self.is_new = state == InquiryExport.State.QUEUED
        self.is_pending = state in {InquiryExport.State.QUEUED, InquiryExport.State.RUNNING}
        self.file_format = export.get_file_format_display()
        self.row_count = export.row_count
        self.requested_at = local_datetime_text(export.created_at)
        self.finished_at = local_datetime_text(export.finished_at)
        self.expires_at = local_datetime_text(
            export.created_at + timedelta(days=settings.INQUIRY_EXPORT_DAYS)
        )
        self.filters = describe_filters(export.filters)
        self.by_someone_else = export.user_id != viewer.pk
        self.user = export.user
        self.download_url = reverse(download_url_name, args=[export.pk]) if self.is_ready else ""


class InquiryExportDownloadView(PermissionCheckedMixin, View):
    """The file of a ready export, as an attachment, to the inquiry reader who asked for it
    (and superusers); nobody else, and never from public media."""

    model = Inquiry
    permission_required = "view"

    def get(self, request, pk):
        exports = InquiryExport.objects.filter(
            state=InquiryExport.State.READY, created_at__gte=expiry_cutoff()
        )
        if not request.user.is_superuser:
            exports = exports.filter(user=request.user)
        export = get_object_or_404(exports, pk=pk)
        response = FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=export_filename(export),
            content_type=CONTENT_TYPES[export.file_format],
        )
        # Personal data: no cache on the way keeps a copy.
        add_never_cache_headers(response)
        response["Cache-Control"] += ", private"
        return response


class InquiryInspectView(InspectView):
    template_name = "forms_app/admin/inquiry_inspect.html"
    page_title = _("Inquiry")
    state_url_name = None
    LABELS = {
        "pk": _("Reference number"),
        "submit_time": _("Sent at"),
        "language": _("Language"),
        "page": _("Contact page"),
        "topic_name": _("Topic"),
        "topic_label": _("Topic as the visitor saw it"),
        "notice_version": _("Privacy notice version"),
        "consent_given": _("Explicit consent"),
        "consent_text": _("Consent wording"),
    }

    def get(self, request, *args, **kwargs):
        audit.log_viewed(self.object, request.user)
        return super().get(request, *args, **kwargs)

    def get_field_label(self, field_name, field):
        return self.LABELS[field_name]

    def get_pk_display_value(self):
        return str(self.object.pk)

    def get_submit_time_display_value(self):
        return local_datetime_text(self.object.submit_time)

    def get_language_display_value(self):
        return language_name(self.object.language)

    def get_page_display_value(self):
        if self.object.page_id is None:
            return _("%(title)s (deleted)") % {"title": self.object.page_title}
        return self.object.page.title

    def get_consent_given_display_value(self):
        return yes_no(self.object.consent_given)

    def get_consent_text_display_value(self):
        return self.object.consent_text or "—"

    def get_notice_version_display_value(self):
        return self.object.notice_version or "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        context.update(
            answers=inquiry.get_answers(),
            emails=[EmailDelivery(email) for email in inquiry.emails.all()],
            status_changed_at=local_datetime_text(inquiry.status_changed_at),
            can_change_state=self.user_has_permission(InquiryPermissionPolicy.CHANGE_STATE),
            state_form=InquiryStateForm(initial={"status": inquiry.status}),
            state_url=reverse(self.state_url_name, args=[inquiry.pk]),
        )
        return context


class EmailDelivery:
    """One e-mail of an inquiry as the detail view shows it."""

    def __init__(self, email):
        self.kind = email.get_kind_display()
        self.to_address = email.to_address
        self.attempts = email.attempts
        self.last_error = email.last_error
        self.sent = email.sent_at is not None
        self.sent_at = local_datetime_text(email.sent_at)
        self.next_attempt_at = local_datetime_text(email.next_attempt_at)


class InquiryStateForm(forms.Form):
    status = forms.ChoiceField(label=_("State"), choices=Inquiry.Status.choices)


class InquiryStateView(PermissionCheckedMixin, View):
    """Sets an inquiry's working state (a small form on the detail view)."""

    model = Inquiry
    permission_required = InquiryPermissionPolicy.CHANGE_STATE
    inspect_url_name = None
    http_method_names = ["post"]

    def post(self, request, pk):
        inquiry = get_object_or_404(Inquiry, pk=pk)
        form = InquiryStateForm(request.POST)
        if form.is_valid():
            old_status = inquiry.status
            with transaction.atomic():
                inquiry.set_status(form.cleaned_data["status"], request.user)
                audit.log_state_changed(inquiry, request.user, old_status)
            messages.success(
                request,
                _("State of inquiry %(reference)s: %(state)s.")
                % {"reference": inquiry.pk, "state": inquiry.get_status_display()},
            )
        else:
            messages.error(request, _("Choose one of the states listed."))
        return redirect(self.inspect_url_name, pk)


class InquiryDeleteView(DeleteView):
    """Erasure on request (KVKK art. 11): the inquiry and its e-mails, after confirmation."""

    @property
    def confirmation_message(self):
        return _(
            "Delete inquiry %(reference)s and its e-mails for good? This cannot be undone."
        ) % {"reference": self.object.pk}

    def get_usage_url(self):
        return None  # nothing refers to an inquiry; "used 0 times" would only confuse

    def delete_action(self):
        inquiry = self.object
        self.reference = inquiry.pk  # Django clears the pk of a deleted object
        with transaction.atomic():
            emails = inquiry.emails.all()
            audit.log_deleted(inquiry, self.request.user, emails.count())
            emails.delete()
            inquiry.delete()

    def get_success_message(self):
        return _("Inquiry %(reference)s and its e-mails were deleted.") % {
            "reference": self.reference
        }


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    icon = "mail"
    menu_label = _("Inquiries")
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InquiryIndexView
    inspect_view_class = InquiryInspectView
    delete_view_class = InquiryDeleteView
    # Never offered (the permission policy refuses add and change), but Wagtail builds the form.
    form_fields = []
    filterset_class = InquiryFilterSet
    ordering = ["-submit_time"]
    search_fields = ["search_text"]
    search_backend_name = None
    inspect_template_name = InquiryInspectView.template_name
    inspect_view_fields = [
        "pk",
        "submit_time",
        "language",
        "page",
        "topic_name",
        "topic_label",
        "notice_version",
        "consent_given",
        "consent_text",
    ]

    @property
    def state_view(self):
        return InquiryStateView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(state_url_name=self.get_url_name("state"), **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            export_create_url_name=self.get_url_name("export_create"),
            exports_url_name=self.get_url_name("exports"),
            **kwargs,
        )

    def export_view(self, view_class):
        return view_class.as_view(
            index_url_name=self.get_url_name("index"),
            exports_url_name=self.get_url_name("exports"),
            create_url_name=self.get_url_name("export_create"),
            download_url_name=self.get_url_name("export_download"),
        )

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("state/<int:pk>/", self.state_view, name="state"),
            path("exports/", self.export_view(InquiryExportListView), name="exports"),
            path("exports/new/", self.export_view(InquiryExportCreateView), name="export_create"),
            path(
                "exports/<int:pk>/download/",
                InquiryExportDownloadView.as_view(),
                name="export_download",
            ),
        ]
        return decorate_urlpatterns(patterns, forbidden_not_redirected)


class NewInquiriesPanel(Component):
    """Dashboard: how many inquiries are new, and the latest five of them."""

    name = "new_inquiries"
    template_name = "forms_app/admin/new_inquiries_panel.html"
    order = 90
    LATEST = 5

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        new = Inquiry.objects.filter(status=Inquiry.Status.NEW)
        latest = new.select_related("page").order_by("-submit_time")[: self.LATEST]
        context.update(
            new_count=new.count(),
            latest=[(inquiry, local_datetime_text(inquiry.submit_time)) for inquiry in latest],
        )
        return context


class ContactFormViewSetGroup(ViewSetGroup):
    menu_label = _("Contact form")
    menu_icon = "mail"
    menu_order = 250
    items = (InquiryViewSet("forms_app_inquiry"), TopicViewSet())
