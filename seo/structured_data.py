"""schema.org JSON-LD for each page type, built as Python data and serialised safely."""

import json

from django.utils.translation import gettext as _

from core.site_url import absolute_url
from networks.directory import featured_networks, is_network

SCHEMA = "https://schema.org"

# A JSON string may contain "</script>" or "<!--"; these escapes keep it inside its <script>.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json_ld(data):
    """`data` as JSON that can be placed in <script type="application/ld+json"> as is."""
    return json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_SAFE)


def is_language_home(page):
    """A language's home page (/tr/, /en/): the only page type Wagtail's root may hold
    (home.HomePage's parent_page_types), so its depth says it without importing home."""
    return page.depth == 2


def organisation_name():
    return _("Marmara Municipalities Union")


def home_organisation(page, request, networks, footer=None):
    """MBB as a GovernmentOrganization, with the networks it belongs to and since when."""
    data = {
        "@context": SCHEMA,
        "@type": "GovernmentOrganization",
        "@id": page.get_full_url(request) + "#organization",
        "name": organisation_name(),
        "alternateName": _("MMU"),
        "url": page.get_full_url(request),
        "description": page.introduction or None,
        "memberOf": [network_membership(network) for network in networks],
    }
    if footer is not None:
        data["email"] = footer.email or None
        data["telephone"] = footer.phone or None
        data["hasMap"] = footer.map_url or None
        if footer.address:
            data["address"] = postal_address(footer.address)
    return _without_empty(data)


def postal_address(text):
    """MBB's address as a schema.org PostalAddress: the address as published, on one line, in
    Türkiye."""
    return {
        "@type": "PostalAddress",
        "streetAddress": " ".join(text.split()),
        "addressCountry": "TR",
    }


def network_membership(network):
    """One membership as a schema.org OrganizationRole (a Role carries the start year)."""
    return {
        "@type": "OrganizationRole",
        "memberOf": {
            "@type": "Organization",
            "name": network.full_name,
            "alternateName": network.short_name,
            "url": network.website,
        },
        "startDate": str(network.joined_year),
    }


def network_organisation(page, request):
    """A network page as an Organization: founding date and place, seat and official website."""
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": page.full_name,
        "alternateName": page.short_name,
        "url": page.website,
        "mainEntityOfPage": page.get_full_url(request),
        "description": page.introduction,
        "foundingDate": str(page.founded_year) if page.founded_year else None,
    }
    if page.founded_place:
        data["foundingLocation"] = {"@type": "Place", "name": page.founded_place}
    if page.headquarters_city or page.headquarters_country:
        address = {
            "@type": "PostalAddress",
            "addressLocality": page.headquarters_city or None,
            "addressCountry": page.headquarters_country or None,
        }
        data["location"] = {"@type": "Place", "address": _without_empty(address)}
        data["address"] = _without_empty(address)
    if page.logo_id:
        rendition = page.logo.get_rendition("max-600x600")
        data["logo"] = absolute_url(rendition.url, request)
    return _without_empty(data)


def breadcrumb_list(page, request, ancestors):
    """The trail from the language's home page (first of `ancestors`) down to `page`."""
    items = []
    for position, crumb in enumerate([*ancestors, page], start=1):
        name = _("Home") if is_language_home(crumb) else crumb.title
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def structured_data_for(page, request, *, ancestors=(), networks=None, footer=None):
    """Every JSON-LD object for `page`, ready to serialise.

    The caller passes what the page's chrome has already loaded (ancestors, the networks the
    home page shows, the footer), so structured data costs no extra queries.
    """
    if not getattr(page, "pk", None):
        return []
    if is_language_home(page):
        if networks is None:
            # The networks the home page shows (a bounded number: with hundreds of networks
            # the directory lists the rest), so the data describes what the page shows.
            networks, _total, _first_year = featured_networks(under=page)
        networks = sorted(networks, key=lambda network: (network.joined_year, network.short_name))
        return [home_organisation(page, request, networks, footer)]
    objects = []
    if is_network(page):
        objects.append(network_organisation(page, request))
    if page.depth > 2:
        objects.append(breadcrumb_list(page, request, ancestors))
    return objects


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
