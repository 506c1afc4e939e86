"""Permanent redirects from MBB's old addresses to the new pages.

They are ordinary `wagtail.contrib.redirects` Redirects, so the comms team can see, change and
add to them under Settings → Redirects. `seed_old_url_redirects` creates the known ones and is
safe to run again: a redirect that already exists (even one an editor has changed) is left as
it is.

Two old schemes are covered:
- The old site's section slugs under the language prefixes (/tr/yerel-diplomasi,
  /en/local-diplomacy, /tr/uluslararasi-is-birlikleri, /en/international-cooperation …).
- The old ASP.NET content pages, /IcerikDetay.aspx?ID=<number>. The numbers below are EXAMPLES
  standing in for the comms team's list of real IDs; replace them (here or in the admin) when
  that list arrives. Wagtail matches the path together with its query string.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

# (old path, seed key of the target page, language of the target page)
OLD_SECTION_URLS = [
    ("/tr/yerel-diplomasi", "local-diplomacy", "tr"),
    ("/en/local-diplomacy", "local-diplomacy", "en"),
    ("/tr/uluslararasi-is-birlikleri", "memberships", "tr"),
    ("/en/international-cooperation", "memberships", "en"),
]

# EXAMPLE IDs (see the module docstring): old content page ID → new page.
LEGACY_CONTENT_IDS = {
    "101": "work-areas",
    "102": "local-diplomacy",
    "103": "memberships",
    "104": "contact",
}
LEGACY_CONTENT_URLS = [
    (f"/IcerikDetay.aspx?ID={legacy_id}", key, "tr")
    for legacy_id, key in LEGACY_CONTENT_IDS.items()
]

OLD_URLS = OLD_SECTION_URLS + LEGACY_CONTENT_URLS


def target_page(pages, key, language_code):
    """The seeded page `key` (a Turkish page) in `language_code`, or None if not there."""
    page = pages.get(key)
    if page is None:
        return None
    if page.locale.language_code == language_code:
        return page
    locale = Locale.objects.filter(language_code=language_code).first()
    return page.get_translation_or_none(locale) if locale else None


def seed_old_url_redirects(pages, log=print):
    """Create the known old-URL redirects. `pages` maps seed keys to the Turkish pages."""
    created = 0
    for old_path, key, language_code in OLD_URLS:
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
