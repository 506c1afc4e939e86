"""The home page lists a bounded number of networks (FEATURED_NETWORKS): every one while they
are few, else the most recent memberships, oldest first, with a link to the directory; its
structured data names the same networks."""

import json

import html5lib
import pytest

from home.models import HomePage
from networks.directory import FEATURED_NETWORKS
from networks.models import NetworkIndexPage
from tests.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db

OLDEST_FIRST = ["NALAS", "TDBB", "UCLG-MEWA", "ALDA", "AEBR", "Energy Cities", "GWOPA", "ICLEI"]


def home(client, language):
    response = client.get(HomePage.objects.get(locale__language_code=language).url)
    assert response.status_code == 200
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def classes(element):
    return (element.get("class") or "").split()


def text(element):
    return " ".join("".join(element.itertext()).split())


def chips(document):
    return [
        text(next(span for span in a.iter("span") if "chip__name" in classes(span)))
        for a in document.iter("a")
        if "chip" in classes(a)
    ]


def more_links(document):
    return [(text(a), a.get("href")) for a in document.iter("a") if "more-link" in classes(a)]


def hero_figures(document):
    figures = next(dl for dl in document.iter("dl") if "hero__figures" in classes(dl))
    return {
        text(dt): text(dd) for dt, dd in zip(figures.iter("dt"), figures.iter("dd"), strict=True)
    }


def memberships(document):
    for script in document.iter("script"):
        if script.get("type") == "application/ld+json":
            data = json.loads(script.text)
            if data.get("@type") == "GovernmentOrganization":
                return [role["memberOf"]["alternateName"] for role in data["memberOf"]]
    raise AssertionError("no GovernmentOrganization")


def add_networks(count):
    for number in range(count):
        turkish = NetworkPageFactory(short_name=f"YA{number:02d}", joined_year=2025)
        NetworkPageFactory(
            language="en",
            title=f"Test Network {number:02d}",
            short_name=turkish.short_name,
            joined_year=2025,
            translation_key=turkish.translation_key,
        )


def test_with_eight_networks_the_home_page_shows_every_one_and_no_directory_link(client):
    assert FEATURED_NETWORKS == 8
    for language in ("tr", "en"):
        document = home(client, language)
        assert chips(document) == OLDEST_FIRST
        assert more_links(document) == []
        assert memberships(document) == OLDEST_FIRST


@pytest.mark.parametrize(
    ("language", "link_text", "figures", "introduction"),
    [
        (
            "en",
            "All 20 networks →",
            {"International network memberships": "20", "First membership": "2008"},
            "Our 8 most recent memberships, with the year we joined each one.",
        ),
        (
            "tr",
            "Tüm ağlar (20) →",
            {"Uluslararası ağ üyeliği": "20", "İlk üyelik": "2008"},
            "En son katıldığımız 8 ağ ve katılım yılları.",
        ),
    ],
)
def test_with_more_networks_it_shows_the_eight_most_recent_and_links_to_all(
    client, language, link_text, figures, introduction
):
    add_networks(12)  # joined in 2025: the eight last by name are the most recent
    document = home(client, language)
    most_recent = [f"YA{number:02d}" for number in range(4, 12)]
    assert chips(document) == most_recent
    directory = NetworkIndexPage.objects.get(locale__language_code=language)
    assert more_links(document) == [(link_text, directory.url)]
    assert hero_figures(document) == figures
    assert introduction in [text(p) for p in document.iter("p")]
    assert memberships(document) == most_recent
