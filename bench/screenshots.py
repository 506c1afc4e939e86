"""Screenshots of every page type in both languages at phone and desktop widths.

Usage: python bench/screenshots.py [BASE_URL] [OUT_DIR]
Defaults: http://127.0.0.1:8040 and bench/results/screenshots (git-ignored). Needs
/usr/bin/chromium.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root
from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

CHROMIUM = CHROMIUM_PATH
RESULTS = Path(__file__).resolve().parent / "results"
PAGES = {
    "home": {"tr": "/tr/", "en": "/en/"},
    "work-areas": {"tr": "/tr/calisma-alanlarimiz/", "en": "/en/our-work-areas/"},
    "work-area": {
        "tr": "/tr/calisma-alanlarimiz/yerel-diplomasi/",
        "en": "/en/our-work-areas/local-diplomacy/",
    },
    "directory": {
        "tr": "/tr/calisma-alanlarimiz/uluslararasi-uyelikler/",
        "en": "/en/our-work-areas/international-memberships/",
    },
    "network": {
        "tr": "/tr/calisma-alanlarimiz/uluslararasi-uyelikler/nalas/",
        "en": "/en/our-work-areas/international-memberships/nalas/",
    },
    "contact": {"tr": "/tr/iletisim/", "en": "/en/contact/"},
    "not-found": {"tr": "/tr/yok/", "en": "/en/missing/"},
}
WIDTHS = (360, 1280)


def main(base_url="http://127.0.0.1:8040", out_dir=RESULTS / "screenshots"):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for name, urls in PAGES.items():
                for language, path in urls.items():
                    page.goto(base_url + path)
                    target = out / f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
