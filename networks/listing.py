"""One view of the membership directory (/…/uluslararasi-uyelikler/?sort=…&joined=…&page=…):
sorted, filtered, counted and cut into pages by the database, so that a request costs the same
few queries and the same Python work however many networks there are.

- `year_counts`: one GROUP BY query, how many networks joined each year; it gives the year
  filter's options, the totals, the page count and the timeline's years.
- `networks`: one query, the page's cards (LIMIT/OFFSET, ordered in SQL; A to Z by
  NetworkPage.name_sort_key, the page language's alphabetical order stored with each page).
- `timeline` (on a view's first page only): one query, the names of the years with few
  memberships; a busy year shows its count and a link to the directory filtered by that year.
- on page N > 1 of the plain directory, the head's hreflang links count the other languages'
  networks (one query, network_tags.directory_alternates), so that every view stays within
  the query budget (tests/test_frontend_queries.py).

Nothing here reads the database until a template (or `serve`) asks, so a directory whose
fragments are cached runs none of these queries.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import Lower
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Cards per page: a multiple of 2, 3 and 4, so that full rows fill the grid at every width.
# The setting NETWORK_DIRECTORY_PAGE_SIZE overrides it.
PAGE_SIZE = 24
# The timeline names at most this many networks in a year (more: their count and a link)...
TIMELINE_NAMES_PER_YEAR = 12
# ...and at most this many in all, oldest years first, so that it stays a short read.
TIMELINE_NAMES = 96
# The pagination links the first and last pages and this many on each side of the current one.
PAGE_LINKS_AROUND = 2

# ?sort= values: (label for the form, SQL ordering). The primary key breaks ties, so that a
# network never shows on two pages, or on none.
SORT_ORDERS = {
    "-joined": (_("Most recent first"), ("-joined_year", Lower("short_name"), "pk")),
    "joined": (_("Oldest first"), ("joined_year", Lower("short_name"), "pk")),
    # By the name the card shows, in the page's language's alphabetical order.
    "name": (_("Name (A to Z)"), ("name_sort_key", "full_name", "pk")),
}
DEFAULT_SORT = "-joined"
# ?page= beyond any directory (more digits than this): answered like any page past the last.
BEYOND_EVERY_PAGE = 10**9


def directory_params(params):
    """The directory's query parameters as given: (sort, joined), with the default sort."""
    return params.get("sort") or DEFAULT_SORT, (params.get("joined") or "").strip()


def year_from_param(text):
    """The year in ?joined=, or None. Only ASCII digits: "²", "①" and "₁" pass isdigit() but
    are no year, and int() refuses them."""
    if text.isascii() and text.isdigit() and len(text.lstrip("0")) <= 4:
        return int(text)
    return None


def page_from_param(text):
    """The page number in ?page=: 1 when there is none, None when it is no page number
    ("abc", "0", "-1", "²"). A number longer than any directory is BEYOND_EVERY_PAGE (int()
    refuses strings of thousands of digits)."""
    text = (text or "").strip()
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0")
    if not digits:
        return None
    return int(digits) if len(digits) <= 9 else BEYOND_EVERY_PAGE


def directory_cache_key(params):
    """What of the query string can change the directory, read without the database: a few
    values, so odd query strings cannot fill the fragment cache."""
    sort, joined = directory_params(params)
    if year_from_param(joined) is not None:
        joined = year_from_param(joined)
    elif joined:
        joined = "invalid"  # not a year we could have: the same notice for all of them
    page = page_from_param(params.get("page"))
    return (sort if sort in SORT_ORDERS else "invalid", joined, page)


def directory_query(directory_key):
    """The query string that repeats a directory view's sort, year and page (well-formed
    values only), for the language switcher."""
    sort, joined, page = directory_key
    return query_string(
        sort if sort in SORT_ORDERS else DEFAULT_SORT,
        joined if isinstance(joined, int) else None,
        page or 1,
    )


def query_string(sort, joined, page):
    """?sort=…&joined=…&page=… without the defaults (the plain first page has none)."""
    params = {}
    if sort != DEFAULT_SORT:
        params["sort"] = sort
    if joined is not None:
        params["joined"] = joined
    if page > 1:
        params["page"] = page
    return urlencode(params)


def page_size():
    return getattr(settings, "NETWORK_DIRECTORY_PAGE_SIZE", PAGE_SIZE)


def pages_for(count):
    """How many pages `count` networks fill (one, even when there are none)."""
    return max(1, -(-count // page_size()))


def with_query(url, query):
    return f"{url}?{query}" if query else url


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap ("…") between page links
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class TimelineYear:
    year: int
    count: int
    members: list | None  # None: too many to name, the template shows `count` and `url`
    url: str


class DirectoryListing:
    """The directory as one request sees it: `networks` is a queryset of the directory's live
    networks (not evaluated here), `params` the query string, `url` the directory's URL."""

    def __init__(self, networks, params, url, full_url=""):
        self._all = networks
        self.url = url
        self.full_url = full_url
        self.raw_sort, self.raw_joined = directory_params(params)
        self.page_number = page_from_param(params.get("page"))

    # Read from the query string only -----------------------------------------------------

    @property
    def is_valid_page_number(self):
        return self.page_number is not None

    # One query: how many networks joined each year ------------------------------------------

    @cached_property
    def year_counts(self):
        """[(year, number of networks)], oldest year first."""
        return list(
            self._all.order_by()
            .values_list("joined_year")
            .annotate(count=Count("pk"))
            .order_by("joined_year")
        )

    @cached_property
    def sort(self):
        return self.raw_sort if self.raw_sort in SORT_ORDERS else DEFAULT_SORT

    @cached_property
    def joined(self):
        """The year filtered on, if the directory has a membership from it."""
        year = year_from_param(self.raw_joined) if self.raw_joined else None
        return year if year in dict(self.year_counts) else None

    @cached_property
    def notices(self):
        """What of the query string was ignored, in the visitor's language: unknown values
        never fail the page, they fall back to the defaults."""
        notices = []
        if self.raw_sort not in SORT_ORDERS:
            notices.append(
                _(
                    "That sort order is not available, so the most recent memberships are "
                    "shown first."
                )
            )
        if self.raw_joined and self.joined is None:
            notices.append(
                _("There is no membership from the year you chose, so all years are shown.")
            )
        return notices

    @property
    def total(self):
        """Every network in the directory."""
        return sum(count for _year, count in self.year_counts)

    @property
    def count(self):
        """The networks the view shows, on all its pages."""
        return dict(self.year_counts)[self.joined] if self.joined is not None else self.total

    @property
    def page_count(self):
        return pages_for(self.count)

    @property
    def is_filtered(self):
        return self.joined is not None or self.sort != DEFAULT_SORT

    @property
    def is_past_the_last_page(self):
        return self.page_number is not None and self.page_number > self.page_count

    @property
    def year_options(self):
        return [year for year, _count in reversed(self.year_counts)]

    @property
    def sort_options(self):
        return [(value, label) for value, (label, _order) in SORT_ORDERS.items()]

    # One query: the page's cards -------------------------------------------------------------

    @cached_property
    def networks(self):
        shown = self._all
        if self.joined is not None:
            shown = shown.filter(joined_year=self.joined)
        size = page_size()
        start = (min(self.page_number, self.page_count) - 1) * size
        return self._with_urls(shown.order_by(*SORT_ORDERS[self.sort][1])[start : start + size])

    def _with_urls(self, networks):
        """The networks, each with `listing_url`: its address, the directory's own and its slug.
        Every network here is a child of the directory (get_networks), and a Wagtail page's
        address is its parent's plus its slug; this is the same URL as {% pageurl %}, which
        costs a reverse() under the page's language (about 0.2 ms) per card. The template
        tests compare the two."""
        networks = list(networks)
        for network in networks:
            network.listing_url = f"{self.url}{quote(network.slug)}/"
        return networks

    @property
    def first_shown(self):
        return (self.page_number - 1) * page_size() + 1

    @property
    def last_shown(self):
        return self.first_shown + len(self.networks) - 1

    def numbers(self):
        """The counts in the status line, with the language's digit grouping (1.000, 1,000)."""
        return {
            name: number_format(value, force_grouping=True)
            for name, value in (
                ("total", self.total),
                ("count", self.count),
                ("first", self.first_shown),
                ("last", self.last_shown),
                ("page", self.page_number),
                ("pages", self.page_count),
            )
        }

    # Links -------------------------------------------------------------------------------

    def page_url(self, number, base=None):
        """The URL of page `number` of this view (its sort and year kept)."""
        return with_query(self.url if base is None else base, self._query(number))

    def _query(self, number):
        return query_string(self.sort, self.joined, number)

    @property
    def previous_url(self):
        return self.page_url(self.page_number - 1) if self.page_number > 1 else ""

    @property
    def next_url(self):
        return self.page_url(self.page_number + 1) if self.page_number < self.page_count else ""

    @property
    def last_page_url(self):
        return self.page_url(self.page_count)

    def full_page_url(self, number):
        return self.page_url(number, base=self.full_url)

    @property
    def previous_full_url(self):
        return self.full_page_url(self.page_number - 1) if self.page_number > 1 else ""

    @property
    def next_full_url(self):
        has_next = self.page_number < self.page_count
        return self.full_page_url(self.page_number + 1) if has_next else ""

    @property
    def canonical_url(self):
        """A page of the plain directory (default order, every year) is its own canonical
        address (?page=N); a sorted or filtered view points, as it always has, at the
        directory itself, whose pages list the same networks."""
        if self.is_filtered:
            return self.full_url
        return self.full_page_url(self.page_number)

    @property
    def page_links(self):
        """The first and last page, and PAGE_LINKS_AROUND pages around the current one, with
        a gap (number None) where pages are left out."""
        current, last = self.page_number, self.page_count
        wanted = {1, last, *range(current - PAGE_LINKS_AROUND, current + PAGE_LINKS_AROUND + 1)}
        links = []
        for number in sorted(n for n in wanted if 1 <= n <= last):
            if links and number - links[-1].number > 1:
                if number - links[-1].number == 2:  # a gap of one page: link it instead
                    links.append(PageLink(number - 1, self.page_url(number - 1)))
                else:
                    links.append(PageLink(None))
            links.append(PageLink(number, self.page_url(number), number == current))
        return links

    # One query: the timeline's names ---------------------------------------------------------

    @cached_property
    def timeline(self):
        """Every year with memberships, oldest first: the networks that joined that year, or,
        for a busy year (or once TIMELINE_NAMES are named), how many and a link to them."""
        named, budget = set(), TIMELINE_NAMES
        for year, count in self.year_counts:
            if count > TIMELINE_NAMES_PER_YEAR:
                continue
            if count > budget:
                break  # this year and later ones show their counts
            named.add(year)
            budget -= count
        members = {year: [] for year in named}
        if named:
            rows = self._all.filter(joined_year__in=named).order_by(
                "joined_year", Lower("short_name"), "pk"
            )
            for network in self._with_urls(rows):
                members[network.joined_year].append(network)
        return [
            TimelineYear(
                year=year,
                count=count,
                members=members.get(year),
                url=with_query(self.url, query_string(DEFAULT_SORT, year, 1)),
            )
            for year, count in self.year_counts
        ]
