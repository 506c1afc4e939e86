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

Applying a set gives its paths (and the site) new versions (core/page_cache.py): one set_many,
in the request, so the visitor sees the change right after the commit. If the cache does not
take them, the set is recorded and applied when it does. The same URLs are then purged at the
CDN by the task worker (core/cdn.py); every live page too when the site version changed.

Working a set out costs the same however many pages the site has: a page's translations and
ancestors are a few, and its descendants (all the networks, below the directory) are read as
rows whose URL continues the page's own, not as pages. Every live page's URLs, for the CDN
only, are worked out by the worker.
"""

import functools
import logging
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.http import RFC3986_SUBDELIMS

from . import page_cache
from .cdn import purge_cdn, site_wide_paths

logger = logging.getLogger(__name__)

# What a page's URL is worked out from (Page.get_url_parts, Page.specific_class).
URL_FIELDS = ("url_path", "path", "depth", "content_type", "translation_key", "locale")

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


def _own_urls(model):
    """Whether pages of `model` work out their URLs their own way (get_url_parts or
    get_cached_paths overridden): then the page itself is asked, never derived."""
    from wagtail.models import Page

    return (
        model is None
        or model.get_url_parts is not Page.get_url_parts
        or model.get_cached_paths is not Page.get_cached_paths
    )


@dataclass
class PurgeSet:
    paths: set = field(default_factory=set)
    urls: set = field(default_factory=set)  # for the CDN: absolute
    site: bool = False
    # Wagtail keeps the site root paths on the object passed to get_url_parts: read once.
    _roots: SimpleNamespace = field(default_factory=SimpleNamespace, repr=False)

    def add_pages(self, pages):
        """Each page's URL path, and its URLs for the CDN (its full URL and any extra cached
        paths it declares)."""
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        for page in self._specific_where_needed(pages):
            parts = page.get_url_parts(self._roots)
            if parts is None or parts[2] is None:
                continue  # not routable (Wagtail's root, a page outside every site)
            _site_id, root_url, path = parts
            self.paths.add(path)
            if root_url is None:
                continue
            if _own_urls(type(page)):
                batch = PurgeBatch(cache_object=self._roots)
                batch.add_page(page)
                self.urls |= batch.urls
            else:
                self.urls.add(root_url + path)  # what PurgeBatch.add_page adds for it

    @staticmethod
    def _specific_where_needed(pages):
        """The pages, as their specific class where that class works out its URLs its own way,
        read again in one query per class. (`specific_deferred` on a page read with only()
        would load each deferred field with a query of its own: a dozen per page.)"""
        from wagtail.models import Page

        pages = list(pages)
        wanted = [
            page.pk
            for page in pages
            if _own_urls(page.specific_class) and type(page) is not page.specific_class
        ]
        if not wanted:
            return pages
        specific = {page.pk: page for page in Page.objects.filter(pk__in=wanted).specific()}
        return [specific.get(page.pk, page) for page in pages]

    def add_descendants(self, page):
        """The pages below `page` (their breadcrumbs show it). Their URLs continue its URL
        with the rest of their own url_path, so they are read as rows, not pages: a directory
        of 1,000 networks costs one query and a string each, not 1,000 page objects."""
        from wagtail.models import Page, Site

        rows = list(
            Page.objects.filter(path__startswith=page.path, depth__gt=page.depth).values_list(
                "pk", "url_path", "content_type_id"
            )
        )
        if not rows:
            return
        parts = page.get_url_parts(self._roots)
        other_root_below = any(
            root.root_path.startswith(page.url_path) and root.root_path != page.url_path
            for root in Site.get_site_root_paths()
        )
        asked, own_urls = [], {}
        for pk, url_path, content_type_id in rows:
            if content_type_id not in own_urls:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                own_urls[content_type_id] = _own_urls(model)
            if (
                parts is None
                or parts[2] is None
                or other_root_below
                or not url_path.startswith(page.url_path)
                or not parts[2].endswith("/")
                or own_urls[content_type_id]
            ):
                asked.append(pk)  # the page is asked for its URL
                continue
            _site_id, root_url, base = parts
            # Wagtail's reverse() quotes the url_path the same way, one character at a time.
            path = base + quote(url_path[len(page.url_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
            self.paths.add(path)
            if root_url is not None:
                self.urls.add(root_url + path)
        if asked:
            self.add_pages(Page.objects.filter(pk__in=asked).specific(defer=True))

    def add_site_paths(self):
        """What lists every page: the sitemap and the search page of each language, at each
        site's address."""
        from wagtail.models import Site

        paths = site_wide_paths()
        self.paths |= paths
        for site in Site.objects.all():
            self.urls |= {site.root_url + path for path in paths}

    def apply(self):
        """Retire the set's pages in the page cache at once (new versions: one set_many),
        then queue their purge at the CDN, which refetches from the page cache; a change every
        page shows purges every live page there, worked out by the task. Called after the
        commit."""
        if not page_cache.bump_versions(self.paths, site=self.site):
            page_cache.record_pending_purge(self.paths, self.site, self.urls)
        # The CDN does not depend on Redis: purged in any case (the origin renders afresh).
        purge_cdn(self.urls, every_page=self.site)


def purge_set_for_page(page):
    """The page, its translations, its ancestors and theirs, its descendants, pages linking
    to it, and what lists every page."""
    from wagtail.models import Page, ReferenceIndex

    # The home pages and their children (the main menu) show in every page's chrome.
    from .templatetags.navigation_tags import MENU_DEPTH

    ancestors = list(page.get_ancestors().filter(depth__gt=1).only("translation_key"))
    keys = {page.translation_key, *(ancestor.translation_key for ancestor in ancestors)}
    purge = PurgeSet(site=page.depth <= MENU_DEPTH)
    purge.add_pages(Page.objects.filter(translation_key__in=keys).only(*URL_FIELDS))
    purge.add_pages(_linking_pages(page, ReferenceIndex, Page))
    purge.add_descendants(page)
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
    return page_model.objects.filter(pk__in=ids).only(*URL_FIELDS) if ids else []


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
