"""schema.org JSON-LD for each page type, built as Python data and serialised safely."""

import json

from django.utils.translation import gettext as _

SCHEMA = "https://schema.org"

# A JSON string may contain "</script>" or "<!--"; these escapes keep it inside its <script>.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json_ld(data):
    """`data` as JSON that can be placed in <script type="application/ld+json"> as is."""
    return json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_SAFE)


def organisation_name():
    return _("Marmara Municipalities Union")


def home_organisation(page, request, networks):
    """MBB as a GovernmentOrganization, with the networks it belongs to and since when."""
    from home.models import FooterText

    data = {
        "@context": SCHEMA,
        "@type": "GovernmentOrganization",
        "@id": page.get_full_url(request) + "#organization",
        "name": organisation_name(),
        "alternateName": _("MMU"),
        "url": page.get_full_url(request),
        "description": page.introduction or None,
        "memberOf": [network_membership(network, request) for network in networks],
    }
    footer = FooterText.objects.filter(locale=page.locale).first()
    if footer:
        data["email"] = footer.email or None
        data["telephone"] = footer.phone or None
        if footer.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(footer.address.split()),
            }
    return _without_empty(data)


def network_membership(network, request):
    """One membership as a schema.org OrganizationRole (a Role carries the start year)."""
    return {
        "@type": "OrganizationRole",
        "memberOf": {
            "@type": "Organization",
            "name": network.full_name,
            "alternateName": network.acronym,
            "url": network.website,
            "sameAs": network.get_full_url(request),
        },
        "startDate": str(network.joined_year),
    }


def network_organisation(page, request):
    """A network page as an Organization: founding date and place, seat and official website."""
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": page.full_name,
        "alternateName": page.acronym,
        "url": page.website,
        "mainEntityOfPage": page.get_full_url(request),
        "description": page.summary,
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
        data["logo"] = request.build_absolute_uri(rendition.url)
    return _without_empty(data)


def breadcrumb_list(page, request):
    """The trail from the language's home page down to `page` as a BreadcrumbList."""
    trail = list(page.get_ancestors().filter(depth__gt=1).live().specific()) + [page]
    items = []
    for position, crumb in enumerate(trail, start=1):
        name = _("Home") if crumb.depth == 2 else crumb.title
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def structured_data_for(page, request):
    """Every JSON-LD object for `page`, ready to serialise."""
    from home.models import HomePage
    from networks.models import NetworkPage

    if page is None or not getattr(page, "pk", None):
        return []
    page = page.specific
    if isinstance(page, HomePage):
        networks = NetworkPage.objects.descendant_of(page).live().order_by("joined_year", "acronym")
        return [home_organisation(page, request, networks)]
    objects = []
    if isinstance(page, NetworkPage):
        objects.append(network_organisation(page, request))
    if page.depth > 2:
        objects.append(breadcrumb_list(page, request))
    return objects


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
