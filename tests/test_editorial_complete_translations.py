"""A translation cannot go live half-translated, on any publishing path, except by a superuser.

Each test starts a translation the way a translator does (Translate → English), so the English
page is a draft whose strings are all untranslated, then tries one way of publishing it.
"""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.complete_translations import IncompleteTranslation, untranslated_strings
from editorial.testing import page_form_data, translate_string
from home.models import WorkAreaPage
from networks.models import NetworkPage
from tests.factories import SuperuserFactory, TranslatorFactory

pytestmark = pytest.mark.django_db

NETWORK_TITLE = "Akdeniz Kentler Ağı (MEDCITIES)"


@pytest.fixture
def translator():
    return TranslatorFactory(language="tr")


@pytest.fixture
def superuser():
    return SuperuserFactory()


def new_turkish_network():
    """A ninth network, published in Turkish: a copy of AEBR under a new name."""
    aebr = NetworkPage.objects.get(slug="aebr", locale__language_code="tr")
    copy = aebr.copy(
        update_attrs={"title": NETWORK_TITLE, "slug": "medcities", "short_name": "MEDCITIES"},
        keep_live=True,
    )
    return NetworkPage.objects.get(pk=copy.pk)


def start_translation(client, user, turkish_page):
    """Translate → English, as in the translators' guide: an English draft, nothing translated."""
    client.force_login(user)
    english = Locale.objects.get(language_code="en")
    response = client.post(
        f"/admin/localize/submit/page/{turkish_page.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302, response.content[:2000]
    page = turkish_page.get_translation(english)
    assert not page.live
    return page


def translation_of(turkish_page):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(turkish_page),
        target_locale__language_code="en",
    )


def string_count(turkish_page):
    return StringSegment.objects.filter(source=translation_of(turkish_page).source).count()


def english_for(segment):
    """An English translation of a string: URLs (the network's website) stay valid URLs."""
    source = segment.string.data
    return source if source.startswith("http") else f"English {segment.order}"


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def messages_after(client, response):
    assert response.status_code == 302, response.content[:2000]
    return client.get(response.url, follow=True).content.decode()


@pytest.fixture
def draft(client, translator):
    """(Turkish network page, its untranslated English draft)."""
    turkish = new_turkish_network()
    return turkish, start_translation(client, translator, turkish)


def test_translator_publishing_an_untranslated_page_in_the_translation_editor_is_refused(
    client, translator, draft, django_capture_on_commit_callbacks
):
    turkish, english = draft
    count = string_count(turkish)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert not is_live(english)
    assert f"{count} metin henüz çevrilmedi" in messages_after(client, response)


def test_translator_publishing_with_one_string_left_is_told_how_many_remain(
    client, translator, draft, django_capture_on_commit_callbacks
):
    turkish, english = draft
    translation = translation_of(turkish)
    segments = list(StringSegment.objects.filter(source=translation.source).order_by("order"))
    for segment in segments[:-1]:
        translate_string(client, translation, segment.pk, english_for(segment))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert not is_live(english)
    assert "1 metin henüz çevrilmedi" in messages_after(client, response)


def test_translator_publishes_once_every_string_is_translated(
    client, translator, draft, django_capture_on_commit_callbacks
):
    turkish, english = draft
    translation = translation_of(turkish)
    for segment in StringSegment.objects.filter(source=translation.source):
        translate_string(client, translation, segment.pk, english_for(segment))
    assert untranslated_strings(english) == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert is_live(english)


def test_superuser_may_publish_an_incomplete_translation(
    client, draft, superuser, django_capture_on_commit_callbacks
):
    _turkish, english = draft
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert is_live(english)


def test_translator_publishing_in_the_page_editor_is_refused(
    client, translator, draft, django_capture_on_commit_callbacks
):
    # With the sync stopped, the English page opens in Wagtail's own page editor, still
    # holding the Turkish fallback text.
    turkish, english = draft
    Translation.objects.filter(pk=translation_of(turkish).pk).update(enabled=False)
    url = f"/admin/pages/{english.pk}/edit/"
    data = page_form_data(client, url, **{"action-publish": "Yayınla"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert not is_live(english)
    assert "metin henüz çevrilmedi" in messages_after(client, response)


def test_translator_bulk_publishing_an_untranslated_page_is_refused(
    client, translator, draft, django_capture_on_commit_callbacks
):
    _turkish, english = draft
    url = f"/admin/bulk/wagtailcore/page/publish/?id={english.pk}&next=/admin/pages/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {})
    assert not is_live(english)
    assert response.url == "/admin/pages/"
    assert "metin henüz çevrilmedi" in messages_after(client, response)


def test_a_scheduled_publish_of_an_untranslated_page_is_skipped_with_a_logged_reason(
    draft, translator, caplog
):
    _turkish, english = draft
    revision = english.specific.save_revision(user=translator)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    with caplog.at_level(logging.WARNING, logger="core.complete_translations"):
        call_command("publish_scheduled")
    assert not is_live(english)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # not retried (and logged) every minute
    assert "not translated yet" in caplog.text
    assert english.url_path in caplog.text


def test_a_scheduled_publish_by_a_superuser_still_goes_live(draft, superuser):
    _turkish, english = draft
    revision = english.specific.save_revision(user=superuser)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert is_live(english)


def test_sync_and_publish_immediately_cannot_publish_an_untranslated_page(
    client, translator, draft, django_capture_on_commit_callbacks
):
    # wagtail-localize's "Sync translated pages" with "Publish immediately": no hook reaches
    # it, so the page model itself refuses.
    turkish, english = draft
    source = TranslationSource.objects.get_for_instance(turkish)
    with pytest.raises(IncompleteTranslation):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert not is_live(english)


# The English listings show live pages only -------------------------------------------------


def english_listing_pages():
    return [
        "/en/",
        "/en/our-work-areas/",
        "/en/our-work-areas/international-memberships/",
        "/en/our-work-areas/local-diplomacy/",
    ]


def test_english_listings_show_no_card_for_a_refused_network(
    client, translator, draft, django_capture_on_commit_callbacks
):
    turkish, english = draft
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    client.logout()
    for url in english_listing_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert NETWORK_TITLE not in content, url
        assert "/medcities/" not in content, url


def test_english_listings_and_navigation_show_no_draft_work_area(
    client, translator, django_capture_on_commit_callbacks
):
    index = Page.objects.get(slug="calisma-alanlarimiz", locale__language_code="tr")
    local_diplomacy = WorkAreaPage.objects.get(slug="yerel-diplomasi")
    work_area = local_diplomacy.copy(
        to=index,
        update_attrs={"title": "Kardeş Şehirler", "slug": "kardes-sehirler", "show_in_menus": True},
        keep_live=True,
        recursive=False,
    )
    english = start_translation(client, translator, work_area)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert not is_live(english)
    client.logout()
    for url in english_listing_pages():
        content = client.get(url).content.decode()
        assert "Kardeş Şehirler" not in content, url
        assert "kardes-sehirler" not in content, url
