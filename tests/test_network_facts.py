"""The networks' typed facts as the seed gives them, shown once and right in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from forms_app.models import ContactFormPage
from networks.models import NetworkPage, figure_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# short_name: (Turkish address shown after "Detaylı bilgi için:", English address)
WEBSITE_ADDRESSES = {
    "AEBR": ("www.aebr.eu", "www.aebr.eu"),
    "ALDA": ("www.alda-europe.eu", "www.alda-europe.eu"),
    "Energy Cities": ("energy-cities.eu", "energy-cities.eu"),
    "GWOPA": ("gwopa.org", "gwopa.org"),
    "ICLEI": ("iclei.org", "iclei.org"),
    "NALAS": ("www.nalas.eu", "www.nalas.eu"),
    "TDBB": ("www.tdbb.org.tr", "www.tdbb.org.tr"),
    "UCLG-MEWA": ("www.uclg-mewa.org/tr", "www.uclg-mewa.org/en"),
}


def network(language, short_name):
    return NetworkPage.objects.get(locale__language_code=language, short_name=short_name)


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def facts_panel(document):
    """The "At a glance" panel as {label: value}."""
    panel = document.find("aside", class_="facts-panel")
    return {text_of(row.dt): text_of(row.dd) for row in panel.dl.find_all("div")}


def key_figures(document):
    stats = document.find("section", class_="stat-row")
    return {text_of(row.dt): text_of(row.dd) for row in stats.find_all("div")}


@pytest.mark.parametrize(
    ("language", "name"),
    [("tr", "Türk Dünyası Belediyeler Birliği"), ("en", "Union of Turkish World Municipalities")],
)
def test_tdbb_carries_its_own_english_name(client, language, name):
    document = render(client, network(language, "TDBB"))
    assert text_of(document.h1) == name
    assert "Turkic" not in document.get_text()


@pytest.mark.parametrize(
    ("language", "founded_label", "founded", "hq_label", "headquarters"),
    [
        ("tr", "Kuruluş", "1990, Toronto, Kanada", "Merkez", "Bonn, Almanya"),
        ("en", "Founded", "1990, Toronto, Canada", "Headquarters", "Bonn, Germany"),
    ],
)
def test_iclei_was_founded_in_toronto_and_is_based_in_bonn(
    client, language, founded_label, founded, hq_label, headquarters
):
    facts = facts_panel(render(client, network(language, "ICLEI")))
    assert facts[founded_label] == founded
    assert facts[hq_label] == headquarters


@pytest.mark.parametrize(
    ("language", "short_name", "founded"),
    [
        ("tr", "Energy Cities", "1990, Brüksel"),
        ("en", "Energy Cities", "1990, Brussels"),
        ("tr", "GWOPA", "2009, Bonn, Almanya"),
        ("en", "GWOPA", "2009, Bonn, Germany"),
    ],
)
def test_a_founding_place_is_shown_as_where_the_network_was_founded(
    client, language, short_name, founded
):
    facts = facts_panel(render(client, network(language, short_name)))
    assert founded in facts.values()
    headquarters_label = "Merkez" if language == "tr" else "Headquarters"
    assert headquarters_label not in facts  # the seed names no seat for these two


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("short_name", WEBSITE_ADDRESSES)
def test_no_network_shows_its_founding_place_as_its_headquarters(client, language, short_name):
    page = network(language, short_name)
    facts = facts_panel(render(client, page))
    headquarters = facts.get("Merkez" if language == "tr" else "Headquarters", "")
    if page.founded_place:
        assert page.founded_place not in headquarters
    assert headquarters == page.headquarters()


@pytest.mark.parametrize(
    ("language", "label", "value"),
    [
        ("tr", "Üye ve partner kuruluş sayısı", "yaklaşık 500"),
        ("en", "Members and partners", "about 500"),
    ],
)
def test_gwopa_counts_members_and_partners(client, language, label, value):
    figures = key_figures(render(client, network(language, "GWOPA")))
    assert figures[label] == value
    assert "Members" not in figures and "Üye sayısı" not in figures


@pytest.mark.parametrize(
    ("language", "headquarters"),
    [("tr", "Üsküp, Kuzey Makedonya"), ("en", "Skopje, North Macedonia")],
)
def test_nalas_headquarters_names_north_macedonia(client, language, headquarters):
    page = network(language, "NALAS")
    assert page.headquarters() == headquarters
    label = "Merkez" if language == "tr" else "Headquarters"
    assert facts_panel(render(client, page))[label] == headquarters


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("short_name", WEBSITE_ADDRESSES)
def test_each_network_shows_its_website_address_as_the_link_text(client, language, short_name):
    page = network(language, short_name)
    document = render(client, page)
    lead_in = "Detaylı bilgi için:" if language == "tr" else "For more information:"
    (paragraph,) = [p for p in document.find_all("p") if text_of(p).startswith(lead_in)]
    link = paragraph.a
    address = WEBSITE_ADDRESSES[short_name][0 if language == "tr" else 1]
    assert link["href"] == page.website
    assert link.contents[0].strip() == address  # then the hidden "opens in a new tab"


def test_uclg_mewa_links_to_its_english_website_from_the_english_page(client):
    turkish = render(client, network("tr", "UCLG-MEWA"))
    english = render(client, network("en", "UCLG-MEWA"))
    assert turkish.find("a", href="https://www.uclg-mewa.org/tr") is not None
    assert english.find("a", href="https://www.uclg-mewa.org/en") is not None
    assert english.find("a", href="https://www.uclg-mewa.org/tr") is None


@pytest.mark.parametrize(
    ("language", "heading", "menu_title"),
    [("tr", "İletişime Geçin", "İletişim"), ("en", "Get in touch", "Contact")],
)
def test_the_contact_page_heading_is_the_seeds(client, language, heading, menu_title):
    page = ContactFormPage.objects.get(locale__language_code=language)
    document = render(client, page)
    assert text_of(document.h1) == heading
    assert page.title == menu_title  # menus keep the short name


@pytest.mark.parametrize(
    ("language", "population", "other_formats"),
    [
        ("tr", "yaklaşık 80 milyon", ["80.000.000", "~80", "80,000,000"]),
        ("en", "about 80 million", ["80,000,000", "~80", "80.000.000"]),
    ],
)
def test_nalas_shows_each_figure_once_in_one_format(client, language, population, other_formats):
    document = render(client, network(language, "NALAS"))
    main = text_of(document.find("main"))
    figures = key_figures(document)
    assert population in figures.values()
    for other in other_formats:
        assert other not in main
    member_since = "Üyelik yılı" if language == "tr" else "Member since"
    assert main.count(member_since) == 1
    assert document.find(class_="key-figures") is None  # no second figures block in the body


@pytest.mark.parametrize(
    ("language", "number", "text"),
    [
        ("tr", 80_000_000, "80 milyon"),
        ("en", 80_000_000, "80 million"),
        ("tr", 2_500_000, "2,5 milyon"),
        ("en", 2_500_000, "2.5 million"),
        ("tr", 2500, "2.500"),
        ("en", 2500, "2,500"),
    ],
)
def test_large_figures_read_as_words(language, number, text):
    with translation.override(language):
        assert figure_text(number) == text


# An existing database seeded before the corrections -----------------------------------------


def make_old_iclei():
    """ICLEI as the earlier seed had it: "headquarters" Toronto, no founding place."""
    page = network("tr", "ICLEI")
    page.founded_place = ""
    page.headquarters_city, page.headquarters_country = "Toronto", "Kanada"
    page.save_revision().publish()  # no user: as the loader saved it
    return page


def test_reloading_the_seed_corrects_pages_nobody_has_edited(tr, en):
    make_old_iclei()
    call_command("load_seed_content", verbosity=0)
    turkish, english = network("tr", "ICLEI"), network("en", "ICLEI")
    assert (turkish.founded_place, turkish.headquarters()) == ("Toronto, Kanada", "Bonn, Almanya")
    assert (english.founded_place, english.headquarters()) == ("Toronto, Canada", "Bonn, Germany")


def test_reloading_the_seed_keeps_an_editors_version(tr, en):
    page = make_old_iclei()
    editor = UserFactory()
    page.headquarters_city = "Toronto (editor)"
    page.save_revision(user=editor).publish()
    call_command("load_seed_content", verbosity=0)
    assert network("tr", "ICLEI").headquarters_city == "Toronto (editor)"


def old_english_name(capture_on_commit, translator=None):
    """The TDBB English page with the name the earlier catalogue gave it."""
    source = TranslationSource.objects.get_for_instance(network("tr", "TDBB"))
    translation_ = Translation.objects.get(source=source, target_locale__language_code="en")
    name = StringTranslation.objects.get(
        translation_of__data="Türk Dünyası Belediyeler Birliği",
        context__path="full_name",
        locale__language_code="en",
    )
    name.data = "Union of Municipalities of the Turkic World"
    name.last_translated_by = translator
    name.save()
    with capture_on_commit(execute=True):  # wagtail-localize publishes on commit
        translation_.save_target(publish=True)
    assert network("en", "TDBB").full_name == "Union of Municipalities of the Turkic World"


def test_reloading_the_seed_corrects_an_untouched_english_translation(
    en, django_capture_on_commit_callbacks
):
    old_english_name(django_capture_on_commit_callbacks)
    call_command("load_seed_content", verbosity=0)
    assert network("en", "TDBB").full_name == "Union of Turkish World Municipalities"


def test_reloading_the_seed_keeps_a_translators_wording(en, django_capture_on_commit_callbacks):
    translator = UserFactory()
    old_english_name(django_capture_on_commit_callbacks, translator=translator)
    call_command("load_seed_content", verbosity=0)
    assert network("en", "TDBB").full_name == "Union of Municipalities of the Turkic World"
