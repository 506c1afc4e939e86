from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Page,
)

from core.pages import BasePage, cards_in_one_query
from networks.directory import featured_networks


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
        pages = Page.objects.descendant_of(self).live()
        return cards_in_one_query(pages, *WorkAreaIndexPage.work_area_types())

    def get_networks(self):
        """(the FEATURED_NETWORKS most recent memberships, oldest first; how many networks
        there are in all; the year of the first membership), in one query."""
        return featured_networks(under=self)

    @staticmethod
    def directory_among(work_areas, networks):
        """The directory that lists `networks`: the work area that is their parent (work
        areas include the directory, so finding it costs no query)."""
        if not networks:
            return None
        parent_path = networks[0].path[: -Page.steplen]
        return next((area for area in work_areas if area.path == parent_path), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: when the page's cached fragments answer, these queries never run.
        featured = SimpleLazyObject(self.get_networks)
        work_areas = SimpleLazyObject(self.get_work_areas)
        networks = SimpleLazyObject(lambda: featured[0])
        context["work_areas"] = work_areas
        context["networks"] = networks
        context["network_total"] = SimpleLazyObject(lambda: featured[1])
        # With the language's digit grouping: 1.008 in Turkish, 1,008 in English.
        context["network_total_text"] = SimpleLazyObject(
            lambda: number_format(featured[1], force_grouping=True)
        )
        context["first_joined_year"] = SimpleLazyObject(lambda: featured[2])
        context["network_directory"] = SimpleLazyObject(
            lambda: self.directory_among(work_areas, networks)
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

    @classmethod
    def work_area_types(cls):
        """The page types listed as work areas: those this overview may hold (its tree rules
        name them, so home needs no import of the network directory's model)."""
        return cls.allowed_subpage_models()

    def get_work_areas(self):
        pages = self.get_children().live()
        return cards_in_one_query(pages, *self.work_area_types())

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
