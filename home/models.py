from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.complete_translations import CompleteTranslationsOnlyMixin
from mbbcms.view_restrictions import CachedViewRestrictionsMixin

from .blocks import BodyStreamBlock
from .slugs import AsciiSlugMixin

# What a link to a page needs (its title and URL): listings and the chrome load no more.
LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale", "live")


def cards_in_one_query(pages, *models):
    """The pages of `pages` that are of one of `models`, in tree order, with just what a card
    shows: title, URL and `introduction`. One query reading those columns; loading the
    specific pages would join and build every field of every type."""
    introductions = [F(f"{model._meta.model_name}__introduction") for model in models]
    return list(
        pages.type(*models)
        .only(*LINK_FIELDS)
        .annotate(introduction=Coalesce(*introductions, Value(""), output_field=TextField()))
        .order_by("path")
    )


class BasePage(AsciiSlugMixin, CompleteTranslationsOnlyMixin, CachedViewRestrictionsMixin, Page):
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

    def route(self, request, path_components):
        """Find the page for a URL below this home page with one query (Wagtail's default walks
        the tree one level, and two queries, at a time). Anything unusual, such as a missing or
        unpublished page, goes through Wagtail's own routing."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            match = (
                Page.objects.descendant_of(self)
                .filter(depth=self.depth + len(path_components), url_path=url_path)
                .live()
                .first()
            )
            if match is not None:
                return match.specific.route(request, [])
        return super().route(request, path_components)

    def get_work_areas(self):
        """Both kinds of work area (Local Diplomacy and the membership directory)."""
        from networks.models import NetworkIndexPage

        pages = Page.objects.descendant_of(self).live()
        return cards_in_one_query(pages, WorkAreaPage, NetworkIndexPage)

    def get_networks(self):
        from networks.models import NetworkPage

        return (
            NetworkPage.objects.descendant_of(self)
            .live()
            .only(*NetworkPage.LISTING_FIELDS)
            .order_by("joined_year", "acronym")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: when the page's cached fragments answer, these queries never run.
        networks = SimpleLazyObject(lambda: list(self.get_networks()))
        context["work_areas"] = SimpleLazyObject(self.get_work_areas)
        context["networks"] = networks
        context["first_joined_year"] = SimpleLazyObject(
            lambda: networks[0].joined_year if networks else None
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
        from networks.models import NetworkIndexPage

        pages = self.get_children().live()
        return cards_in_one_query(pages, WorkAreaPage, NetworkIndexPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["work_areas"] = SimpleLazyObject(self.get_work_areas)  # lazy, as on HomePage
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
class FooterText(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    models.Model,
):
    """MBB's contact details in the footer and on the contact page, one per language
    (translated with wagtail-localize). Like pages, a change is a draft until a moderator
    publishes it: the public site shows only the live version."""

    organisation = models.CharField(_("organisation"), max_length=200)
    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_(
            "As MBB publishes it, e.g. “Sarıdemir Mah., … 34134 Eminönü, Fatih / İstanbul”."
        ),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    kep_address = models.EmailField(
        _("KEP address"),
        blank=True,
        help_text=_("The registered electronic mail (KEP) address, e.g. name@hs01.kep.tr."),
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("A link to the address on a map (OpenStreetMap, Google Maps …)."),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("A short line such as how to get in touch.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="footertext")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="footertext",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("kep_address"),
        FieldPanel("map_url"),
        FieldPanel("note"),
        PublishingPanel(),
    ]
    # Words are translated; numbers and addresses a machine reads stay the same in both.
    translatable_fields = [
        TranslatableField("organisation"),
        TranslatableField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("kep_address"),
        SynchronizedField("map_url"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer contact details")
        verbose_name_plural = _("footer contact details")

    def __str__(self):
        return f"{self.organisation} ({self.locale})"

    @property
    def revisions(self):
        return self._revisions

    @property
    def has_contact_details(self):
        return any((self.address, self.phone, self.email, self.kep_address, self.map_url))

    def get_preview_template(self, request, mode_name):
        return "previews/footer_text.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "footer": self}
