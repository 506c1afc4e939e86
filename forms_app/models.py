from anyascii import anyascii
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES


class FormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form. Labels are translated; the stored key is shared."""

    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Long Turkish labels must fit: the label and help text get room beyond Wagtail's 255.
    label = models.CharField(_("label"), max_length=500, help_text=_("The label of the form field"))
    help_text = models.CharField(_("help text"), max_length=500, blank=True)

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


class Inquiry(AbstractFormSubmission):
    """A stored contact-form submission, with the language the visitor used."""

    language = models.CharField(_("language"), max_length=8, default="tr")

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")


class ContactFormPage(AbstractForm):
    """ "İletişim": the contact form. Submissions are stored and listed in the admin."""

    introduction = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after a visitor sends the form."),
    )

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]

    template = "pages/contact_form_page.html"
    landing_page_template = "pages/contact_form_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact form")

    def get_submission_class(self):
        return Inquiry

    def process_form_submission(self, form):
        return Inquiry.objects.create(
            form_data=form.cleaned_data,
            page=self,
            language=get_language() or self.locale.language_code,
        )
