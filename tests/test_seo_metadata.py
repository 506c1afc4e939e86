"""Per-page <head> metadata and JSON-LD, parsed (not string-matched), on every page type."""

import json
from io import BytesIO

import html5lib
import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import HomePage, WorkAreaPage
from home.seed import content
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

SITE_NAME = {"tr": "Marmara Belediyeler Birliği", "en": "Marmara Municipalities Union"}
OG_LOCALE = {"tr": "tr_TR", "en": "en_GB"}


def head_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    return document, response.content.decode()


def meta(document):
    values = {}
    for tag in document.iter("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            values.setdefault(key, []).append(tag.get("content"))
    return values


def json_ld(document):
    return [
        json.loads(script.text)
        for script in document.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def of_type(objects, schema_type):
    return [data for data in objects if data["@type"] == schema_type]


def live_pages(language_code):
    return list(
        Page.objects.live().filter(locale__language_code=language_code, depth__gt=1).specific()
    )


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_every_page_has_title_with_site_suffix_description_and_self_canonical(
    client, language_code
):
    for page in live_pages(language_code):
        document, _ = head_of(client, page)
        title = document.find(".//title").text
        assert title == f"{page.seo_title or page.title} | {SITE_NAME[language_code]}", page.url
        values = meta(document)
        expected = page.search_description or getattr(page, "introduction", "") or page.introduction
        assert len(values["description"]) == 1
        description = values["description"][0]
        assert description and len(description) <= 160, page.url
        assert expected.startswith(description.rstrip("…")), page.url
        canonical = [
            link.get("href") for link in document.iter("link") if link.get("rel") == "canonical"
        ]
        assert canonical == [page.get_full_url()]


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_open_graph_and_twitter_tags_name_the_language_and_its_alternate(client, language_code):
    other = "en" if language_code == "tr" else "tr"
    for page in live_pages(language_code):
        document, _ = head_of(client, page)
        values = meta(document)
        assert values["og:locale"] == [OG_LOCALE[language_code]]
        assert values["og:locale:alternate"] == [OG_LOCALE[other]]
        assert values["og:url"] == [page.get_full_url()]
        assert values["og:title"] == values["twitter:title"] == [page.seo_title or page.title]
        assert values["og:description"] == values["description"]
        assert values["og:site_name"] == [SITE_NAME[language_code]]
        assert values["og:type"] == ["website" if page.depth == 2 else "article"]
        assert values["twitter:card"] == ["summary_large_image"]
        assert values["og:image"] == values["twitter:image"]
        assert values["og:image"][0] == "http://localhost/static/img/share-default.png"
        assert (values["og:image:width"], values["og:image:height"]) == (["1200"], ["630"])


def test_default_share_image_is_a_real_1200_by_630_png(client):
    response = client.get("/static/img/share-default.png")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    image = PILImage.open(BytesIO(content))
    assert (image.format, image.size) == ("PNG", (1200, 630))


def test_untranslated_page_has_no_og_locale_alternate(client, tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    turkish.get_translation(en).unpublish()
    document, _ = head_of(client, turkish)
    assert "og:locale:alternate" not in meta(document)


def test_editors_search_description_wins_and_is_per_language(client, tr, en):
    turkish = WorkAreaPage.objects.get(locale=tr)
    english = turkish.get_translation(en)
    turkish.search_description = "Yerel diplomasi hakkında kısa açıklama."
    turkish.save_revision().publish()
    english.search_description = "A short description of local diplomacy."
    english.save_revision().publish()
    assert meta(head_of(client, turkish)[0])["description"] == [turkish.search_description]
    assert meta(head_of(client, english)[0])["description"] == [english.search_description]


def test_network_logo_becomes_the_share_image(client, en):
    buffer = BytesIO()
    PILImage.new("RGB", (2400, 1200), "#0b4f6c").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="NALAS logo", file=ImageFile(buffer, name="nalas-logo.png")
    )
    page = NetworkPage.objects.get(locale=en, short_name="NALAS")
    page.logo = image
    page.save_revision().publish()
    values = meta(head_of(client, page)[0])
    assert values["og:image"][0].startswith("http://localhost/media/")
    assert values["og:image"][0] != "http://localhost/static/img/share-default.png"
    assert (values["og:image:width"], values["og:image:height"]) == (["1200"], ["600"])
    assert values["og:image:alt"] == ["NALAS logo"]


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_home_page_describes_mbb_as_government_organization_with_its_memberships(
    client, language_code
):
    home = HomePage.objects.get(locale__language_code=language_code)
    document, _ = head_of(client, home)
    objects = json_ld(document)
    [organisation] = of_type(objects, "GovernmentOrganization")
    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == SITE_NAME[language_code]
    assert organisation["alternateName"] == {"tr": "MBB", "en": "MMU"}[language_code]
    assert organisation["url"] == home.get_full_url()
    networks = NetworkPage.objects.filter(locale__language_code=language_code)
    expected = {
        network.short_name: (network.full_name, str(network.joined_year), network.website)
        for network in networks
    }
    roles = organisation["memberOf"]
    assert len(roles) == len(expected) == len(content.NETWORKS)
    assert all(role["@type"] == "OrganizationRole" for role in roles)
    found = {
        role["memberOf"]["alternateName"]: (
            role["memberOf"]["name"],
            role["startDate"],
            role["memberOf"]["url"],
        )
        for role in roles
    }
    assert found == expected
    assert not of_type(objects, "BreadcrumbList")


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_network_pages_are_organizations_with_founding_date_location_and_website(
    client, language_code
):
    for page in NetworkPage.objects.live().filter(locale__language_code=language_code):
        document, _ = head_of(client, page)
        [organisation] = of_type(json_ld(document), "Organization")
        assert organisation["name"] == page.full_name
        assert organisation["alternateName"] == page.short_name
        assert organisation["url"] == page.website
        assert organisation["mainEntityOfPage"] == page.get_full_url()
        if page.founded_year:
            assert organisation["foundingDate"] == str(page.founded_year)
        else:
            assert "foundingDate" not in organisation
        address = organisation.get("location", {}).get("address", {})
        assert address.get("addressLocality") == (page.headquarters_city or None)
        assert address.get("addressCountry") == (page.headquarters_country or None)
        if page.founded_place:
            assert organisation["foundingLocation"] == {
                "@type": "Place",
                "name": page.founded_place,
            }


def test_english_network_data_is_in_english(client, en):
    page = NetworkPage.objects.get(locale=en, short_name="NALAS")
    [organisation] = of_type(json_ld(head_of(client, page)[0]), "Organization")
    assert organisation["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Skopje",
        "addressCountry": "North Macedonia",
    }


@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_inner_pages_carry_a_breadcrumb_list_in_their_language(client, language_code):
    home_name = {"tr": "Ana Sayfa", "en": "Home"}[language_code]
    for page in live_pages(language_code):
        if page.depth == 2:
            continue
        [breadcrumbs] = of_type(json_ld(head_of(client, page)[0]), "BreadcrumbList")
        items = breadcrumbs["itemListElement"]
        ancestors = list(page.get_ancestors().filter(depth__gt=1)) + [page]
        assert [item["position"] for item in items] == list(range(1, len(ancestors) + 1))
        assert [item["item"] for item in items] == [p.get_full_url() for p in ancestors]
        assert items[0]["name"] == home_name
        assert items[-1]["name"] == page.title


def test_json_ld_cannot_be_broken_out_of_by_content(client, tr):
    page = NetworkPage.objects.get(locale=tr, short_name="ALDA")
    hostile = 'Özet </script><script>alert("x")</script> & <!-- -->'
    page.introduction = hostile
    page.save_revision().publish()
    document, content = head_of(client, page)
    assert "<script>alert" not in content
    [organisation] = of_type(json_ld(document), "Organization")
    assert organisation["description"] == hostile
