"""The team's inbox (both languages in one list, a working state per inquiry, search, CSV/XLSX
export, erasure) and the topics. Reading, exporting and deleting are audited
(forms_app.audit)."""

import datetime
from functools import wraps

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import audit
from .models import ContactFormPage
from .records import Inquiry, search_key, team_labels
from .topic_admin import TopicViewSet

FORBIDDEN_TEMPLATE = "forms_app/admin/403.html"

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_formula(value):
    """Make a text cell inert in Excel/LibreOffice by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# Times are shown in the active time zone: Wagtail activates the user's own choice, else
# TIME_ZONE (Europe/Istanbul). The database keeps UTC.


def local_datetime_text(value):
    """A time as "30 Kasım 2026 14:05", in the admin's language and time zone."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def csv_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def xlsx_datetime(value):
    # A spreadsheet date has no time zone: give it the local wall-clock time.
    return timezone.localtime(value).replace(tzinfo=None)


def language_name(code):
    """The language's name in the admin's language ("Türkçe", "English" / "Turkish")."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def yes_no(value):
    return str(_("Yes") if value else _("No"))


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


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("State"),
        choices=Inquiry.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        # The inbox opens on new inquiries; "All" is an explicit choice (status=).
        initial=Inquiry.Status.NEW,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    topic = django_filters.ChoiceFilter(
        label=_("Topic"),
        # Topics by their Turkish name; an inquiry stores the key, the same in both languages.
        choices=lambda: sorted(team_labels().items(), key=lambda item: item[1]),
        empty_label=_("All"),
    )

    class Meta:
        model = Inquiry
        fields = ["status", "language", "topic", "consent_given", "submit_time"]


class InquiryIndexView(IndexView):
    FIXED_EXPORT = [
        "pk",
        "submit_time",
        "status",
        "language",
        "topic_name",
        "notice_version",
        "consent_given",
        "consent_text",
        "email_status",
    ]
    EXPORT_HEADINGS = {
        "pk": _("Reference number"),
        "submit_time": _("Sent at"),
        "status": _("State"),
        "language": _("Language"),
        "topic_name": _("Topic"),
        "notice_version": _("Privacy notice version"),
        "consent_given": _("Explicit consent"),
        "consent_text": _("Consent wording"),
        "email_status": _("E-mail status"),
    }
    ANSWER_PREFIX = "answer:"
    # Query parameters that say how, not what, to export.
    NOT_FILTERS = {"export", "p", "ordering", "_w_filter_fragment"}

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: csv_datetime,
            IndexView.FORMAT_XLSX: xlsx_datetime,
        },
    }

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

    @cached_property
    def answer_fields(self):
        """(clean_name, Turkish label) of every question of the contact forms but the topic,
        which has its own column."""
        fields = {}
        for page in ContactFormPage.objects.filter(locale=Locale.get_default()):
            topic_field = page.get_topic_field()
            for field in page.get_form_fields():
                if topic_field is not None and field.clean_name == topic_field.clean_name:
                    continue
                fields.setdefault(field.clean_name, field.label)
        return fields

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The columns follow the contact forms' questions, not a fixed list.
        self.list_export = self.FIXED_EXPORT + [
            self.ANSWER_PREFIX + name for name in self.answer_fields
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page").prefetch_related("emails")

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "status" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["status"] = Inquiry.Status.NEW
        return kwargs

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=search_key(self.search_query))

    @property
    def no_results_message(self):
        if not (self.is_searching or self.is_filtering):
            return _("No new inquiries. Choose “All” under State to see the others.")
        return super().no_results_message

    def to_row_dict(self, item):
        answers = item.get_answer_map()
        row = {}
        for field in self.list_export:
            if field.startswith(self.ANSWER_PREFIX):
                row[field] = answers.get(field.removeprefix(self.ANSWER_PREFIX), "")
            elif field == "status":
                row[field] = str(item.get_status_display())
            elif field == "language":
                row[field] = language_name(item.language)
            elif field == "consent_given":
                row[field] = yes_no(item.consent_given)
            else:
                value = getattr(item, field)
                row[field] = value() if callable(value) else value
        return row

    def get_heading(self, queryset, field):
        if field.startswith(self.ANSWER_PREFIX):
            return self.answer_fields[field.removeprefix(self.ANSWER_PREFIX)]
        return str(self.EXPORT_HEADINGS[field])

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def effective_filters(self):
        """The filters and search the export was made with, as query parameters."""
        data = self.get_filterset_kwargs()["data"]
        return {
            name: ", ".join(data.getlist(name))
            for name in data
            if name not in self.NOT_FILTERS and any(data.getlist(name))
        }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.log_exported(
            self.request.user, spreadsheet_format, self.effective_filters(), queryset.count()
        )
        # The CSV is written while it streams, after this view has returned: keep the
        # exporting user's admin language and time zone for it.
        self.export_language = translation.get_language()
        self.export_time_zone = timezone.get_current_timezone()
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset):
        with (
            translation.override(self.export_language),
            timezone.override(self.export_time_zone),
        ):
            # A byte-order mark, so spreadsheet programs read ğüşıöçİ as UTF-8.
            yield "\ufeff"
            yield from super().stream_csv(queryset)


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
    export_filename = "iletisim-formu-basvurulari"
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

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("state/<int:pk>/", self.state_view, name="state"),
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
