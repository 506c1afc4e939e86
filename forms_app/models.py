"""The contact page ("İletişim", a Wagtail form page) and its form fields.

What the form stores (topics, inquiries, e-mails, used tokens) is defined in records.py, below
the form, spam and storing modules that this page puts together; the names are repeated here,
where Django and readers look for the app's models.
"""

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractForm,
    AbstractFormField,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import (
    Page,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.page_cache import cached_for_path, memoised_for_path
from core.pages import BasePage

from .choices import CHOICE_FIELD_TYPES, choice_pairs, split_choices
from .forms import TOKEN_REFUSED_MESSAGE, ContactFormBuilder
from .panels import InquiryCountPanel

# The stored records live in records.py, below the form and its helpers; they are named here
# too, as the app's models.
from .records import (
    TOPIC_FIELD_TYPE,
    Inquiry,
    InquiryExport,
    OutgoingEmail,
    Topic,
    UsedFormToken,
)
from .spam import RateLimiter, TokenAlreadyUsed
from .submission import store_inquiry

__all__ = [
    "ContactFormPage",
    "FormField",
    "Inquiry",
    "InquiryExport",
    "OutgoingEmail",
    "Topic",
    "UsedFormToken",
]


def source_language():
    """The language the content is written in and translated from (Turkish)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class FormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form. Labels are translated; the stored key is shared."""

    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Long Turkish labels must fit: the label and help text get room beyond Wagtail's 255.
    label = models.CharField(_("label"), max_length=500, help_text=_("The label of the form field"))
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=[
            *FORM_FIELD_CHOICES,
            (TOPIC_FIELD_TYPE, _("Topic (the list under Contact form → Topics)")),
        ],
    )

    # The key under which answers are stored must be the same in every language, or the
    # Turkish and English inboxes would not line up.
    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")

    def get_field_clean_name(self):
        # "Mesajınız" -> "mesajiniz" rather than an escaped "mesaj_u0131n_u0131z".
        return get_field_clean_name(anyascii(self.label))[:255]

    @property
    def is_choice_field(self):
        return self.field_type in CHOICE_FIELD_TYPES

    def get_source_field(self):
        """This field in the default (source) language, where the option keys come from."""
        if hasattr(self, "_source_field"):  # set by ContactFormPage.get_form_fields()
            return self._source_field
        if not self.pk:
            return self
        self._source_field = (
            FormField.objects.filter(
                translation_key=self.translation_key, locale__language_code=source_language()
            ).first()
            or self
        )
        return self._source_field

    def get_choice_pairs(self):
        """[(stable key, label in this field's language)] for a choice field."""
        source = self.get_source_field()
        return choice_pairs(split_choices(source.choices), split_choices(self.choices))

    def get_choice_labels(self):
        return dict(self.get_choice_pairs())


class ContactFormPage(BasePage, AbstractForm):
    """ "İletişim": the contact form. Submissions are stored and listed in the admin."""

    heading = models.CharField(
        _("heading"),
        max_length=255,
        blank=True,
        help_text=_(
            "The heading at the top of the page, such as “İletişime Geçin”. The title stays the "
            "short name in menus; leave this empty to use the title."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after a visitor sends the form."),
    )
    privacy_notice_summary = models.TextField(
        _("short privacy notice"),
        blank=True,
        help_text=_(
            "Shown beside the send button: who processes the data, why, and where the full "
            "notice is. Reading it is acknowledgement, not consent."
        ),
    )
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("full privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=50,
        blank=True,
        help_text=_(
            "Change this whenever the privacy notice changes; every inquiry records the "
            "version shown to the visitor."
        ),
    )
    consent_label = models.TextField(
        _("explicit consent statement"),
        blank=True,
        help_text=_(
            "Optional. If filled in, the form shows an unticked, optional checkbox with this "
            "statement; it must not be a condition for sending the form."
        ),
    )

    content_panels = AbstractForm.content_panels + [
        InquiryCountPanel(),
        FieldPanel("heading"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice_summary"),
                PageChooserPanel("privacy_notice_page"),
                FieldPanel("privacy_notice_version"),
                FieldPanel("consent_label"),
            ],
            heading=_("Privacy (KVKK)"),
        ),
    ]
    override_translatable_fields = [SynchronizedField("privacy_notice_version")]

    template = "pages/contact_form_page.html"
    landing_page_template = "pages/contact_form_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact form")

    # The form ----------------------------------------------------------------------------

    form_builder = ContactFormBuilder

    def get_form_fields(self):
        """This page's fields, each knowing its source-language twin: one query, kept until
        the page or a translation is published (core/invalidation.py)."""
        if not self.pk:
            return self.form_fields.all()
        return self._cached(f"form-fields:{self.pk}", self._load_form_fields)

    def _cached(self, key, compute, memoise=cached_for_path):
        """Kept under this page's URL path version; computed when the page has no URL."""
        parts = self.get_url_parts()
        if parts is None:
            return compute()
        return memoise(parts[2], key, compute)

    def _load_form_fields(self):
        own_keys = FormField.objects.filter(page=self).values("translation_key")
        rows = (
            FormField.objects.filter(
                models.Q(page=self)
                | models.Q(translation_key__in=own_keys, locale__language_code=source_language())
            )
            .select_related("locale")
            # Seeded fields have no sort_order: without pk, PostgreSQL returns them in any order.
            .order_by("sort_order", "pk")
        )
        fields, sources = [], {}
        for row in rows:
            if row.page_id == self.pk:
                fields.append(row)
            if row.locale.language_code == source_language():
                sources[row.translation_key] = row
        for field in fields:
            field._source_field = sources.get(field.translation_key, field)
        return fields

    def get_form_class(self):
        """Built once per process until the page, a translation or a topic is published: the
        fields and the topic list only change then."""
        if not self.pk:
            return super().get_form_class()
        return self._cached(
            ("contact-form-class", self.pk), super().get_form_class, memoise=memoised_for_path
        )

    def get_topic_field(self):
        """The field whose answer routes the inquiry: the topic list."""
        for field in self.get_form_fields():
            if field.field_type == TOPIC_FIELD_TYPE:
                return field
        return None

    def get_privacy_notice_page(self):
        """The notice in this form's language (wagtail-localize points translations at the
        translated notice; an untranslated notice is shown as it is)."""
        if self.privacy_notice_page_id is None:
            return None
        # Page links are not translated by wagtail-localize; find the notice and its
        # translation into this form's language in one query, kept until this page's version
        # changes (publishing the notice retires the pages that link to it).

        def find_notice():
            chosen = Page.objects.filter(pk=self.privacy_notice_page_id)
            candidates = Page.objects.filter(
                models.Q(pk=self.privacy_notice_page_id)
                | models.Q(
                    translation_key__in=chosen.values("translation_key"), locale=self.locale_id
                )
            )
            candidates = sorted(candidates, key=lambda page: page.locale_id != self.locale_id)
            return candidates[0] if candidates else None

        return self._cached(
            f"privacy-notice:{self.privacy_notice_page_id}:{self.locale_id}", find_notice
        )

    def get_submission_class(self):
        return Inquiry

    # Serving -----------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user))

        limiter = RateLimiter.for_request(request)
        if not limiter.allow():
            form = self.get_form(request.POST, page=self, user=request.user)
            response = self.render_form(
                request,
                form,
                status=429,
                rate_limited=True,
                retry_after_minutes=limiter.retry_after_minutes(),
            )
            response["Retry-After"] = str(limiter.retry_after())
            return response

        form = self.get_form(request.POST, page=self, user=request.user)
        if form.is_valid():
            try:
                inquiry = self.process_form_submission(form)
            except TokenAlreadyUsed:  # the same form view, sent at once with other answers
                form.add_error(None, ValidationError(TOKEN_REFUSED_MESSAGE, code="token_used"))
                return self.render_form(request, form)
            return self.render_landing_page(request, inquiry, *args, **kwargs)
        if form.is_spam:
            # Bots get the same answer as people so they learn nothing; nothing is stored.
            return self.render_landing_page(request, None, *args, **kwargs)
        return self.render_form(request, form)

    def render_form(self, request, form, status=200, **extra_context):
        context = self.get_context(request)
        context["form"] = form
        context["max_message_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        context.update(extra_context)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # The page carries this visitor's CSRF and form tokens: no shared cache may keep it.
        add_never_cache_headers(response)
        return response

    def process_form_submission(self, form):
        return store_inquiry(self, form)

    def serve_submissions_list_view(self, request, *args, **kwargs):
        # One inbox for both languages: Wagtail's per-page list would split them.
        return redirect(reverse("forms_app_inquiry:index"))
