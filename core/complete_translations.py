"""A translation goes live only when every one of its strings is translated.

wagtail-localize publishes a page with untranslated strings by falling back to the Turkish
text, so "Publish in English" on a page with nothing translated puts Turkish under /en/. Here
publishing a translation that still has untranslated strings is refused for everyone but
superusers, on every path:

- the translation editor's "Publish in English" and the page editor's publish action
  (`before_edit_page` hook in wagtail_hooks.py, with a message in the user's admin language);
- bulk publish (`before_bulk_action` hook, same message);
- everything else that publishes a revision, such as "Sync translated pages" with "publish
  immediately", a workflow approval, or `publish_scheduled` (`CompleteTranslationsOnlyMixin`
  on the page models: a scheduled publish is skipped and its schedule cancelled with a logged
  reason; any other caller is refused with PermissionDenied).

A page counts as a translation when wagtail-localize has a Translation record that builds it,
synced or stopped: stopping the sync does not make the Turkish fallback text English.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.utils.translation import ngettext
from wagtail_localize.models import Translation

logger = logging.getLogger(__name__)

SCHEDULED_PUBLISH = "wagtail.publish.scheduled"


def page_translation(page):
    """The wagtail-localize Translation that builds `page` (the synced one first), or None
    when `page` is not a translation (a Turkish page, or an English page written by hand)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .order_by("-enabled", "-pk")
        .first()
    )


def untranslated_string_count(translation):
    """How many strings of the translation's source have no usable translation in its language
    (wagtail-localize's own progress count, as the parity report uses: a translation stored
    with an error counts as missing)."""
    total, translated = translation.get_progress()
    return total - translated


def untranslated_strings(page):
    """How many strings of `page` are still in the source language (0 for a page that is not
    a translation)."""
    translation = page_translation(page)
    return untranslated_string_count(translation) if translation is not None else 0


def may_publish_incomplete(user):
    return user is not None and user.is_active and user.is_superuser


def refusal_message(count):
    return ngettext(
        "%(count)s string is not translated yet. Translate every string before publishing.",
        "%(count)s strings are not translated yet. Translate every string before publishing.",
        count,
    ) % {"count": count}


class IncompleteTranslation(PermissionDenied):
    """Publishing a translation with untranslated strings, by someone who may not."""


def refuse_incomplete(page, user):
    """Raise IncompleteTranslation when `user` may not publish `page` as it stands."""
    if may_publish_incomplete(user):
        return
    count = untranslated_strings(page)
    if count:
        raise IncompleteTranslation(refusal_message(count))


class CompleteTranslationsOnlyMixin:
    """For page models: the last line of defence, where every publish ends (Revision.publish
    calls the page's `publish`). The admin's own paths are refused earlier, with a message, by
    the hooks in wagtail_hooks.py; this catches the paths that have no hook."""

    def publish(self, revision, user=None, log_action=True, **kwargs):
        # wagtail-localize and publish_scheduled publish without a user: the revision's author
        # is who asked for it. With no user at all, code run by an administrator publishes
        # (the seed loader, a shell), which Wagtail's own permission checks also let through.
        publisher = user or revision.user
        if publisher is not None and not may_publish_incomplete(publisher):
            count = untranslated_strings(self)
            if count and log_action == SCHEDULED_PUBLISH:
                cancel_scheduled_publish(self, revision, count)
                return None
            if count:
                raise IncompleteTranslation(refusal_message(count))
        return super().publish(revision, user=user, log_action=log_action, **kwargs)


def cancel_scheduled_publish(page, revision, count):
    """Skip a scheduled publish of an incomplete translation, once: the schedule is cancelled
    (a later run would only skip it again) and the reason goes to the log."""
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    logger.warning(
        "scheduled publish of %s (page %s, revision %s) skipped and its schedule cancelled: "
        "%s string(s) not translated yet",
        page.url_path,
        page.pk,
        revision.pk,
        count,
        extra={"page_id": page.pk, "revision_id": revision.pk, "untranslated": count},
    )
