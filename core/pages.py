"""The page base class every page type inherits, and what listings of pages share."""

from django.db import models
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyStreamBlock
from .complete_translations import CompleteTranslationsOnlyMixin
from .page_cache import cached_for_site
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


class BasePage(AsciiSlugMixin, CompleteTranslationsOnlyMixin, Page):
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

    def get_view_restrictions(self):
        """Wagtail checks every page view against these: two queries (the page's ancestors,
        then their restrictions), although a public site usually has none. While no page
        has one, the answer comes from the cache with no query; saving or deleting a
        restriction changes the site version, so the next view asks the database again."""
        if not cached_for_site("view-restrictions:any", PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
