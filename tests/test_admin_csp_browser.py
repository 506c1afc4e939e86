"""The Wagtail admin keeps working under its own CSP (inline scripts allowed, nothing from
other origins), and a public page seen by a signed-in editor (with Wagtail's user bar) under
the strict public one."""

import os
import shutil

import pytest
from wagtail.models import Page

from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

CHROMIUM = CHROMIUM_PATH
if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
    pytest.skip(
        f"Chromium not found at {CHROMIUM}: admin CSP browser test skipped", allow_module_level=True
    )

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def seeded(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_seed_content", verbosity=0)


def test_admin_editors_run_without_csp_violations(live_server, seeded, django_user_model):
    django_user_model.objects.create_superuser("lead", "lead@example.org", "Lead-pass-2026!")
    contact = Page.objects.get(slug="iletisim")
    english = Page.objects.get(slug="local-diplomacy")
    turkish = english.get_translation(Page.objects.get(slug="iletisim").locale)
    paths = [
        "/admin/",
        f"/admin/pages/{contact.pk}/edit/",  # inline panel, page chooser, date pickers
        f"/admin/pages/{english.pk}/edit/",  # wagtail-localize translation editor
        f"/admin/localize/submit/page/{turkish.pk}/",
        "/tr/",  # the public policy, with the user bar
    ]
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error" or "Content Security Policy" in message.text
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "lead")
        page.fill("#id_password", "Lead-pass-2026!")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            assert page.locator("main, #main").count() >= 1, path
            policy = response.headers["content-security-policy"]
            inline_allowed = "'unsafe-inline'" in policy.split("script-src")[1].split(";")[0]
            assert inline_allowed == path.startswith("/admin/"), (path, policy)
        # A chooser builds its script in Python: open the contact page's privacy-notice chooser
        # (in a tab that is not shown, hence the event rather than a click).
        page.goto(f"{live_server.url}/admin/pages/{contact.pk}/edit/")
        page.wait_for_load_state("networkidle")
        page.locator("[data-chooser-action-choose]").first.dispatch_event("click")
        page.wait_for_selector(".modal-content", timeout=10000)
        page.wait_for_load_state("networkidle")
        browser.close()
    assert problems == []
