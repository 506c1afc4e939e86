"""An inquiry handler with a Turkish admin works the inbox in Chromium: from the dashboard to
the list, a row's sender name to the inquiry, and the inquiry's state changed there.

Set SCREENSHOT_DIR to keep pictures of the inbox and the inquiry.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.test import Client

from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

if not (os.path.exists(CHROMIUM_PATH) or shutil.which("chromium")):
    pytest.skip(f"Chromium not found at {CHROMIUM_PATH}", allow_module_level=True)

from playwright.sync_api import sync_playwright

from tests.factories import InquiryHandlerFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Başvuru-parola-2026!"


@pytest.fixture
def seeded(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_seed_content", verbosity=0)


@pytest.fixture
def inquiries(seeded):
    from wagtail.models import Locale

    from forms_app.models import Inquiry, OutgoingEmail
    from tests.contact import contact_page, forget_rate_limit, topic_key, valid_answers

    visitor = Client()
    forget_rate_limit()
    visitor.post(
        contact_page(Locale.objects.get(language_code="tr")).url,
        valid_answers(konu=topic_key("TDBB")),
    )
    visitor.post(
        contact_page(Locale.objects.get(language_code="en")).url,
        valid_answers(
            adiniz_ve_soyadiniz="John Smith",
            e_posta_adresiniz="john@example.org",
            mesajiniz="Could you send us the Energy Cities membership report?",
            konu=topic_key("Energy Cities"),
        ),
    )
    forget_rate_limit()
    ayse = Inquiry.objects.get(form_data__adiniz_ve_soyadiniz="Ayşe Yılmaz")
    # One e-mail that the mail server refused, as the detail view should show it.
    ayse.emails.filter(kind=OutgoingEmail.Kind.NOTIFICATION).update(
        sent_at=None, attempts=1, last_error="SMTPRecipientsRefused: 550 mailbox unavailable"
    )
    return ayse


@pytest.fixture
def handler():
    return InquiryHandlerFactory(username="basvuru", language="tr", password=PASSWORD)


def test_a_handler_opens_an_inquiry_from_the_inbox_and_marks_it_answered(
    live_server, inquiries, handler
):
    shots = Path(os.environ["SCREENSHOT_DIR"]) if os.environ.get("SCREENSHOT_DIR") else None
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="tr-TR")
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))

        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "basvuru")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")

        # The dashboard counts the new inquiries and leads to the inbox.
        panel = page.locator("#new-inquiries-section")
        assert "2 yeni başvuru" in panel.inner_text()
        panel.get_by_role("link", name="2 yeni başvuru").click()
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("heading", name="Başvurular").count() >= 1
        assert page.locator("input[name=status][value=new]").is_checked()
        if shots:
            page.screenshot(path=shots / "inbox-list-tr.png", full_page=True)

        page.get_by_role("link", name="Ayşe Yılmaz").click()
        page.wait_for_load_state("networkidle")
        main = page.locator("main")
        assert "Mesajınız" in main.inner_text()
        assert "Kardeş şehir başvurusu hakkında bilgi almak istiyorum" in main.inner_text()
        assert "550 mailbox unavailable" in main.inner_text()

        page.select_option("select[name=status]", label="Yanıtlandı")
        page.get_by_role("button", name="Durumu değiştir").click()
        page.wait_for_load_state("networkidle")
        assert f"{inquiries.pk} numaralı başvurunun durumu: Yanıtlandı." in page.inner_text("body")
        assert "basvuru tarafından değiştirildi" in main.inner_text()
        if shots:
            # The admin scrolls inside its own frame: a tall window shows the whole inquiry.
            page.set_viewport_size({"width": 1280, "height": 1800})
            page.screenshot(path=shots / "inquiry-detail-tr.png", full_page=True)
        browser.close()

    inquiries.refresh_from_db()
    assert inquiries.status == "answered"
    assert inquiries.status_changed_by == handler
    assert problems == []
