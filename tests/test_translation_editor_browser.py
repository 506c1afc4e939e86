"""The translation editor works for a translator whose admin speaks Turkish (Chromium).

The contact page's privacy-notice page chooser asks the admin API about the Turkish page it
points to. For a translator that request used to be redirected under /tr/ and answer an HTML
404, so the browser threw a JSON error and the chooser stayed at "Fetching page information".
"""

import os
import shutil
from pathlib import Path

import pytest

from mbbcms.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

if not (os.path.exists(CHROMIUM_PATH) or shutil.which("chromium")):
    pytest.skip(
        f"Chromium not found at {CHROMIUM_PATH}: translation editor browser test skipped",
        allow_module_level=True,
    )

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("MBB_SHOTS_DIR", "/work/shots/publish"))


@pytest.fixture
def seeded(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_seed_content", verbosity=0)


def test_translator_sees_the_privacy_notice_chooser_in_the_contact_page_translation_editor(
    live_server, seeded
):
    from editorial.roles import TRANSLATORS
    from editorial.testing import make_user
    from forms_app.models import ContactFormPage

    make_user("translator", TRANSLATORS, language="tr")
    turkish = ContactFormPage.objects.get(locale__language_code="tr")
    english = ContactFormPage.objects.get(locale__language_code="en")
    notice_title = turkish.privacy_notice_page.title

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on(
            "console",
            lambda message: problems.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "translator")
        page.fill("#id_password", "test-password-1")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")

        page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "tr"
        chooser = page.locator(".page-chooser .chosen .title").first
        chooser.wait_for(state="visible", timeout=15_000)
        assert chooser.inner_text() == notice_title
        chooser.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "translation-editor-page-chooser.tr.png"))
        browser.close()
    assert problems == []


def test_translator_is_told_in_turkish_how_many_strings_block_publishing(live_server, seeded):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from editorial.complete_translations import untranslated_strings
    from editorial.roles import TRANSLATORS
    from editorial.testing import make_user
    from home.models import WorkAreaPage

    translator = make_user("translator", TRANSLATORS, language="tr")
    turkish = WorkAreaPage.objects.get(slug="yerel-diplomasi").copy(
        update_attrs={"title": "Kardeş Şehirler", "slug": "kardes-sehirler"},
        keep_live=True,
        recursive=False,
    )
    english_locale = Locale.objects.get(language_code="en")
    translate_object(turkish, [english_locale], user=translator)
    english = turkish.get_translation(english_locale)
    remaining = untranslated_strings(english)
    assert remaining > 0

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "translator")
        page.fill("#id_password", "test-password-1")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
        page.wait_for_load_state("networkidle")
        page.get_by_role("button", name="Publish in English").click()
        page.wait_for_load_state("networkidle")
        message = page.locator(".messages .error").first
        message.wait_for(state="visible", timeout=15_000)
        assert f"{remaining} metin henüz çevrilmedi" in message.inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "refused-publish.tr.png"))
        browser.close()
    english.refresh_from_db()
    assert not english.live
