"""What a change retires, and when: after the commit, in the page cache and at the CDN.

Each change has a purge set: the URL paths whose pages show it, and whether every page shows
it (then the site version changes). The set is worked out when the signal fires, while the
tree still holds the page (a deleted page is gone by the commit), and applied in
`transaction.on_commit`: a request served between the change and the commit reads the old
versions and the old content, and its entries are retired by the bump that follows.

- A page's new slug: the addresses it and its descendants had.
- Page publish, unpublish, move or delete: the page, its translations, its ancestors and
  theirs (they list it, and their breadcrumbs and switcher show it), its descendants (their
  breadcrumbs show its title), pages that link to it (Wagtail's reference index), the
  sitemap and the search pages. A page in the main navigation (the home pages and their
  children) changes the site version too.
- Snippets with drafts, when published or unpublished: the site version (contact details),
  unless their app registered the pages that show them (`register_purge`: topics).
- Sites, locales, redirects, images, documents, view restrictions and snippets without
  drafts, when saved or deleted: the site version.
- Drafts (saving a page or snippet without publishing) retire nothing.

Applying a set gives its paths (and the site) new versions (core/page_cache.py) and purges the
same URLs through `wagtail.contrib.frontend_cache`. If the cache does not take the versions,
the set is recorded and applied when it does.
"""

import functools
import logging
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from . import page_cache
from .cdn import purge_cdn

logger = logging.getLogger(__name__)

# Changes that show on pages beyond those a page's purge set holds, registered by the apps
# that know: (does it apply to this instance, the pages that show it).
_extra_pages = []


def register_purge(applies_to, pages_for):
    """A publish of an instance for which `applies_to(instance)` is true (a page, or a snippet
    with drafts) also retires the pages `pages_for(instance)` returns; for a snippet, instead
    of the site version."""
    _extra_pages.append((applies_to, pages_for))


def _registered(instance):
    return [pages_for for applies_to, pages_for in _extra_pages if applies_to(instance)]


@dataclass
class PurgeSet:
    paths: set = field(default_factory=set)
    urls: set = field(default_factory=set)  # for the CDN: absolute
    site: bool = False

    def add_pages(self, pages):
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        batch = PurgeBatch()
        for page in pages:
            parts = page.get_url_parts()
            if parts is None:
                continue  # not routable (Wagtail's root, a page outside every site)
            _site_id, root_url, path = parts
            self.paths.add(path)
            batch.add_page(page)  # its URL and any extra cached paths it declares
        self.urls |= batch.urls

    def add_every_page(self):
        """A change every page shows: the CDN has no version to bump, so each live page's
        URLs are purged (a few dozen; the backends send them in batches)."""
        from wagtail.models import Page

        every_page = PurgeSet()
        every_page.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
        every_page.add_site_paths()
        self.urls |= every_page.urls  # the site version retires them in the page cache

    def add_site_paths(self):
        """What lists every page: the sitemap and the search page of each language, at each
        site's address."""
        from django.conf import settings
        from wagtail.models import Site

        paths = {reverse("sitemap")}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths.add(reverse("search"))
        self.paths |= paths
        for site in Site.objects.all():
            self.urls |= {site.root_url + path for path in paths}

    def apply(self):
        """Retire the set's pages in the page cache, then at the CDN (which refetches from
        the page cache). Called after the commit."""
        if self.site:
            self.add_every_page()
        if page_cache.bump_versions(self.paths, site=self.site):
            purge_cdn(self.urls)
            return
        page_cache.record_pending_purge(self.paths, self.site, self.urls)
        purge_cdn(self.urls)  # the CDN does not depend on Redis; the origin now renders afresh


def purge_set_for_page(page):
    """The page, its translations, its ancestors and theirs, its descendants, pages linking
    to it, and what lists every page."""
    from wagtail.models import Page, ReferenceIndex

    # The home pages and their children (the main menu) show in every page's chrome.
    from .templatetags.navigation_tags import MENU_DEPTH

    ancestors = list(page.get_ancestors().filter(depth__gt=1).only("translation_key"))
    keys = {page.translation_key, *(ancestor.translation_key for ancestor in ancestors)}
    pages = list(
        Page.objects.filter(Q(translation_key__in=keys) | Q(path__startswith=page.path))
        .select_related("locale")
        .specific(defer=True)
    )
    purge = PurgeSet(site=page.depth <= MENU_DEPTH)
    purge.add_pages([*pages, *_linking_pages(page, ReferenceIndex, Page)])
    for pages_for in _registered(page):
        purge.add_pages(pages_for(page))
    purge.add_site_paths()
    return purge


def _linking_pages(page, reference_index, page_model):
    """Pages that link to the page or one of its translations (a contact form to its privacy
    notice): they show its title or URL."""
    references = reference_index.get_references_to_in_bulk(
        page_model.objects.filter(translation_key=page.translation_key)
    ).filter(base_content_type=ContentType.objects.get_for_model(page_model))
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return page_model.objects.filter(pk__in=ids).specific(defer=True) if ids else []


def _after_commit(purge):
    transaction.on_commit(purge.apply)


# Signal handlers ----------------------------------------------------------------------


def on_page_changed(sender, instance, **kwargs):
    """page_published, page_unpublished (also sent for a live page being deleted)."""
    _after_commit(purge_set_for_page(instance))


def on_page_moving(sender, instance, **kwargs):
    """pre_page_move: the URLs the page and its descendants are leaving."""
    _after_commit(purge_set_for_page(instance))


def on_page_moved(sender, instance, **kwargs):
    """post_page_move: the URLs they arrive at, and the new parent's listing."""
    _after_commit(purge_set_for_page(instance))


def on_page_slug_changed(sender, instance, instance_before, **kwargs):
    """page_slug_changed: the URLs the page and its descendants had. The publish that follows
    retires the new ones; cached pages and routes at the old ones must go too, so that the old
    address answers as Wagtail would now (a redirect, or 404)."""
    if not instance_before.live:
        return
    new_parts, old_parts = instance.get_url_parts(), instance_before.get_url_parts()
    if new_parts is None or old_parts is None:
        return
    new_prefix, old_prefix = new_parts[2], old_parts[2]
    moved = PurgeSet()
    moved.add_pages([instance, *instance.get_descendants().live().specific(defer=True)])
    purge = PurgeSet(
        paths={old_prefix + path.removeprefix(new_prefix) for path in moved.paths},
        urls={url.replace(new_prefix, old_prefix, 1) for url in moved.urls},
    )
    _after_commit(purge)


def on_snippet_published(sender, instance, **kwargs):
    """published/unpublished of a snippet with drafts (pages send their own signals)."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        return
    registered = _registered(instance)
    purge = PurgeSet(site=not registered)
    for pages_for in registered:
        purge.add_pages(pages_for(instance))
    _after_commit(purge)


def on_site_wide_change(sender, instance, **kwargs):
    """post_save/post_delete of what every page may show."""
    if kwargs.get("raw"):
        return  # fixtures: nothing is cached yet
    _after_commit(PurgeSet(site=True))


@functools.cache
def _site_wide_models():
    """Looked up at the first save: snippets register after this app is ready."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    snippets = [model for model in get_snippet_models() if not issubclass(model, Page)]
    return {
        Site,
        Locale,
        Redirect,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
        *snippets,
    }


def connect_invalidation_signals():
    """Called from CoreConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
        pre_page_move,
        published,
        unpublished,
    )

    page_published.connect(on_page_changed, dispatch_uid="invalidation-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="invalidation-page-unpublished")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="invalidation-slug-changed")
    pre_page_move.connect(on_page_moving, dispatch_uid="invalidation-page-moving")
    post_page_move.connect(on_page_moved, dispatch_uid="invalidation-page-moved")
    published.connect(on_snippet_published, dispatch_uid="invalidation-published")
    unpublished.connect(on_snippet_published, dispatch_uid="invalidation-unpublished")
    post_save.connect(_on_save, dispatch_uid="invalidation-save")
    post_delete.connect(_on_delete, dispatch_uid="invalidation-delete")


def _on_save(sender, instance, **kwargs):
    from wagtail.models import DraftStateMixin

    # A snippet with drafts saved is a draft; its `published` signal counts.
    if sender in _site_wide_models() and not issubclass(sender, DraftStateMixin):
        on_site_wide_change(sender, instance, **kwargs)


def _on_delete(sender, instance, **kwargs):
    if sender in _site_wide_models():
        on_site_wide_change(sender, instance, **kwargs)
