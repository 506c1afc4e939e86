"""The translators' and moderators' admin in Chromium, with Turkish as the admin language.

- The contact page's privacy-notice page chooser loads in the translation editor (its admin API
  request for the Turkish page used to be redirected under /tr/ and answer an HTML 404).
- "Publish in English" on an untranslated page is refused with the number of strings left.
- The page editor's script makes ASCII slugs with Turkish transliteration.

The users and the draft translation are created once for the module, committed so that the live
server sees them on PostgreSQL too, and removed afterwards (as site_url does with its pages).
"""

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM

if not CHROMIUM.exists():
    pytest.skip(
        f"Chromium is not installed at {CHROMIUM}: admin browser tests skipped",
        allow_module_level=True,
    )

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.factories import ModeratorFactory, TranslatorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path(os.environ.get("MBB_SHOTS_DIR", "/work/shots/publish"))
PASSWORD = "test-password-1"  # the factories' (tests.factories.PASSWORD)


@pytest.fixture(scope="module")
def admin_setup(site_url, django_db_blocker):
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource
    from wagtail_localize.operations import translate_object

    from home.models import WorkAreaPage

    with django_db_blocker.unblock():
        translator = TranslatorFactory(username="browser-translator", language="tr")
        moderator = ModeratorFactory(username="browser-moderator", language="tr")
        turkish = WorkAreaPage.objects.get(slug="yerel-diplomasi").copy(
            update_attrs={"title": "Kardeş Şehirler", "slug": "kardes-sehirler-tarayici"},
            keep_live=True,
            recursive=False,
        )
        english_locale = Locale.objects.get(language_code="en")
        translate_object(turkish, [english_locale], user=translator)
        english = turkish.get_translation(english_locale)
        try:
            yield {"translator": translator, "moderator": moderator, "english": english}
        finally:
            english.delete()
            TranslationSource.objects.filter(object_id=turkish.translation_key).delete()
            turkish.delete()
            translator.delete()
            moderator.delete()


def signed_in(browser, site_url, username):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def test_translator_sees_the_privacy_notice_chooser_in_the_contact_page_translation_editor(
    browser, site_url, admin_setup
):
    from forms_app.models import ContactFormPage

    turkish = ContactFormPage.objects.get(locale__language_code="tr")
    english = ContactFormPage.objects.get(locale__language_code="en")
    problems = []
    page = signed_in(browser, site_url, "browser-translator")
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "tr"
    chooser = page.locator(".page-chooser .chosen .title").first
    chooser.wait_for(state="visible", timeout=15_000)
    assert chooser.inner_text() == turkish.privacy_notice_page.title
    chooser.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "translation-editor-page-chooser.tr.png"))
    page.close()
    assert problems == []


def test_translator_is_told_in_turkish_how_many_strings_block_publishing(
    browser, site_url, admin_setup
):
    from core.complete_translations import untranslated_strings

    english = admin_setup["english"]
    remaining = untranslated_strings(english)
    assert remaining > 0
    page = signed_in(browser, site_url, "browser-translator")
    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # "Yayınla: İngilizce" is the Turkish admin's label for wagtail-localize's button.
    publish = re.compile("^(Yayınla: İngilizce|Publish in English)$")
    page.get_by_role("button", name=publish).click()
    page.wait_for_load_state("networkidle")
    message = page.locator(".messages .error").first
    message.wait_for(state="visible", timeout=15_000)
    assert f"{remaining} metin henüz çevrilmedi" in message.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "refused-publish.tr.png"))
    page.close()
    english.refresh_from_db()
    assert not english.live


def test_the_admin_script_makes_ascii_slugs_with_turkish_transliteration(
    browser, site_url, admin_setup
):
    from editorial.testing import turkish_home

    page = signed_in(browser, site_url, "browser-moderator")
    page.goto(f"{site_url}/admin/pages/add/home/standardpage/{turkish_home().pk}/")
    page.wait_for_load_state("networkidle")
    title = page.locator("#id_title")
    title.click()
    title.press_sequentially("Uluslararası Ağı İşbirliği Çalışmaları Öğün")
    title.blur()
    expected = "uluslararasi-agi-isbirligi-calismalari-ogun"
    # The script syncs the slug after a short debounce: wait for it to settle.
    try:
        page.wait_for_function(
            "expected => document.querySelector('#id_slug').value === expected",
            arg=expected,
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        pass
    assert page.input_value("#id_slug") == expected
    page.close()
