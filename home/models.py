from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyStreamBlock


class BasePage(Page):
    """Fields every content page shares: a short introduction and a StreamField body."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The root of each language's tree (/tr/, /en/)."""

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.WorkAreaIndexPage",
        "home.StandardPage",
        "forms_app.ContactFormPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_work_area_index(self):
        return WorkAreaIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        from networks.models import NetworkPage

        context = super().get_context(request, *args, **kwargs)
        context["work_areas"] = (
            self.get_descendants().type(WorkAreaPage).live().specific().order_by("path")
        )
        context["networks"] = (
            NetworkPage.objects.descendant_of(self).live().order_by("joined_year", "acronym")
        )
        return context


class WorkAreaIndexPage(BasePage):
    """ "Çalışma Alanlarımız": the overview that lists MBB's work areas."""

    template = "pages/work_area_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WorkAreaPage", "networks.NetworkIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("work areas overview")

    def get_work_areas(self):
        return self.get_children().live().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["work_areas"] = self.get_work_areas()
        return context


class WorkAreaPage(BasePage):
    """One of MBB's work areas, such as Local Diplomacy."""

    template = "pages/work_area_page.html"
    parent_page_types = ["home.WorkAreaIndexPage"]
    subpage_types = ["networks.NetworkIndexPage"]

    class Meta:
        verbose_name = _("work area")


class StandardPage(BasePage):
    """A plain content page, for example the privacy notice."""

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's contact details, one per language (translated with wagtail-localize)."""

    organisation = models.CharField(_("organisation"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("A short line such as how to get in touch.")
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("note"),
    ]
    translatable_fields = [
        TranslatableField("organisation"),
        TranslatableField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer contact details")
        verbose_name_plural = _("footer contact details")

    def __str__(self):
        return f"{self.organisation} ({self.locale})"
