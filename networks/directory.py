"""The membership directory as the other apps see it: the one module outside networks that
may read networks.models (an import-linter contract in pyproject.toml keeps it so).

The home page lists a bounded number of networks (`featured_networks`) with a link to the
directory, the contact form offers a topic per live network, and the structured data describes
them; each goes through these functions.
"""

from django.db.models import Count, Min, Window

from .models import NetworkPage

# How many networks a page other than the directory lists (the home page, its structured
# data): a bounded listing, with a link to the directory for the rest.
FEATURED_NETWORKS = 8


def live_networks(under):
    """The live network pages below the page `under`, oldest membership first, with only
    what listings and their structured data show (NetworkPage.LISTING_FIELDS)."""
    return (
        NetworkPage.objects.descendant_of(under)
        .live()
        .only(*NetworkPage.LISTING_FIELDS)
        .order_by("joined_year", "short_name")
    )


def live_network_keys(locale):
    """The translation keys of the networks whose page is live in `locale` (a queryset, for
    use in a subquery)."""
    return NetworkPage.objects.live().filter(locale=locale).values("translation_key")


def live_network(page_id):
    """The live network page with this id, or None (unpublished or deleted since)."""
    return NetworkPage.objects.filter(pk=page_id, live=True).first()


def is_network(page):
    """Whether `page` (a specific page) is a network's page."""
    return isinstance(page, NetworkPage)


def featured_networks(under, limit=FEATURED_NETWORKS):
    """The networks a page other than the directory lists, in one query, whatever their number:
    (the `limit` most recent memberships, shown oldest first; how many live networks there are
    in all; the year of the first membership). The total and the first year are window
    aggregates over every row, computed before the LIMIT. With `limit` networks or fewer, that
    is every network, in the order live_networks gives."""
    rows = list(
        live_networks(under)
        .annotate(
            network_total=Window(Count("pk")),
            first_joined_year=Window(Min("joined_year")),
        )
        .order_by("-joined_year", "-short_name")[:limit]
    )
    rows.reverse()
    if not rows:
        return [], 0, None
    return rows, rows[0].network_total, rows[0].first_joined_year
