"""The seed loader: real wagtail-localize translations, facts in both languages, idempotence."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.models import ContactDetails
from home.models import WorkAreaPage
from home.seed import content
from home.seed.loader import load_catalog, source_strings
from networks.models import NetworkPage
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

NETWORK_FACTS = {
    # short_name: (joined, founded, website)
    "AEBR": (2023, 1971, "https://www.aebr.eu/"),
    "ALDA": (2017, 1999, "https://www.alda-europe.eu/"),
    "Energy Cities": (2023, 1990, "https://energy-cities.eu/"),
    "GWOPA": (2023, 2009, "https://gwopa.org/"),
    "ICLEI": (2023, 1990, "https://iclei.org/"),
    "NALAS": (2008, None, "https://www.nalas.eu/"),
    "TDBB": (2010, 2003, "https://www.tdbb.org.tr/"),
    "UCLG-MEWA": (2014, None, "https://www.uclg-mewa.org/tr"),
}
# Where a network has its own pages in English, the English page links there.
ENGLISH_WEBSITES = {"UCLG-MEWA": "https://www.uclg-mewa.org/en"}


def page_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "footers": ContactDetails.objects.count(),
    }


def seeded(model):
    """How many pages of `model` the seed file has (in each language)."""
    label = f"{model._meta.app_label}.{model.__name__}"
    return sum(spec["model"] == label for spec in content.PAGES)


def test_every_page_exists_once_in_each_language(tr, en):
    assert seeded(NetworkPage) == len(content.NETWORKS) and seeded(WorkAreaPage) >= 1
    for locale in (tr, en):
        assert NetworkPage.objects.filter(locale=locale).count() == seeded(NetworkPage)
        assert WorkAreaPage.objects.filter(locale=locale).count() == seeded(WorkAreaPage)
    assert Page.objects.filter(depth__gte=2).count() == 2 * len(content.PAGES)


@pytest.mark.parametrize("short_name", NETWORK_FACTS)
def test_each_network_carries_the_seed_facts_in_both_languages(short_name, tr, en):
    joined, founded, website = NETWORK_FACTS[short_name]
    turkish = NetworkPage.objects.get(locale=tr, short_name=short_name)
    english = NetworkPage.objects.get(locale=en, short_name=short_name)
    assert (turkish.joined_year, turkish.founded_year, turkish.website) == (
        joined,
        founded,
        website,
    )
    english_website = ENGLISH_WEBSITES.get(short_name, website)
    assert (english.joined_year, english.founded_year, english.website) == (
        joined,
        founded,
        english_website,
    )
    assert turkish.live and english.live
    assert english.translation_key == turkish.translation_key
    assert english.full_name != turkish.full_name or short_name == "Energy Cities"


def test_key_figures_match_the_seed(tr, en):
    for locale in (tr, en):
        nalas = NetworkPage.objects.get(locale=locale, short_name="NALAS")
        assert (nalas.member_count, nalas.country_count, nalas.population) == (14, 12, 80_000_000)
        alda = NetworkPage.objects.get(locale=locale, short_name="ALDA")
        assert (alda.member_count, alda.member_count_approximation) == (250, "more_than")
        iclei = NetworkPage.objects.get(locale=locale, short_name="ICLEI")
        assert (iclei.member_count, iclei.country_count) == (2500, 125)


def test_english_names_follow_the_glossary(en):
    names = dict(NetworkPage.objects.filter(locale=en).values_list("short_name", "full_name"))
    assert names["AEBR"] == "Association of European Border Regions"
    assert names["ALDA"] == "European Association for Local Democracy"
    assert names["GWOPA"] == "Global Water Operators' Partnerships Alliance"
    assert names["NALAS"] == "Network of Associations of Local Authorities of South-East Europe"
    assert names["TDBB"] == "Union of Turkish World Municipalities"
    home = Page.objects.get(locale=en, depth=2)
    assert home.title == "Marmara Municipalities Union"


def test_english_pages_are_wagtail_localize_translations_of_the_turkish_ones(tr, en):
    for turkish in Page.objects.filter(locale=tr, depth__gte=2).specific():
        english = turkish.get_translation(en)
        assert english.translation_key == turkish.translation_key
        translation = Translation.objects.get(
            source__object_id=turkish.translation_key, target_locale=en
        )
        segments = StringSegment.objects.filter(source=translation.source).count()
        assert segments > 0
        assert translation.get_progress() == (segments, segments), turkish.title


def test_english_slugs_are_translated(en):
    slugs = set(Page.objects.filter(locale=en).values_list("slug", flat=True))
    assert {"our-work-areas", "local-diplomacy", "international-memberships", "contact"} <= slugs
    assert not slugs & {"calisma-alanlarimiz", "yerel-diplomasi", "iletisim"}


def test_english_content_has_no_turkish_leftovers(en):
    turkish_only_letters = set("ğĞşŞıİ")
    for page in Page.objects.filter(locale=en, depth__gte=2).specific():
        text = " ".join(
            str(getattr(page, field, "") or "")
            for field in ("title", "introduction", "summary", "full_name", "body")
        )
        assert not turkish_only_letters & set(text), page.title


def test_every_turkish_seed_string_has_an_english_translation():
    catalog = load_catalog()
    missing = [text for text, _path, _instance in source_strings() if text not in catalog]
    assert missing == []


def test_running_the_loader_again_changes_nothing():
    before = page_counts()
    call_command("load_seed_content", verbosity=0)
    assert page_counts() == before


def test_the_loader_keeps_editors_changes(tr, en):
    # A superuser: publishing an English page with an untranslated string (the Turkish
    # introduction just changed) is refused to everyone else.
    editor = SuperuserFactory()
    area = WorkAreaPage.objects.get(locale=tr)
    area.introduction = "Editörün yazdığı giriş."
    area.save_revision(user=editor).publish()
    english = WorkAreaPage.objects.get(locale=en)
    english.title = "Local Diplomacy (edited)"
    english.save_revision(user=editor).publish()

    call_command("load_seed_content", verbosity=0)

    assert WorkAreaPage.objects.get(locale=tr).introduction == "Editörün yazdığı giriş."
    assert WorkAreaPage.objects.get(locale=en).title == "Local Diplomacy (edited)"


def test_the_loader_rebuilds_a_deleted_translation_only(tr, en):
    english = NetworkPage.objects.get(locale=en, short_name="TDBB")
    english.delete()
    call_command("load_seed_content", verbosity=0)
    restored = NetworkPage.objects.get(locale=en, short_name="TDBB")
    assert restored.full_name == "Union of Turkish World Municipalities"
    assert NetworkPage.objects.filter(short_name="TDBB").count() == 2


def test_the_translated_tree_is_consistent(en):
    for page in Page.objects.filter(locale=en):
        assert page.numchild == page.get_children().count() or page.is_leaf()
        children = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
        assert page.numchild == children, page.url_path


def test_footer_contact_details_exist_in_both_languages(tr, en):
    turkish = ContactDetails.objects.get(locale=tr)
    english = ContactDetails.objects.get(locale=en)
    assert english.translation_key == turkish.translation_key
    assert turkish.organisation == "Marmara Belediyeler Birliği"
    assert english.organisation == "Marmara Municipalities Union"
