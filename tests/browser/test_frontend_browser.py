"""The public pages in headless Chromium: axe-core's full rule set (WCAG 2.1 A/AA and its best
practices) finds no violations, nothing
scrolls sideways on a 360 px phone, the console stays clean, the language switch works by click
and the menu works from the keyboard, on a phone too."""

from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM

if not CHROMIUM.exists():
    pytest.skip(
        f"Chromium is not installed at {CHROMIUM}: front-end browser tests skipped",
        allow_module_level=True,
    )

from home.seed import content
from tests.browser.site_pages import LANGUAGES, page_urls

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Rules that only the full rule set runs, beyond the WCAG tags (see the test that checks it).
BEST_PRACTICE_RULES = {"landmark-unique", "region", "heading-order", "page-has-heading-one"}
PAGE_TYPES = ["home", "work_area_index", "work_area", "network_index", "network", "contact"]
PAGE_TYPES += ["standard", "not_found", "search"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def url_of(language, page_type):
    if page_type == "not_found":
        return f"/{language}/no-such-page/"
    if page_type == "search":
        return {"tr": "/tr/arama/?q=belediye", "en": "/en/search/?q=municipality"}[language]
    return page_urls(language)[page_type]


class Tab:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, browser, site_url, width=1280, javascript=True):
        self.context = browser.new_context(
            viewport={"width": width, "height": 800}, java_script_enabled=javascript
        )
        if AXE.exists():
            # An init script is injected by the browser itself, so the CSP does not block it.
            self.context.add_init_script(path=str(AXE))
        self.page = self.context.new_page()
        self.site_url = site_url
        self.errors = []
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path):
        return self.page.goto(self.site_url + path)

    def focused(self, expression):
        script = f"() => {{ const el = document.activeElement; return {expression}; }}"
        return self.page.evaluate(script)

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, site_url):
    tab = Tab(browser, site_url)
    yield tab
    tab.close()


@pytest.fixture
def phone(browser, site_url):
    tab = Tab(browser, site_url, width=360)
    yield tab
    tab.close()


def axe_results(page):
    """axe-core with its full rule set (axe.run's defaults), not only the WCAG tags."""
    results = page.evaluate("() => axe.run(document)")
    assert results["passes"], "axe-core checked nothing"
    return results


def axe_violations(page):
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']]}"
        for violation in axe_results(page)["violations"]
    ]


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_violations_with_its_full_rule_set(tab, language, page_type):
    response = tab.open(url_of(language, page_type))
    assert response.status == (404 if page_type == "not_found" else 200)
    assert tab.page.evaluate("document.documentElement.lang") == language
    assert axe_violations(tab.page) == []
    assert tab.errors == [] or page_type == "not_found" and all("404" in e for e in tab.errors)


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_on_a_later_page_of_the_directory(tab, settings, language):
    settings.NETWORK_DIRECTORY_PAGE_SIZE = 3  # the 8 seeded networks: three pages
    response = tab.open(url_of(language, "network_index") + "?page=2")
    assert response.status == 200
    assert tab.page.locator("nav.page-nav [aria-current=page]").count() == 1
    assert axe_violations(tab.page) == []
    assert tab.errors == []


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
def test_axe_runs_its_best_practice_rules_too(tab):
    tab.open(url_of("tr", "home"))
    results = axe_results(tab.page)
    ran = {rule["id"] for kind in ("passes", "violations", "incomplete") for rule in results[kind]}
    assert BEST_PRACTICE_RULES <= ran


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_landmarks_have_unique_names(tab, language):
    tab.open(url_of(language, "home"))
    assert not any(v.startswith("landmark-unique") for v in axe_violations(tab.page))


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
def test_axe_reports_a_violation_when_there_is_one(tab):
    """The checks above can fail: low-contrast text added to a page is reported."""
    tab.open(url_of("en", "home"))
    tab.page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
        '<p style="color:#bbb;background:#fff">Faint text</p>')"""
    )
    assert any(v.startswith("color-contrast") for v in axe_violations(tab.page))


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is missing ({AXE}); run `npm ci`")
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations_on_a_phone_with_the_menu_open(phone, language):
    phone.open(url_of(language, "network_index"))
    phone.page.click(".main-nav__toggle")
    assert phone.page.is_visible("#main-nav-list")
    assert axe_violations(phone.page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_or_logs_errors_on_a_360px_phone(phone, language):
    for page_type in PAGE_TYPES:
        phone.open(url_of(language, page_type))
        overflow = phone.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, page_type
    # The only console error allowed is the browser's own note on the deliberate 404.
    errors = [error for error in phone.errors if "404" not in error]
    assert errors == []


def test_language_switch_by_click_keeps_the_visitor_on_the_same_page(tab):
    turkish, english = url_of("tr", "network"), url_of("en", "network")
    tab.open(turkish)
    tab.page.click(".language-switcher a[hreflang='en']")
    tab.page.wait_for_url(tab.site_url + english)
    assert tab.page.evaluate("document.documentElement.lang") == "en"
    tab.page.click(".language-switcher a[hreflang='tr']")
    tab.page.wait_for_url(tab.site_url + turkish)
    assert tab.page.evaluate("document.documentElement.lang") == "tr"
    assert tab.errors == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(tab):
    tab.open(url_of("en", "network"))
    tab.page.keyboard.press("Tab")
    assert tab.focused("el.className") == "skip-link"
    box = tab.page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0  # shown on screen while focused
    tab.page.keyboard.press("Enter")
    assert tab.focused("el.id") == "main"


def tab_until(tab, expression, limit=20):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.focused(expression):
            return True
    return False


def test_main_menu_works_from_the_keyboard(tab):
    tab.open(url_of("en", "home"))
    target = url_of("en", "work_area_index")
    assert tab_until(tab, f"el.getAttribute('href') === '{target}' && !!el.closest('#main-nav')")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(tab.site_url + target)
    assert tab.page.locator("#main-nav a[aria-current='page']").inner_text() == "Our Work Areas"


def test_phone_menu_opens_with_enter_and_closes_with_escape(phone):
    phone.open(url_of("tr", "home"))
    toggle = phone.page.locator(".main-nav__toggle")
    assert toggle.is_visible()
    assert not phone.page.is_visible("#main-nav-list")
    assert tab_until(phone, "el.classList.contains('main-nav__toggle')")
    phone.page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.page.is_visible("#main-nav-list")
    phone.page.keyboard.press("Tab")
    assert phone.focused("!!el.closest('#main-nav-list')")
    phone.page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not phone.page.is_visible("#main-nav-list")
    assert phone.focused("el.classList.contains('main-nav__toggle')")
    assert phone.errors == []


def test_without_javascript_the_phone_menu_is_open_and_the_directory_filters(browser, site_url):
    tab = Tab(browser, site_url, width=360, javascript=False)
    try:
        years = [network["fields"]["joined_year"] for network in content.NETWORKS]
        year = str(max(years))
        tab.open(url_of("en", "network_index"))
        assert not tab.page.is_visible(".main-nav__toggle")
        assert tab.page.is_visible("#main-nav-list")
        tab.page.select_option("#directory-sort", "name")
        tab.page.select_option("#directory-joined", year)
        tab.page.click(".directory-controls button[type='submit']")
        tab.page.wait_for_url(f"**/?sort=name&joined={year}")
        acronyms = tab.page.locator(".network-card .card__title").all_inner_texts()
        assert len(acronyms) == years.count(int(year))
        assert tab.page.locator("#directory-joined").input_value() == year
        shown = f"{years.count(int(year))} of {len(years)}"
        assert shown in tab.page.locator(".result-count").inner_text()
    finally:
        tab.close()
