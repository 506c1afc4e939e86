"""Builds the Turkish page tree from `content.py` and its English translation from `content.en.po`.

The English pages are real wagtail-localize translations: each Turkish page gets a
TranslationSource, a Translation into English and one StringTranslation per segment, and the
English page is written by `Translation.save_target`. The admin's translation editor therefore
shows every English page as fully translated, and later edits sync the usual way.

Safe to run again: a page that exists (found by its parent and Turkish slug) is not created
again, and a page that already has an English translation is not translated again. Corrections
to the seed reach an existing database only where nobody has worked: a page (or footer) that no
person has ever saved, and that has no draft, is brought in line with `content.py`, and its
English translation with `content.en.po` when no translator has touched it either. Editors' and
translators' work is never overwritten.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.models import ContactDetails
from core.site_url import parse_site_url, set_default_site_address
from forms_app.topics import ensure_network_topic, ensure_topic
from home.models import HomePage
from networks.directory import is_network

from . import content
from .redirects import ensure_redirects

PO_PATH = Path(__file__).with_name("content.en.po")


class MissingTranslations(Exception):
    def __init__(self, strings):
        self.strings = strings
        super().__init__(
            f"{len(strings)} Turkish string(s) have no English translation in {PO_PATH.name}: "
            + "; ".join(s[:60] for s in strings[:5])
        )


def load_catalog(path=PO_PATH):
    """Turkish source string -> English translation, from the translators' PO file."""
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def edited_by_people(instance):
    """Whether anyone has saved `instance` in the admin (the loader's own revisions have no
    user), or left a draft of it."""
    return (
        getattr(instance, "has_unpublished_changes", False)
        or instance.revisions.exclude(user=None).exists()
    )


def source_strings_changed(instance, segments):
    """Whether `instance` now yields other strings than its stored translation source (its
    model gained a translatable field, say)."""
    current = {
        (value.path, value.string.data)
        for value in extract_segments(instance)
        if isinstance(value, StringSegmentValue)
    }
    return current != {(segment.context.path, segment.string.data) for segment in segments}


def stream_blocks(stream):
    """A StreamField value as (block type, stored value) pairs, without the block ids."""
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream]


def repair_child_counts(pages):
    """Correct treebeard's cached `numchild` where it disagrees with the tree.

    Translating a parent and then its children with wagtail-localize can leave the translated
    parent's `numchild` at 0 (wagtail-localize issue #773), which hides the children from
    routing and from the admin explorer.
    """
    for page in pages:
        actual = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
        if actual != page.numchild:
            Page.objects.filter(pk=page.pk).update(numchild=actual)


def build_page(spec, locale):
    """The page of a `content.PAGES` spec, unsaved, with its body and form fields."""
    model = apps.get_model(spec["model"])
    page = model(locale=locale, **spec["fields"])
    if "body" in spec:
        page.body = spec["body"]
    for field_spec in spec.get("form_fields", []):
        page.form_fields.add(model.form_fields.rel.related_model(locale=locale, **field_spec))
    return page


def seed_instances(locale):
    """content.py as unsaved instances: the pages in order, the contact details, the topics.
    Named by label, as content.py names the page models (home reads no models of forms_app)."""
    topic_model = apps.get_model("forms_app", "Topic")
    return [
        *(build_page(spec, locale) for spec in content.PAGES),
        ContactDetails(locale=locale, **content.FOOTER),
        *(topic_model(locale=locale, **spec) for spec in content.TOPICS),
    ]


def source_strings():
    """Every Turkish string of content.py, in order, as (text, field path, instance): read
    from the file, never from the database, whose pages may lag behind it or carry editors'
    changes."""
    locale = Locale(language_code=settings.LANGUAGE_CODE)  # unsaved: nothing is written
    strings = []
    for instance in seed_instances(locale):
        for field in instance._meta.fields:
            if isinstance(field, StreamField):  # blocks get their ids, as saving would give
                field.get_prep_value(field.value_from_object(instance))
        strings += [
            (value.string.data, value.path, instance)
            for value in extract_segments(instance)
            if isinstance(value, StringSegmentValue)
        ]
    return strings


def seeded_pages():
    """Seed key -> the Turkish page of an already seeded database (found as the loader finds
    them: the home page, then each page by its parent and slug); {} before the first seed."""
    source_locale = Locale.objects.filter(language_code="tr").first()
    home = HomePage.objects.filter(locale=source_locale, depth=2).first() if source_locale else None
    if home is None:
        return {}
    pages = {}
    for spec in content.PAGES:
        if spec["parent"] is None:
            pages[spec["key"]] = home
        elif spec["parent"] in pages:
            child = pages[spec["parent"]].get_children().filter(slug=spec["fields"]["slug"])
            if page := child.first():
                pages[spec["key"]] = page
    return pages


class SeedLoader:
    def __init__(self, log=print, catalog=None, translate=True):
        self.log = log
        self.translate_into_english = translate
        self.catalog = load_catalog() if catalog is None else catalog
        self.created = []
        self.translated = []
        self.corrected = []

    def run(self):
        with transaction.atomic():
            self.build()
        if self.translate_into_english:
            # After the commit: on-commit work of the publish actions rewrites numchild.
            repair_child_counts(Page.objects.filter(locale=self.target_locale))
            self.ensure_network_topic_translations()  # the English pages are live by now
        return self

    def build(self):
        self.source_locale = Locale.objects.get_or_create(language_code="tr")[0]
        self.target_locale = Locale.objects.get_or_create(language_code="en")[0]
        pages = {}
        for spec in content.PAGES:
            pages[spec["key"]] = self.ensure_page(spec, pages)
        self.pages = pages
        self.footer = self.ensure_footer()
        self.topics = self.ensure_topics()
        if self.translate_into_english:
            for spec in content.PAGES:
                self.ensure_translation(pages[spec["key"]])
            self.ensure_footer_translation()
            for topic in self.topics:
                self.ensure_snippet_translation(topic)
        ensure_redirects(content.OLD_ADDRESSES, self.pages, log=self.log)
        # Absolute links (canonical, sitemap, e-mails) use the Site's address: SITE_URL's.
        set_default_site_address()
        return self

    # Turkish source -----------------------------------------------------------------------

    def ensure_page(self, spec, pages):
        if spec["parent"] is None:
            return self.ensure_home(spec)
        parent = pages[spec["parent"]]
        existing = parent.get_children().filter(slug=spec["fields"]["slug"]).first()
        if existing:
            return self.correct_page(existing.specific, spec)
        page = self.build_page(spec)
        for field, key in spec.get("page_links", {}).items():
            setattr(page, field, pages[key])
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        self.log(f"created {page.url_path}")
        return page

    def ensure_home(self, spec):
        home = HomePage.objects.filter(locale=self.source_locale, depth=2).first()
        if home:
            self.point_default_site_at(home)
            return self.correct_page(home, spec)
        root = Page.get_first_root_node()
        home = self.build_page(spec)
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created.append(home)
        self.point_default_site_at(home)
        self.log("created home page")
        return home

    def point_default_site_at(self, home):
        """Point the default site at MBB's home and drop Wagtail's "Welcome" placeholder. On a
        database restored with the pages but the site still on the placeholder (a restored
        test database, a half-finished first load), the next load repairs it; a site an
        administrator pointed at another real page is left alone."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and site.root_page_id == home.pk:
            return
        if site is not None and not is_placeholder(site.root_page):
            return
        if site is None:
            hostname, port = parse_site_url(settings.SITE_URL)
            site = Site(hostname=hostname, port=port, is_default_site=True)
        placeholder = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Marmara Belediyeler Birliği"
        site.save()
        if placeholder and is_placeholder(placeholder):
            placeholder.delete()

    def correct_page(self, page, spec):
        """Bring a page nobody has worked on in line with the seed (its fields and body)."""
        if not page.live or edited_by_people(page):
            return page
        seed = self.build_page(spec)
        fields = [name for name in spec["fields"] if name != "slug"]
        changed = [name for name in fields if getattr(page, name) != getattr(seed, name)]
        if "body" in spec and stream_blocks(page.body) != stream_blocks(seed.body):
            changed.append("body")
        if changed:
            for name in changed:
                setattr(page, name, getattr(seed, name))
            page.save_revision().publish()
            self.corrected.append(page)
            self.log(f"corrected {page.url_path}: {', '.join(changed)}")
        return page

    def build_page(self, spec):
        return build_page(spec, self.source_locale)

    def ensure_footer(self):
        footer = ContactDetails.objects.filter(locale=self.source_locale).first()
        if footer is None:
            footer = ContactDetails(locale=self.source_locale, **content.FOOTER)
            footer.save()
            footer.save_revision().publish()
            self.log("created contact details")
        elif footer.live and not edited_by_people(footer):
            changed = [
                name for name, value in content.FOOTER.items() if getattr(footer, name) != value
            ]
            if changed:
                for name in changed:
                    setattr(footer, name, content.FOOTER[name])
                footer.save_revision().publish()
                self.corrected.append(footer)
                self.log(f"corrected the footer: {', '.join(changed)}")
        return footer

    def ensure_footer_translation(self):
        english = self.footer.get_translation_or_none(self.target_locale)
        if english is None or self.translation_is_stale(self.footer, english):
            self.translate(self.footer)

    def ensure_topics(self):
        """The contact form's general topics (network topics come with their pages)."""
        topics = []
        for spec in content.TOPICS:
            topic, created = ensure_topic(locale=self.source_locale, **spec)
            if created:
                self.log(f"created topic {topic.label}")
            topics.append(topic)
        return topics

    def ensure_snippet_translation(self, instance):
        if instance.get_translation_or_none(self.target_locale) is None:
            self.translate(instance)

    # English translation -------------------------------------------------------------------

    def ensure_translation(self, page):
        english = page.get_translation_or_none(self.target_locale)
        if english is not None:
            if self.translation_is_stale(page, english):
                self.translate(page)
                self.log(f"corrected the English translation of {page.url_path}")
            return
        self.translate(page)
        self.translated.append(page)
        self.log(f"translated {page.url_path} into English")

    def translation_is_stale(self, source_instance, english):
        """An English translation nobody has touched that differs from the seed: its Turkish
        source was corrected in this run, or `content.en.po` now translates a string
        differently."""
        if edited_by_people(english):
            return False
        source = TranslationSource.objects.get_for_instance_or_none(source_instance)
        if source is None:
            return False
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        translations = StringTranslation.objects.filter(
            locale=self.target_locale, translation_of__in=[s.string_id for s in segments]
        )
        if translations.exclude(last_translated_by=None).exists():
            return False  # a translator has worked on it in the translation editor
        if source_instance in self.corrected or source_strings_changed(source_instance, segments):
            return True
        current = {(t.translation_of_id, t.context_id): t.data for t in translations}
        return any(
            current.get((s.string_id, s.context_id)) != self.catalog.get(s.string.data)
            for s in segments
        )

    def ensure_network_topic_translations(self):
        """Each network topic's English translation. Publishing a network's English page
        leaves it to the task worker (forms_app.topics); the seed makes it at once, so that
        the content it loads is complete without a worker (the worker then finds it done)."""
        for page in self.pages.values():
            english = page.get_translation_or_none(self.target_locale)
            if is_network(page.specific) and english is not None and english.live:
                ensure_network_topic(english.specific)

    def translate(self, instance):
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=self.target_locale
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        missing = [s.string.data for s in segments if s.string.data not in self.catalog]
        if missing:
            raise MissingTranslations(missing)
        for segment in segments:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.target_locale,
                context=segment.context,
                defaults={"data": self.catalog[segment.string.data]},
            )
        translation.save_target(publish=True)


def is_placeholder(page):
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page with no children."""
    return page.specific_class is Page and not page.get_children().exists()
