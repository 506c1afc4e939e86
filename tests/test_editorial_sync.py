"""A Turkish edit shows up in the English translation editor, and the parity report follows.

The whole cycle runs through the admin's own views: a moderator publishes a Turkish page, a
translator translates it in wagtail-localize's editor and publishes; the Turkish page is edited
again, which marks the English page out of date with the changed string untranslated; the
translator translates that string and publishes, and the two pages are in step again.
"""

import pytest
from django.db import transaction
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from editorial import parity, signals
from editorial.testing import (
    page_form_data,
    publish_translation,
    translate_string,
    translation_editor,
    turkish_home,
)
from home.models import StandardPage
from tests.factories import ModeratorFactory, StandardPageFactory, TranslatorFactory

pytestmark = pytest.mark.django_db


def english_reasons(row):
    with override("en"):
        return [str(reason) for reason in row.reasons]


ENGLISH = {
    "Kardeş şehirler": "Sister cities",
    "kardes-sehirler": "sister-cities",
    "Kardeş şehir ilişkilerimiz.": "Our sister-city relations.",
    "Kardeş şehir ilişkilerimiz ve ortak projelerimiz.": (
        "Our sister-city relations and joint projects."
    ),
}


@pytest.fixture
def moderator():
    return ModeratorFactory()


@pytest.fixture
def translator():
    return TranslatorFactory()


def parity_row(page):
    (row,) = [row for row in parity.page_rows() if row.source.pk == page.pk]
    return row


def publish_turkish_page(client, moderator, capture, url, **fields):
    client.force_login(moderator)
    data = page_form_data(client, url, **fields, **{"action-publish": "Yayınla"})
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content[:3000]


def translate_everything_untranslated(client, english_page, translation):
    segments, translations = translation_editor(client, english_page)
    for segment_id, source in segments.items():
        if segment_id not in translations:
            translate_string(client, translation, segment_id, ENGLISH[source])


def test_edit_marks_the_translation_out_of_date_until_the_translator_updates_it(
    client, moderator, translator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    english = Locale.objects.get(language_code="en")

    # A moderator publishes a new Turkish page.
    publish_turkish_page(
        client,
        moderator,
        capture,
        f"/admin/pages/add/home/standardpage/{turkish_home().pk}/",
        title="Kardeş şehirler",
        slug="kardes-sehirler",
        introduction="Kardeş şehir ilişkilerimiz.",
    )
    turkish = StandardPage.objects.get(slug="kardes-sehirler", locale__language_code="tr")
    assert turkish.live
    assert parity_row(turkish).state == parity.MISSING

    # The translator starts the translation: an English draft, still "missing" for visitors.
    client.force_login(translator)
    response = client.post(f"/admin/localize/submit/page/{turkish.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    english_page = turkish.get_translation(english)
    assert not english_page.live
    row = parity_row(turkish)
    assert row.state == parity.MISSING
    assert row.action_url == f"/admin/pages/{english_page.pk}/edit/"

    # ... translates every string in the editor and publishes.
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(turkish), target_locale=english
    )
    translate_everything_untranslated(client, english_page, translation)
    publish_translation(client, english_page, capture)
    english_page.refresh_from_db()
    assert english_page.live
    assert english_page.title == "Sister cities"
    assert parity_row(turkish).state == parity.UP_TO_DATE

    # A moderator edits the Turkish introduction and publishes.
    publish_turkish_page(
        client,
        moderator,
        capture,
        f"/admin/pages/{turkish.pk}/edit/",
        introduction="Kardeş şehir ilişkilerimiz ve ortak projelerimiz.",
    )

    # The English page is out of date, and the editor shows exactly the changed string.
    row = parity_row(turkish)
    assert row.state == parity.OUT_OF_DATE
    assert "1 of 3 strings untranslated" in english_reasons(row)
    client.force_login(translator)
    segments, translations = translation_editor(client, english_page)
    untranslated = [source for pk, source in segments.items() if pk not in translations]
    assert untranslated == ["Kardeş şehir ilişkilerimiz ve ortak projelerimiz."]
    english_page.refresh_from_db()
    assert english_page.introduction == "Our sister-city relations."  # visitors see the old text

    # The translator translates the changed string and publishes: in step again.
    translate_everything_untranslated(client, english_page, translation)
    assert parity_row(turkish).state == parity.OUT_OF_DATE  # translated, not yet published
    publish_translation(client, english_page, capture)
    english_page.refresh_from_db()
    assert english_page.introduction == "Our sister-city relations and joint projects."
    assert parity_row(turkish).state == parity.UP_TO_DATE
    assert client.get("/en/sister-cities/").status_code == 200


def test_sync_translated_pages_catches_up_a_turkish_page_published_without_a_sync(
    client, translator, tr, en, django_capture_on_commit_callbacks
):
    """A Turkish page published while the automatic sync was not connected (for example before
    this app was installed) is reported, and wagtail-localize's "Sync translated pages" view
    brings the English translation editor up to date."""
    turkish = Page.objects.get(locale=tr, slug="yerel-diplomasi").specific
    turkish.introduction = "Yerel diplomasi, belediyelerin uluslararası iş birliğidir."
    signals.page_published.disconnect(dispatch_uid="editorial_sync_source")
    try:
        turkish.save_revision().publish()
    finally:
        signals.connect()
    row = parity_row(turkish)
    assert row.state == parity.OUT_OF_DATE
    assert english_reasons(row) == ["Turkish page changed since the last sync"]

    source = TranslationSource.objects.get_for_instance(turkish)
    assert row.action_url.startswith(f"/admin/localize/update/{source.pk}/")

    client.force_login(translator)
    assert b"/admin/localize/update/" in client.get("/admin/editorial/parity/").content
    response = client.post(row.action_url, {})
    assert response.status_code == 302
    assert response.url == "/admin/editorial/parity/"
    row = parity_row(turkish)
    assert row.state == parity.OUT_OF_DATE
    assert "Turkish page changed since the last sync" not in english_reasons(row)
    assert row.translated == row.total - 1


def test_a_published_turkish_footer_change_marks_the_english_footer_out_of_date(
    client, tr, en, django_capture_on_commit_callbacks
):
    from core.models import ContactDetails

    moderator = ModeratorFactory()
    client.force_login(moderator)
    footer = ContactDetails.objects.get(locale=tr)
    url = f"/admin/snippets/core/contactdetails/edit/{footer.pk}/"
    fields = {
        "organisation": footer.organisation,
        "address": footer.address,
        "phone": footer.phone,
        "email": footer.email,
        "kep_address": footer.kep_address,
        "map_url": footer.map_url,
        "note": "Hafta içi 09.00–18.00 arasında bize ulaşabilirsiniz.",
    }
    response = client.post(url, fields)  # a draft: English stays in step with what is live
    assert response.status_code == 302, response.content[:2000]
    (row,) = [row for row in parity.snippet_rows() if row.source == footer]
    assert row.state == parity.UP_TO_DATE

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**fields, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content[:2000]
    (row,) = [row for row in parity.snippet_rows() if row.source == footer]
    assert row.state == parity.OUT_OF_DATE
    assert row.translated == row.total - 1


def test_publishing_a_translated_parent_after_its_children_keeps_the_child_count(
    tr, en, django_capture_on_commit_callbacks
):
    """wagtail-localize issue #773: the parent's publish runs on commit with a stale child
    count of 0, which hides its children from the site and the admin explorer."""
    parent = StandardPageFactory(title="Üst", publish=True)
    child = StandardPageFactory(parent=parent, title="Alt", publish=True)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for page in (parent, child):
            source, _ = TranslationSource.get_or_create_from_instance(page)
            for segment in source.stringsegment_set.select_related("string"):
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=en,
                    context=segment.context,
                    defaults={"data": segment.string.data + " (EN)"},
                )
            Translation.objects.create(source=source, target_locale=en).save_target(publish=True)

    english_parent = parent.get_translation(en)
    assert english_parent.numchild == 1
    assert english_parent.get_children().count() == 1
