"""What happens in the background when a page is published.

1. A Turkish page that has been translated: its TranslationSource is synced, so the English
   translation editor shows the changed strings as untranslated and the parity report marks
   the English page out of date until a translator publishes it.
2. Any page: treebeard's cached child count is corrected (wagtail-localize issue #773: a
   translated parent published on commit after its children were created keeps numchild=0,
   which hides the children from routing and from the admin explorer).
3. A Turkish snippet with drafts (the footer) that has been translated: synced as in 1.
4. A language's home page: the editorial roles' page permissions and the moderation workflow
   are attached to it (on a fresh database the homes appear after the migrations).
"""

from django.apps import apps as global_apps
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, published
from wagtail_localize.models import TranslationSource

from .roles import SOURCE_LANGUAGE, attach_language_home, is_language_home


def sync_translation_source(sender, instance, **kwargs):
    if instance.locale.language_code != SOURCE_LANGUAGE:
        return
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and source.translations.filter(enabled=True).exists():
        source.update_from_db()


def repair_child_count(sender, instance, **kwargs):
    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if actual != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def attach_roles_to_language_home(sender, instance, **kwargs):
    if is_language_home(instance):
        attach_language_home(global_apps, instance)


def sync_published_snippet_source(sender, instance, **kwargs):
    """A translatable snippet with drafts (the footer), published in Turkish: synced as a page
    is (pages have their own signal)."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
        sync_translation_source(sender, instance, **kwargs)


def connect():
    # page_published is sent with the specific page class as sender, so no sender filter.
    page_published.connect(sync_translation_source, dispatch_uid="editorial_sync_source")
    published.connect(sync_published_snippet_source, dispatch_uid="editorial_sync_snippet")
    page_published.connect(repair_child_count, dispatch_uid="editorial_repair_numchild")
    page_published.connect(attach_roles_to_language_home, dispatch_uid="editorial_roles_home")
