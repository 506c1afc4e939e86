"""The team's inbox (both languages in one list, CSV/XLSX export) and the topic routing."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from .models import ContactFormPage, Inquiry, TopicRoute
from .routing import known_topics

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_formula(value):
    """Make a text cell inert in Excel/LibreOffice by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# Permissions --------------------------------------------------------------------------------


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Routing decides who reads personal data: administrators (superusers) only."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class InquiryPermissionPolicy(ModelPermissionPolicy):
    """Inquiries are what visitors sent: they can be read and deleted, never made or edited."""

    READ_ONLY_ACTIONS = {"add", "change"}

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Inbox ---------------------------------------------------------------------------------------


class InquiryIndexView(IndexView):
    FIXED_EXPORT = [
        "pk",
        "submit_time",
        "language",
        "topic_label",
        "notice_version",
        "consent_given",
        "consent_text",
        "email_status",
    ]
    ANSWER_PREFIX = "answer:"

    @cached_property
    def answer_fields(self):
        """(clean_name, Turkish label) of every question of the contact forms."""
        fields = {}
        for page in ContactFormPage.objects.filter(locale=Locale.get_default()):
            for field in page.get_form_fields():
                fields.setdefault(field.clean_name, field.label)
        return fields

    @property
    def list_export(self):
        return self.FIXED_EXPORT + [self.ANSWER_PREFIX + name for name in self.answer_fields]

    @list_export.setter
    def list_export(self, value):
        pass  # the columns follow the form's fields, not a fixed list

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page").prefetch_related("emails")

    def to_row_dict(self, item):
        answers = item.get_answer_map()
        row = {}
        for field in self.list_export:
            if field.startswith(self.ANSWER_PREFIX):
                row[field] = answers.get(field.removeprefix(self.ANSWER_PREFIX), "")
            else:
                value = getattr(item, field)
                row[field] = value() if callable(value) else value
        return row

    def get_heading(self, queryset, field):
        if field.startswith(self.ANSWER_PREFIX):
            return self.answer_fields[field.removeprefix(self.ANSWER_PREFIX)]
        headings = {
            "pk": _("Reference number"),
            "topic_label": _("Topic"),
            "email_status": _("E-mail status"),
        }
        if field in headings:
            return str(headings[field])
        return super().get_heading(queryset, field)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def stream_csv(self, queryset):
        # A byte-order mark, so spreadsheet programs read ğüşıöçİ as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)


class InquiryInspectView(InspectView):
    LABELS = {
        "answers_html": _("Answers"),
        "topic_label": _("Topic"),
        "email_status": _("E-mail status"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.LABELS:
            return self.LABELS[field_name]
        return super().get_field_label(field_name, field)

    def get_answers_html_display_value(self):
        return self.object.answers_html

    def get_consent_given_display_value(self):
        return _("Yes") if self.object.consent_given else _("No")


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    icon = "mail"
    menu_label = _("Inquiries")
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InquiryIndexView
    # Never offered (the permission policy refuses add and change), but Wagtail builds the form.
    form_fields = []
    inspect_view_class = InquiryInspectView
    list_display = [
        TitleColumn("sender_label", label=_("Sender")),
        DateColumn("submit_time", label=_("Sent at"), sort_key="submit_time"),
        Column("get_language_display", label=_("Language"), sort_key="language"),
        Column("topic_label", label=_("Topic"), sort_key="topic"),
        BooleanColumn("consent_given", label=_("Explicit consent")),
        Column("email_status", label=_("E-mail status")),
    ]
    list_filter = ["language", "topic", "consent_given", "submit_time"]
    ordering = ["-submit_time"]
    search_fields = ["form_data"]
    search_backend_name = None
    export_filename = "iletisim-formu-basvurulari"
    inspect_view_fields = [
        "submit_time",
        "language",
        "page",
        "topic_label",
        "notice_version",
        "consent_given",
        "consent_text",
        "answers_html",
        "email_status",
    ]

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        view_kwargs.pop("list_export", None)
        return view_kwargs


# Routing ---------------------------------------------------------------------------------------


class TopicRouteForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = known_topics()
        current = self.instance.topic
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["topic"] = forms.ChoiceField(
            label=_("Topic"),
            choices=choices,
            help_text=_("A topic of the contact form; inquiries on it go to the address below."),
        )


class TopicRouteViewSet(ModelViewSet):
    model = TopicRoute
    icon = "redirect"
    menu_label = _("Topic recipients")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["topic", "recipient"]
    list_display = ["topic", "recipient"]

    def get_form_class(self, for_update=False):
        class Meta:
            model = TopicRoute
            fields = ["topic", "recipient"]

        return type("TopicRouteAdminForm", (TopicRouteForm,), {"Meta": Meta})


class ContactFormViewSetGroup(ViewSetGroup):
    menu_label = _("Contact form")
    menu_icon = "mail"
    menu_order = 250
    items = (InquiryViewSet("forms_app_inquiry"), TopicRouteViewSet("forms_app_topicroute"))
