"""Translation parity: the state of each Turkish page's (and shared snippet's) English counterpart.

States
------
missing       no English page, or only an untranslated alias, or the English page is not live.
out of date   the English page exists but lags behind the Turkish one. For a synced
              translation (wagtail-localize's default mode here) that is any of:
              - the Turkish page was published after its TranslationSource was last synced;
              - the source was synced after the English page was last published;
              - some strings of the source have no English translation.
              For an English page that is not (or no longer) a synced translation: the Turkish
              page was published after the English page.
up to date    none of the above.
Turkish only  listed in "Turkish-only pages" (editorial.TurkishOnlyPage): deliberately
              untranslated.

Only live Turkish pages are listed: a draft has nothing to translate yet.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from .models import TurkishOnlyPage
from .roles import SOURCE_LANGUAGE, TARGET_LANGUAGE

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
TURKISH_ONLY = "turkish_only"

STATE_LABELS = {
    MISSING: _("Missing"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
    TURKISH_ONLY: _("Turkish only"),
}
NEEDS_WORK = {MISSING, OUT_OF_DATE}


@dataclass
class ParityRow:
    source: object  # the Turkish page or snippet
    target: object | None  # its English counterpart
    state: str
    reasons: list = field(default_factory=list)
    translated: int | None = None
    total: int | None = None
    translation: Translation | None = None
    needs_sync: bool = False  # the Turkish page changed after the source was last synced

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def needs_work(self):
        return self.state in NEEDS_WORK

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def title(self):
        return self.source.get_admin_display_title() if self.is_page else str(self.source)

    @property
    def target_title(self):
        if self.target is None:
            return ""
        return self.target.get_admin_display_title() if self.is_page else str(self.target)

    @property
    def path(self):
        return self.source.url_path if self.is_page else ""

    @property
    def starts_translation(self):
        """True when there is no real English page yet: the next step is "Translate"."""
        untranslated = self.target is None or getattr(self.target, "alias_of_id", None)
        return self.state == MISSING and bool(untranslated)

    @property
    def action_label(self):
        if self.starts_translation:
            return _("Translate")
        if self.needs_sync:
            return _("Sync translation")
        return _("Open translation")

    @property
    def action_url(self):
        """Where a translator starts: translate a missing page, bring the translation editor up
        to date with the Turkish page, or open the translation editor."""
        if self.needs_sync and self.translation is not None:
            url = reverse("wagtail_localize:update_translations", args=[self.translation.source_id])
            return f"{url}?next={reverse('editorial:parity_report')}"
        if self.starts_translation:
            if self.is_page:
                return reverse("wagtail_localize:submit_page_translation", args=[self.source.pk])
            meta = self.source._meta
            return reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, self.source.pk],
            )
        if self.target is not None and self.state in NEEDS_WORK:
            if self.is_page:
                return reverse("wagtailadmin_pages:edit", args=[self.target.pk])
            meta = self.target._meta
            return reverse(
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[self.target.pk]
            )
        return ""


def _locales():
    return (
        Locale.objects.get(language_code=SOURCE_LANGUAGE),
        Locale.objects.get(language_code=TARGET_LANGUAGE),
    )


class UntranslatedStrings:
    """The reason "N of M strings untranslated", translated when it is shown (like gettext_lazy)."""

    def __init__(self, count, total):
        self.count = count
        self.total = total

    def __str__(self):
        return ngettext(
            "%(count)d of %(total)d strings untranslated",
            "%(count)d of %(total)d strings untranslated",
            self.count,
        ) % {"count": self.count, "total": self.total}


def _progress_reason(translation):
    total, translated = translation.get_progress()
    reasons = []
    if translated < total:
        reasons.append(UntranslatedStrings(total - translated, total))
    return total, translated, reasons


def page_rows():
    source_locale, target_locale = _locales()
    pages = list(Page.objects.filter(locale=source_locale, depth__gt=1, live=True).order_by("path"))
    keys = [page.translation_key for page in pages]
    english = {
        page.translation_key: page
        for page in Page.objects.filter(locale=target_locale, translation_key__in=keys)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=source_locale, object_id__in=keys)
    }
    translations = {
        translation.source_id: translation
        for translation in Translation.objects.filter(
            source__in=sources.values(), target_locale=target_locale
        )
    }
    turkish_only = set(TurkishOnlyPage.objects.values_list("page_id", flat=True))
    return [
        _page_row(page, english.get(page.translation_key), sources, translations, turkish_only)
        for page in pages
    ]


def _page_row(page, target, sources, translations, turkish_only):
    if page.pk in turkish_only:
        return ParityRow(page, target, TURKISH_ONLY)
    if target is None:
        return ParityRow(page, None, MISSING, [_("no English page")])
    if target.alias_of_id:
        return ParityRow(page, target, MISSING, [_("the English page is an untranslated alias")])
    if not target.live:
        return ParityRow(page, target, MISSING, [_("the English page is not published")])

    source = sources.get(page.translation_key)
    translation = translations.get(source.pk) if source else None
    if translation is None or not translation.enabled:
        if _after(page.last_published_at, target.last_published_at):
            return ParityRow(
                page, target, OUT_OF_DATE, [_("Turkish page published after the English page")]
            )
        return ParityRow(page, target, UP_TO_DATE)

    reasons = []
    needs_sync = _after(page.last_published_at, source.last_updated_at)
    if needs_sync:
        reasons.append(_("Turkish page changed since the last sync"))
    if _after(source.last_updated_at, target.last_published_at):
        reasons.append(_("synced changes not yet published in English"))
    total, translated, untranslated = _progress_reason(translation)
    reasons += untranslated
    state = OUT_OF_DATE if reasons else UP_TO_DATE
    return ParityRow(page, target, state, reasons, translated, total, translation, needs_sync)


def snippet_rows():
    """Translatable snippets (site chrome such as the footer): same states, no Turkish-only."""
    source_locale, target_locale = _locales()
    rows = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        for instance in model.objects.filter(locale=source_locale).order_by("pk"):
            rows.append(_snippet_row(instance, target_locale))
    return rows


def _snippet_row(instance, target_locale):
    target = instance.get_translation_or_none(target_locale)
    if target is None:
        return ParityRow(instance, None, MISSING, [_("no English version")])
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    translation = (
        source.translations.filter(target_locale=target_locale, enabled=True).first()
        if source
        else None
    )
    if translation is None:
        return ParityRow(instance, target, UP_TO_DATE)
    reasons = []
    last_saved = (
        TranslationLog.objects.filter(source=source, locale=target_locale)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if _after(source.last_updated_at, last_saved):
        reasons.append(_("synced changes not yet published in English"))
    total, translated, untranslated = _progress_reason(translation)
    reasons += untranslated
    state = OUT_OF_DATE if reasons else UP_TO_DATE
    return ParityRow(instance, target, state, reasons, translated, total, translation)


def _after(first, second):
    """True when `first` is later than `second`; a missing `second` counts as "never"."""
    if first is None:
        return False
    return second is None or first > second


def all_rows():
    return page_rows() + snippet_rows()
