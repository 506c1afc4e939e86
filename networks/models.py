from functools import partial
from operator import getitem
from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import LINK_FIELDS, BasePage

from .collation import collation_key

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
    """ "Uluslararası Üyelikler": the directory of MBB's international network memberships."""

    template = "pages/network_index_page.html"
    parent_page_types = ["home.WorkAreaIndexPage", "home.WorkAreaPage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network directory")

    def get_networks(self):
        return (
            NetworkPage.objects.child_of(self)
            .live()
            .only(*NetworkPage.LISTING_FIELDS)
            .order_by("-joined_year", "short_name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query: sorting, filtering and the timeline all work on the same list. Lazy: when
        # the cached directory fragment answers, it never runs.
        directory = SimpleLazyObject(
            lambda: directory_context(list(self.get_networks()), request.GET)
        )
        context.update(
            {key: SimpleLazyObject(partial(getitem, directory, key)) for key in DIRECTORY_KEYS}
        )
        context["directory_key"] = directory_cache_key(request.GET)
        # The language switcher keeps the visitor's sort and year (see get_alternates).
        context["switcher_query"] = directory_query(context["directory_key"])
        return context


def _by_newest(network):
    return (-network.joined_year, network.short_name.casefold())


def _by_oldest(network):
    return (network.joined_year, network.short_name.casefold())


def _by_name(network):
    """By the name the card shows, in the page's language's alphabetical order."""
    return collation_key(network.full_name, get_language())


# ?sort= values: (label for the form, sort key).
SORT_ORDERS = {
    "-joined": (_("Most recent first"), _by_newest),
    "joined": (_("Oldest first"), _by_oldest),
    "name": (_("Name (A to Z)"), _by_name),
}
DEFAULT_SORT = "-joined"


def membership_timeline(networks):
    """[(year, [networks that joined that year])], oldest year first."""
    years = {}
    for network in sorted(networks, key=_by_oldest):
        years.setdefault(network.joined_year, []).append(network)
    return list(years.items())


DIRECTORY_KEYS = (
    "networks",
    "network_total",
    "sort",
    "sort_options",
    "joined",
    "year_options",
    "is_filtered",
    "timeline",
    "directory_notices",
)


def directory_params(params):
    """The directory's query parameters as given: (sort, joined), with the default sort."""
    return params.get("sort") or DEFAULT_SORT, (params.get("joined") or "").strip()


def year_from_param(text):
    """The year in ?joined=, or None. Only ASCII digits: "²", "①" and "₁" pass isdigit() but
    are no year, and int() refuses them."""
    if text.isascii() and text.isdigit() and len(text.lstrip("0")) <= 4:
        return int(text)
    return None


def directory_cache_key(params):
    """What of the query string can change the directory, read without the database: a few
    values, so odd query strings cannot fill the fragment cache."""
    sort, joined = directory_params(params)
    if year_from_param(joined) is not None:
        joined = year_from_param(joined)
    elif joined:
        joined = "invalid"  # not a year we could have: the same notice for all of them
    return (sort if sort in SORT_ORDERS else "invalid", joined)


def directory_query(directory_key):
    """The query string that repeats a directory view's sort and year (valid values only)."""
    sort, joined = directory_key
    params = {}
    if sort in SORT_ORDERS and sort != DEFAULT_SORT:
        params["sort"] = sort
    if isinstance(joined, int):
        params["joined"] = joined
    return urlencode(params)


def directory_context(networks, params):
    """Sort and filter the directory from the query string (?sort=, ?joined=).

    Unknown values never fail the page: they fall back to the defaults, and `notices` tells the
    visitor, in their language, what was ignored.
    """
    notices = []
    sort, raw_joined = directory_params(params)
    if sort not in SORT_ORDERS:
        notices.append(
            _("That sort order is not available, so the most recent memberships are shown first.")
        )
        sort = DEFAULT_SORT

    timeline = membership_timeline(networks)
    years = [year for year, _members in timeline]
    joined = None
    if raw_joined:
        if year_from_param(raw_joined) in years:
            joined = year_from_param(raw_joined)
        else:
            notices.append(
                _("There is no membership from the year you chose, so all years are shown.")
            )

    shown = [n for n in networks if joined is None or n.joined_year == joined]
    shown.sort(key=SORT_ORDERS[sort][1])
    return {
        "networks": shown,
        "network_total": len(networks),
        "sort": sort,
        "sort_options": [(value, label) for value, (label, _key) in SORT_ORDERS.items()],
        "joined": joined,
        "year_options": sorted(years, reverse=True),
        "is_filtered": joined is not None or sort != DEFAULT_SORT,
        "timeline": timeline,
        "directory_notices": notices,
    }


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
