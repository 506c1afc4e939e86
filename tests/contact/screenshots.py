"""Screenshots of the contact form with errors and of the thank-you page, in both languages at
360 px and 1280 px. Not a test: run it against a dev server, then look at the pictures.

    .venv/bin/python tests/contact/screenshots.py http://127.0.0.1:8030 /tmp/shots/forms
"""

import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root
from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

PAGES = {"tr": "/tr/iletisim/", "en": "/en/contact/"}
WIDTHS = [360, 1280]


def main(base, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for language, path in PAGES.items():
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(base + path)
                # With errors: a name, a bad address, no message.
                page.fill("#id_adiniz_ve_soyadiniz", "Ayşe Yılmaz")
                page.fill("#id_e_posta_adresiniz", "ayşe@@örnek")
                page.click("form.form button[type=submit]")
                page.wait_for_load_state()
                page.screenshot(
                    path=folder / f"contact-errors-{language}-{width}.png", full_page=True
                )
                # Corrected and sent, after the minimum fill time.
                page.fill("#id_e_posta_adresiniz", "ayse@example.org")
                page.select_option("#id_konu", index=2)  # the second topic, in either language
                page.fill("#id_mesajiniz", "Kardeş şehir ilişkileri hakkında bilgi: ğüşıöçİ.")
                time.sleep(3.5)
                page.click("form.form button[type=submit]")
                page.wait_for_load_state()
                page.screenshot(
                    path=folder / f"contact-thanks-{language}-{width}.png", full_page=True
                )
                page.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
