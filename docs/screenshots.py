"""Take the screenshots of the translators' guide from the real admin.

Run against a development server with the seed content, for example:

    DATABASE_URL=sqlite:////tmp/docs.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/docs.sqlite3 .venv/bin/python manage.py load_seed_content
    DATABASE_URL=sqlite:////tmp/docs.sqlite3 .venv/bin/python manage.py runserver 127.0.0.1:8060
    DATABASE_URL=sqlite:////tmp/docs.sqlite3 .venv/bin/python docs/screenshots.py

The script changes that database (it creates three users, edits a Turkish page and submits a
draft for moderation), so use a scratch copy. It writes docs/img/<name>.<language>.png at
1280×800, reduced to a 256-colour palette with Pillow to keep them small.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "img"
sys.path.insert(0, str(ROOT))
from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

PASSWORD = "docs-screenshots-1"  # noqa: S105 - scratch database only


def set_up_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbbcms.settings.dev")
    import django

    django.setup()


def prepare_scenario():
    """Users for each role, an edited Turkish page and a draft waiting for a moderator."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
    from home.models import StandardPage

    users = {}
    for username, group in [
        ("editor", EDITORS),
        ("translator", TRANSLATORS),
        ("moderator", MODERATORS),
    ]:
        user, _ = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.com", "first_name": username.title()},
        )
        user.set_password(PASSWORD)
        user.save()
        user.groups.set([Group.objects.get(name=group)])
        users[username] = user

    turkish = Page.objects.get(locale__language_code="tr", slug="yerel-diplomasi").specific
    addition = " Platform, 2026'da yeni kardeş şehir projeleri başlattı."
    if addition not in turkish.introduction:
        turkish.introduction += addition
        turkish.save_revision(user=users["moderator"]).publish(user=users["moderator"])

    home = Page.objects.get(locale__language_code="tr", depth=2)
    draft = StandardPage.objects.filter(slug="kardes-sehir-haberleri").first()
    if draft is None:
        draft = home.add_child(
            instance=StandardPage(
                title="Kardeş şehir haberleri",
                slug="kardes-sehir-haberleri",
                introduction="Kardeş şehir ilişkilerimizden haberler.",
                live=False,
                owner=users["editor"],
            )
        )
        draft.save_revision(user=users["editor"])
        draft.get_workflow().start(draft, users["editor"])
    english = turkish.get_translation(Page.objects.get(depth=2, locale__language_code="en").locale)
    return {"turkish": turkish, "english": english, "draft": draft, "home": home}


def set_language(language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    for user in get_user_model().objects.filter(username__in=["editor", "translator", "moderator"]):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()


def optimise(path):
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)


def shoot(base_url, language, scenario):
    from playwright.sync_api import sync_playwright

    def login(page, username):
        page.context.clear_cookies()
        page.goto(f"{base_url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/admin/")

    def save(page, name):
        path = IMAGES / f"{name}.{language}.png"
        page.screenshot(path=str(path))
        optimise(path)
        sys.stdout.write(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB\n")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})

        login(page, "translator")
        page.goto(f"{base_url}/admin/editorial/parity/")
        save(page, "parity-report")

        page.goto(f"{base_url}/admin/pages/{scenario['english'].pk}/edit/")
        page.wait_for_selector(".js-translation-editor *")
        page.wait_for_timeout(800)
        # Bring the changed introduction (untranslated, marked in orange) into view.
        page.mouse.move(700, 500)
        page.mouse.wheel(0, 420)
        page.wait_for_timeout(300)
        save(page, "translation-editor")

        login(page, "editor")
        page.goto(f"{base_url}/admin/pages/{scenario['turkish'].pk}/edit/")
        page.click("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle")
        page.wait_for_timeout(500)
        save(page, "submit-for-moderation")

        login(page, "moderator")
        page.goto(f"{base_url}/admin/")
        save(page, "awaiting-review")
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8060")
    parser.add_argument("--languages", nargs="+", default=["tr", "en"])
    args = parser.parse_args()
    set_up_django()
    IMAGES.mkdir(parents=True, exist_ok=True)
    scenario = prepare_scenario()
    for language in args.languages:
        set_language(language)
        shoot(args.base_url, language, scenario)


if __name__ == "__main__":
    main()
