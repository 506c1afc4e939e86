"""The membership directory as the other apps see it: the one module outside networks that
may read networks.models (an import-linter contract in pyproject.toml keeps it so).

The home page lists the networks, the contact form offers a topic per live network, and the
structured data describes them; each goes through these functions.
"""

from .models import NetworkPage


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


def is_network(page):
    """Whether `page` (a specific page) is a network's page."""
    return isinstance(page, NetworkPage)
