"""Translators' PO files: download and upload through the translation editor lose nothing."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from editorial.testing import is_refused, publish_translation
from tests.factories import EditorFactory, TranslatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = TranslatorFactory()
    client.force_login(user)
    return user


@pytest.fixture
def translation(tr, en):
    page = Page.objects.get(locale=tr, slug="yerel-diplomasi")
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale=en)


def stored_translations(translation):
    """(context path, Turkish string) -> English string, for every string of the page."""
    return {
        (row.context.path, row.translation_of.data): row.data
        for row in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale=translation.target_locale,
        ).select_related("context", "translation_of")
    }


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert "attachment" in response["Content-Disposition"]
    return response.content


def upload(client, translation, content, name="yerel-diplomasi-en.po"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    english_page = translation.get_target_instance()
    next_url = f"/admin/pages/{english_page.pk}/edit/"
    response = client.post(
        f"{url}?next={next_url}",
        {"file": SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message).strip() for message in response.context["messages"]]


def test_downloading_and_uploading_the_po_file_unchanged_loses_nothing(
    client, translator, translation
):
    before = stored_translations(translation)
    content = download(client, translation)
    po = polib.pofile(content.decode("utf-8"))
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) == translation.source.stringsegment_set.count() > 5
    assert all(entry.msgstr for entry in entries)
    assert any("ş" in entry.msgid or "ı" in entry.msgid for entry in entries)

    messages = upload(client, translation, content)

    assert "Çeviriler PO dosyasından başarıyla içe aktarıldı." in messages
    assert stored_translations(translation) == before
    assert translation.get_progress()[0] == translation.get_progress()[1]


def test_a_string_translated_offline_comes_back_and_is_published(
    client, translator, translation, django_capture_on_commit_callbacks
):
    before = stored_translations(translation)
    po = polib.pofile(download(client, translation).decode("utf-8"))
    entry = next(entry for entry in po if entry.msgctxt == "introduction")
    entry.msgstr = "Local diplomacy: how MMU's municipalities work with cities abroad."
    messages = upload(client, translation, str(po).encode("utf-8"))

    assert "Çeviriler PO dosyasından başarıyla içe aktarıldı." in messages
    after = stored_translations(translation)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {("introduction", entry.msgid)}
    assert set(after) == set(before)

    english_page = translation.get_target_instance()
    publish_translation(client, english_page, django_capture_on_commit_callbacks)
    english_page.refresh_from_db()
    assert english_page.specific.introduction == entry.msgstr


def test_a_po_file_of_another_page_is_refused_with_a_message(client, translator, translation, tr):
    other_page = Page.objects.get(locale=tr, slug="iletisim")
    other = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(other_page),
        target_locale=translation.target_locale,
    )
    before = stored_translations(translation)
    messages = upload(client, translation, download(client, other))
    assert "Başka bir çeviri için oluşturulmuş PO dosyası içe aktarılamaz." in messages
    assert stored_translations(translation) == before


@pytest.mark.parametrize(
    "content",
    [b"not a PO file at all", b"\xff\xfe\x00garbage", b'msgid ""\nmsgstr ""\n'],
    ids=["plain text", "not utf-8", "po without translation id"],
)
def test_a_broken_upload_gets_a_clear_message_not_an_error_page(
    client, translator, translation, content
):
    before = stored_translations(translation)
    messages = upload(client, translation, content)
    # The admin speaks Turkish by default, and so does the message.
    assert messages == ["Lütfen geçerli bir PO dosyası yükleyin."]
    assert stored_translations(translation) == before


def test_editors_cannot_download_the_english_po_file(client, translation):
    client.force_login(EditorFactory())
    url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert is_refused(client.get(url))
