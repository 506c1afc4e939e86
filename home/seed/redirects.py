"""Permanent redirects from MBB's old addresses to the seeded pages.

They are ordinary `wagtail.contrib.redirects` Redirects, so the comms team can see, change and
add to them under Settings → Redirects. Creating them is safe to run again: a redirect that
already exists (even one an editor has changed) is left as it is.

Two old schemes exist:
- The old site's section slugs under the language prefixes (`content.OLD_ADDRESSES`): known,
  so `load_seed_content` creates them.
- The old ASP.NET content pages, /IcerikDetay.aspx?ID=<number>. The comms team's list of real
  IDs has not arrived; `EXAMPLE_LEGACY_ADDRESSES` shows the form with four made-up IDs and is
  loaded only on request (`manage.py load_example_redirects`, and by the tests), never by the
  production seed. Wagtail matches the path together with its query string.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

# EXAMPLES, not MBB's real IDs: (old path, key of the target page, its language).
EXAMPLE_LEGACY_IDS = {
    "101": "work-areas",
    "102": "local-diplomacy",
    "103": "memberships",
    "104": "contact",
}
EXAMPLE_LEGACY_ADDRESSES = [
    (f"/IcerikDetay.aspx?ID={legacy_id}", key, "tr")
    for legacy_id, key in EXAMPLE_LEGACY_IDS.items()
]


def target_page(pages, key, language_code):
    """The seeded page `key` (a Turkish page) in `language_code`, or None if not there."""
    page = pages.get(key)
    if page is None:
        return None
    if page.locale.language_code == language_code:
        return page
    locale = Locale.objects.filter(language_code=language_code).first()
    return page.get_translation_or_none(locale) if locale else None


def ensure_redirects(addresses, pages, log=print):
    """Create the redirects of `addresses` ((old path, page key, language) triples) that do
    not exist yet; `pages` maps seed keys to the Turkish pages. Returns how many it created."""
    created = 0
    for old_path, key, language_code in addresses:
        page = target_page(pages, key, language_code)
        if page is None:
            continue
        _redirect, was_created = Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path(old_path),
            site=None,
            defaults={"redirect_page": page, "is_permanent": True},
        )
        created += was_created
    if created:
        log(f"created {created} redirect(s) from old addresses")
    return created
