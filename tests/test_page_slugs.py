"""Page slugs are ASCII with Turkish transliteration; English slugs come from the English title
on the first publish; existing slugs never change; no stale network count in the directory."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.slugs import ascii_slug
from editorial.testing import translate_string
from home.seed import content as seed
from networks.models import NetworkIndexPage, NetworkPage
from tests.factories import NetworkPageFactory, StandardPageFactory, TranslatorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Uluslararası Ağı", "uluslararasi-agi"),
        (
            "Çağrı Öğrenci Şişli Ümraniye İstanbul Iğdır",
            "cagri-ogrenci-sisli-umraniye-istanbul-igdir",
        ),
        ("ÇĞIİÖŞÜ çğıiöşü", "cgiiosu-cgiiosu"),
        ("Energy Cities", "energy-cities"),
    ],
)
def test_titles_become_ascii_slugs_with_turkish_transliteration(title, slug):
    assert ascii_slug(title) == slug


def test_a_turkish_page_saved_without_a_slug_gets_an_ascii_slug_from_its_title():
    page = StandardPageFactory(title="Uluslararası Ağı", slug="")
    assert page.slug == "uluslararasi-agi"
    second = StandardPageFactory(title="Uluslararası Ağı", slug="")
    assert second.slug == "uluslararasi-agi-1"


# English slugs ---------------------------------------------------------------------------------


@pytest.fixture
def translator():
    return TranslatorFactory(language="tr")


def new_turkish_page(title, slug):
    return StandardPageFactory(title=title, slug=slug, publish=True)


def start_translation(client, translator, turkish):
    client.force_login(translator)
    english = Locale.objects.get(language_code="en")
    client.post(f"/admin/localize/submit/page/{turkish.pk}/", {"locales": [english.pk]})
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(turkish), target_locale=english
    )
    return turkish.get_translation(english), translation


def translate(client, translation, values):
    """Translate the strings of `translation` by their field: {"title": "…", …}."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "context"
    ):
        field = segment.context.path
        if field in values:
            translate_string(client, translation, segment.pk, values[field])


def publish(client, page, capture):
    with capture(execute=True):
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk)


def test_an_english_translation_takes_its_slug_from_the_english_title(
    client, translator, django_capture_on_commit_callbacks
):
    turkish = new_turkish_page("Uluslararası Kent Ağı", "uluslararasi-kent-agi")
    english, translation = start_translation(client, translator, turkish)
    translate(
        client,
        translation,
        {"title": "International City Network", "introduction": "About city networks."},
    )
    english = publish(client, english, django_capture_on_commit_callbacks)
    assert english.live
    assert english.slug == "international-city-network"
    assert client.get("/en/international-city-network/").status_code == 200


def test_a_slug_translated_with_turkish_letters_keeps_the_dotless_i(
    client, translator, django_capture_on_commit_callbacks
):
    turkish = new_turkish_page("Uluslararası Kent Ağı", "uluslararasi-kent-agi")
    english, translation = start_translation(client, translator, turkish)
    translate(
        client,
        translation,
        {
            "title": "Uluslararası Ağı",
            "slug": "Uluslararası Ağı",
            "introduction": "About city networks.",
        },
    )
    english = publish(client, english, django_capture_on_commit_callbacks)
    assert english.slug == "uluslararasi-agi"  # Django's slugify alone gives "uluslararas-ag"


def test_an_english_slug_does_not_change_when_the_turkish_slug_does(
    client, translator, django_capture_on_commit_callbacks
):
    turkish = new_turkish_page("Uluslararası Kent Ağı", "uluslararasi-kent-agi")
    english, translation = start_translation(client, translator, turkish)
    translate(
        client,
        translation,
        {"title": "International City Network", "introduction": "About city networks."},
    )
    english = publish(client, english, django_capture_on_commit_callbacks)
    assert english.slug == "international-city-network"

    # The Turkish slug changes; the sync marks the slug string as new and untranslated.
    turkish.slug = "kent-aglari"
    with django_capture_on_commit_callbacks(execute=True):
        turkish.save_revision().publish()
    english = publish(client, english, django_capture_on_commit_callbacks)
    assert english.live
    assert english.slug == "international-city-network"


def test_the_seeded_slugs_are_unchanged(en):
    slugs = set(Page.objects.filter(locale=en, depth__gt=2).values_list("slug", flat=True))
    assert {"our-work-areas", "local-diplomacy", "international-memberships", "contact"} <= slugs


# No stale counts --------------------------------------------------------------------------------


def test_the_directory_introduction_states_no_count_that_a_new_network_makes_stale(client):
    NetworkPageFactory(title="Akdeniz Kentler Ağı", short_name="MEDCITIES", publish=True)
    networks = NetworkPage.objects.filter(locale__language_code="tr").live().count()
    assert networks == len(seed.NETWORKS) + 1
    # The seed's count in words (eight networks today): the prose must not state it.
    for language, number in (("tr", "sekiz"), ("en", "eight")):
        directory = NetworkIndexPage.objects.get(locale__language_code=language)
        assert number not in directory.introduction.lower().split()
        content = client.get(directory.url).content.decode()
        assert f" {number} " not in content.lower()
    content = client.get("/tr/calisma-alanlarimiz/uluslararasi-uyelikler/").content.decode()
    assert f"{networks} ağ" in content
