from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import redirect
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import LINK_FIELDS, BasePage

from .collation import collation_string
from .listing import DirectoryListing, directory_cache_key, directory_query, pages_for

YEAR_VALIDATORS = [MinValueValidator(1800), MaxValueValidator(2100)]
# Languages a network's own short name may be in (marked with lang="…" on pages in another).
SHORT_NAME_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("tr", _("Turkish")),
]


class Approximation(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


class MemberKind(models.TextChoices):
    MEMBERS = "members", _("Members")
    MEMBERS_AND_PARTNERS = "members_and_partners", _("Members and partners")


def figure_text(number):
    """A number as words read it: whole millions in words ("80 million", "80 milyon"),
    smaller numbers with the language's digit grouping ("2,500", "2.500")."""
    if number >= 1_000_000 and number % 100_000 == 0:
        millions = number / 1_000_000
        decimals = 0 if number % 1_000_000 == 0 else 1
        value = number_format(millions, decimal_pos=decimals)
        return ngettext("%(value)s million", "%(value)s million", int(millions)) % {"value": value}
    return number_format(number, force_grouping=True)


def format_figure(number, approximation):
    """A key figure as visitors read it: "250+" or "about 500" in the active language."""
    if number is None:
        return ""
    text = figure_text(number)
    if approximation == Approximation.MORE_THAN:
        return _("%(number)s+") % {"number": text}
    if approximation == Approximation.ABOUT:
        return _("about %(number)s") % {"number": text}
    return text


class NetworkIndexPage(BasePage):
    """ "Uluslararası Üyelikler": the directory of MBB's international network memberships,
    sorted, filtered and paginated through the query string (?sort=, ?joined=, ?page=; see
    networks/listing.py)."""

    template = "pages/network_index_page.html"
    parent_page_types = ["home.WorkAreaIndexPage", "home.WorkAreaPage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network directory")

    def get_networks(self):
        return NetworkPage.objects.child_of(self).live().only(*NetworkPage.LISTING_FIELDS)

    def get_listing(self, request):
        return DirectoryListing(
            self.get_networks(),
            request.GET,
            url=self.get_url(request=request),
            full_url=self.get_full_url(request=request),
        )

    def serve(self, request, *args, **kwargs):
        """A ?page= that is no page number is a missing page (the site's 404 page, in the
        visitor's language); a page past the last (the directory shrank, or a language has
        fewer networks) leads to the last page, with the same sort and year. Only then does
        the page need the database before its fragments: the first page never does."""
        listing = self.get_listing(request)
        if not listing.is_valid_page_number:
            raise Http404(_("There is no such page of the directory."))
        if listing.page_number > 1 and listing.is_past_the_last_page:
            return redirect(listing.last_page_url)
        return super().serve(request, *args, listing=listing, **kwargs)

    def get_context(self, request, *args, listing=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: each part queries the database only when a template reads it, so a view whose
        # fragments are cached runs none of these queries.
        listing = listing or self.get_listing(request)
        context["listing"] = listing
        # What of the query string the view shows: part of its fragments' keys (the head's
        # too, for its canonical and rel="prev"/"next" links; see base.html).
        context["view_key"] = directory_cache_key(request.GET)
        # The language switcher keeps the visitor's sort, year and page (see get_alternates).
        context["switcher_query"] = directory_query(context["view_key"])
        return context

    def get_cached_paths(self):
        """The URLs a CDN purge of the directory covers: its plain pages (?page=2, …), one
        more than it has now, in case it just shrank. Sorted and filtered views are not
        listed: like search results, they may lag a publish by the CDN's cache time."""
        total = self.get_networks().count()
        pages = pages_for(total) + 1
        return ["/", *(f"/?page={number}" for number in range(2, pages + 1))]


class NetworkPage(BasePage):
    """One international network MBB belongs to. Facts are typed fields, not prose."""

    short_name = models.CharField(
        _("short name"), max_length=20, help_text=_("The network's own short name, e.g. NALAS.")
    )
    short_name_language = models.CharField(
        _("language of the short name"),
        max_length=8,
        blank=True,
        choices=SHORT_NAME_LANGUAGES,
        help_text=_(
            "Set it when the short name is a word in another language (English for “Energy "
            "Cities”), so that screen readers pronounce it correctly. Leave it empty for "
            "abbreviations such as NALAS."
        ),
    )
    full_name = models.CharField(
        _("full name"), max_length=255, help_text=_("The official name in this language.")
    )
    joined_year = models.PositiveSmallIntegerField(
        _("member since"), validators=YEAR_VALIDATORS, help_text=_("Year MBB joined.")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded"), validators=YEAR_VALIDATORS, null=True, blank=True
    )
    founded_place = models.CharField(
        _("founded in (city)"),
        max_length=100,
        blank=True,
        help_text=_(
            "The city (and country) where the network was founded, e.g. “Toronto, Kanada”. "
            "Not its seat: where it is based today goes under headquarters."
        ),
    )
    headquarters_city = models.CharField(_("headquarters city"), max_length=100, blank=True)
    headquarters_country = models.CharField(_("headquarters country"), max_length=100, blank=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=120,
        blank=True,
        help_text=_("For example: full member."),
    )
    member_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    member_count_approximation = models.CharField(
        _("members are"),
        max_length=10,
        choices=Approximation.choices,
        default=Approximation.EXACT,
    )
    member_count_kind = models.CharField(
        _("who is counted"),
        max_length=24,
        choices=MemberKind.choices,
        default=MemberKind.MEMBERS,
        help_text=_("As the network counts them: GWOPA counts members and partners."),
    )
    country_count = models.PositiveIntegerField(_("countries"), null=True, blank=True)
    country_count_approximation = models.CharField(
        _("countries are"),
        max_length=10,
        choices=Approximation.choices,
        default=Approximation.EXACT,
    )
    population = models.PositiveBigIntegerField(_("population represented"), null=True, blank=True)
    population_approximation = models.CharField(
        _("population is"),
        max_length=10,
        choices=Approximation.choices,
        default=Approximation.EXACT,
    )
    website = models.URLField(
        _("official website"),
        help_text=_(
            "The network's website in this page's language: translators may point the English "
            "page at the network's English pages."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The full name's place in the page language's alphabetical order (networks/collation.py),
    # kept with the page so that the database sorts the directory A to Z. Set by save().
    name_sort_key = models.TextField(editable=False, default="")
    # BasePage's introduction, required and short: it is the directory card's text.
    introduction = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences for the directory card.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("full_name")]),
                FieldPanel("short_name_language"),
                FieldRowPanel([FieldPanel("joined_year"), FieldPanel("membership_status")]),
                FieldRowPanel(
                    [
                        FieldPanel("founded_year"),
                        FieldPanel("founded_place"),
                        FieldPanel("headquarters_city"),
                        FieldPanel("headquarters_country"),
                    ]
                ),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Facts"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("member_count"),
                        FieldPanel("member_count_approximation"),
                        FieldPanel("member_count_kind"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("country_count"), FieldPanel("country_count_approximation")]
                ),
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_approximation")]),
            ],
            heading=_("Key figures"),
            help_text=_("Leave a figure empty when the network does not publish it."),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name", boost=3),
        index.AutocompleteField("short_name"),
        index.SearchField("full_name", boost=2),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("joined_year"),
    ]
    # Names of organisations and their figures are the same in every language.
    # What directory cards, the home page and their structured data show: listings load only
    # these (a third of the cost of whole pages; the query-count tests catch a missing one).
    LISTING_FIELDS = (
        *LINK_FIELDS,
        "short_name",
        "short_name_language",
        "full_name",
        "introduction",
        "joined_year",
        "headquarters_city",
        "headquarters_country",
        "website",
    )

    override_translatable_fields = [
        SynchronizedField("short_name"),
        SynchronizedField("short_name_language"),
        # A network may have pages in each language (UCLG-MEWA: /tr and /en).
        TranslatableField("website"),
    ]

    template = "pages/network_page.html"
    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network membership")
        # The directory's orders (listing.SORT_ORDERS), so that a page of cards reads its rows
        # from an index instead of sorting every network: the year filter with A to Z, A to Z,
        # and the default, most recent first. SQLite and PostgreSQL both use them.
        indexes = [
            models.Index(
                fields=["joined_year", "name_sort_key", "full_name"], name="network_year_name_idx"
            ),
            models.Index(fields=["name_sort_key", "full_name"], name="network_name_idx"),
            models.Index(
                models.F("joined_year").desc(), Lower("short_name"), name="network_recent_idx"
            ),
        ]

    def save(self, *args, **kwargs):
        if self.locale_id is None:
            self.locale = self.get_default_locale()  # as Wagtail would, a moment later
        self.name_sort_key = collation_string(self.full_name, self.locale.language_code)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_sort_key"}
        return super().save(*args, **kwargs)

    def key_figures(self):
        """(label, formatted value) pairs for the figures the network publishes."""
        figures = [
            (
                self.get_member_count_kind_display(),
                self.member_count,
                self.member_count_approximation,
            ),
            (_("Countries"), self.country_count, self.country_count_approximation),
            (_("Population represented"), self.population, self.population_approximation),
        ]
        return [(label, format_figure(n, approx)) for label, n, approx in figures if n]

    def headquarters(self):
        return ", ".join(
            part for part in (self.headquarters_city, self.headquarters_country) if part
        )

    def website_address(self):
        """The website as the seed writes it after "Detaylı bilgi için:": the address without
        its scheme or a bare trailing slash (www.nalas.eu, www.uclg-mewa.org/tr)."""
        address = self.website.split("://", 1)[-1]
        return address[:-1] if address.endswith("/") and address.count("/") == 1 else address


def live_network_counts(directories):
    """{language code: how many live networks} of the directory pages `directories` (their
    translations, as the chrome loaded them), in one query."""
    if not directories:
        return {}
    children = Q()
    for directory in directories:
        children |= Q(path__startswith=directory.path, depth=directory.depth + 1)
    return dict(
        NetworkPage.objects.live()
        .filter(children)
        .order_by()
        .values_list("locale__language_code")
        .annotate(count=Count("pk"))
    )
