"""The contact form's topics: which are offered in a language, where their inquiries go, and
network topics that follow the membership directory.

Topics go through moderation like the footer: an editor's change is a draft (a revision)
until a moderator publishes it, so the form lists only live topics, and a live topic's row
holds its published label.

A topic's identity is its translation key, the same for the Turkish record and its English
translation. The form's option values are that key, so an inquiry sent from /en/ routes
exactly like one from /tr/, and adding or reordering topics never shifts another's meaning.

Network topics: publishing a Turkish network page creates its topic (labelled with the
network's short name) if it has none; publishing the network's English page adds the topic's
English translation (through the task queue, a moment later), a real wagtail-localize
translation whose one string is the English short name. A network topic is listed only while
its network's page is live in the form's language, so an unpublished network disappears from
the form with no edit to the topics. Network topics are created live: they follow the
directory, whose pages are already moderated. The form lists them while there are at most
NETWORK_TOPICS_LISTED (one directory page): a directory of hundreds would make a dropdown
nobody reads through, and a contact page that grows with it.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django_tasks import task
from wagtail.models import Locale

from core.page_cache import memoised_for_request
from networks.directory import is_network, live_network, live_network_keys

from .records import Topic

# A new network topic goes right after the last network topic; the first one at 100, after
# the general topics and before "Diğer" (1000). Editors may renumber any of them.
NETWORK_TOPIC_FIRST_ORDER = 100
NETWORK_TOPIC_STEP = 1
# The form lists each network's topic while the directory has at most this many networks (one
# directory page); beyond that, none (see topic_choices).
NETWORK_TOPICS_LISTED = 24


def topics_of(locale):
    """The live topics offered in `locale`, in the source language's order."""
    live_networks = live_network_keys(locale)
    # Ordered by the Turkish record, so that English follows a reordering at once.
    source_order = Topic.objects.filter(
        translation_key=OuterRef("translation_key"), locale=Locale.get_default()
    ).values("sort_order")[:1]
    return (
        Topic.objects.filter(locale=locale, live=True)
        .filter(Q(network__isnull=True) | Q(network__translation_key__in=live_networks))
        .annotate(position=Coalesce(Subquery(source_order), F("sort_order")))
        .order_by("position", "pk")
    )


def network_topics_listed():
    """How many network topics the form lists at most (setting CONTACT_NETWORK_TOPICS_LISTED)."""
    return getattr(settings, "CONTACT_NETWORK_TOPICS_LISTED", NETWORK_TOPICS_LISTED)


def topic_choices(locale):
    """[(translation key, label)] for the form's topic list in `locale`: the general topics,
    and each network's while there are at most network_topics_listed() of them. A longer
    dropdown is more than a visitor can read through (and the contact page would grow with
    the directory), so then a network's inquiries go under a general topic ("Yerel
    diplomasi")."""
    topics = topics_of(locale).values_list("position", "pk", "translation_key", "label")
    rows = sorted(offered(topics))
    return [(str(key), label) for _position, _pk, key, label in rows]


def offered(topics):
    """The rows of `topics` (values_list of Topic) the form offers: the general topics, and
    the network topics while there are at most network_topics_listed(). Two queries, each of
    a bounded number of rows."""
    limit = network_topics_listed()
    rows = list(topics.filter(network__isnull=True))
    networks = list(topics.filter(network__isnull=False)[: limit + 1])
    return rows + networks if len(networks) <= limit else rows


def inbox_topic_choices():
    """[(translation key, name in the team's language)] for the inbox's topic filter, A to Z:
    the topics the form can offer (network topics while there are at most
    network_topics_listed(), as on the form), so that the filter stays a short list at 1,000
    networks. Inquiries about one network are still found by searching for its name."""

    def load():
        topics = Topic.objects.filter(locale=Locale.get_default())
        rows = offered(topics.values_list("translation_key", "label"))
        return sorted(((str(key), label) for key, label in rows), key=lambda row: row[1])

    # django-filter asks for the choices more than once per request.
    return memoised_for_request("inbox-topic-choices", load)


def source_topic(key):
    """The topic with this translation key, preferably in the source language."""
    try:
        key = uuid.UUID(str(key))
    except ValueError:  # empty, or a slug stored before topics were records
        return None
    rows = Topic.objects.filter(translation_key=key).select_related("locale")
    return min(rows, key=lambda t: t.locale.language_code != settings.LANGUAGE_CODE, default=None)


def recipient_for(key):
    """Where inquiries on this topic go: its recipient, else the general address."""
    topic = source_topic(key)
    if topic is not None and topic.recipient:
        return topic.recipient
    return settings.CONTACT_DEFAULT_RECIPIENT


def ensure_topic(locale, label, **fields):
    """(topic, created): the topic labelled `label` in `locale`, created live if there is none
    (the seed's general topics)."""
    topic = Topic.objects.filter(locale=locale, label=label).first()
    if topic is not None:
        return topic, False
    return create_live_topic(locale=locale, label=label, **fields), True


def create_live_topic(**fields):
    """A new topic, published at once with a first revision: for topics that need no
    moderation of their own (network topics, the seed's general topics)."""
    topic = Topic.objects.create(live=True, **fields)
    topic.save_revision().publish()
    return topic


# Network topics --------------------------------------------------------------------------


def ensure_network_topic(network_page):
    """Give a published network page its topic (Turkish) or its topic's translation."""
    if network_page.locale.language_code == settings.LANGUAGE_CODE:
        if not Topic.objects.filter(network__translation_key=network_page.translation_key).exists():
            last = (
                Topic.objects.filter(locale=network_page.locale, network__isnull=False)
                .order_by("-sort_order")
                .values_list("sort_order", flat=True)
                .first()
            )
            create_live_topic(
                locale=network_page.locale,
                label=network_page.short_name,
                network=network_page,
                sort_order=NETWORK_TOPIC_FIRST_ORDER if last is None else last + NETWORK_TOPIC_STEP,
            )
        return
    source = Topic.objects.filter(
        network__translation_key=network_page.translation_key,
        locale__language_code=settings.LANGUAGE_CODE,
    ).first()
    if source is not None and source.get_translation_or_none(network_page.locale) is None:
        translate_topic(source, network_page.locale, {source.label: network_page.short_name})


def translate_topic(topic, target_locale, strings):
    """Create the topic's translation as wagtail-localize does: a translation source, a
    translation into `target_locale` and a string translation for each of its strings
    (`strings`: source text -> translated text), written by `save_target`."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _ = TranslationSource.update_or_create_from_instance(topic)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target_locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={"data": strings[segment.string.data]},
        )
    translation.save_target(publish=True)
    return topic.get_translation(target_locale)


@task()
def translate_network_topic(page_id):
    """The topic's translation for a network page published in another language than the
    source: queued (about 200 ms of wagtail-localize's work, a third of that publish), as the
    English contact form can list the topic a moment later."""
    page = live_network(page_id)
    if page is None:
        return "gone"  # unpublished or deleted before the worker came to it
    ensure_network_topic(page)
    return "done"


def on_page_published(sender, instance, **kwargs):
    if not is_network(instance):
        return
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        ensure_network_topic(instance)  # the Turkish form lists it at once
    else:
        page_id = instance.pk
        transaction.on_commit(lambda: translate_network_topic.enqueue(page_id))
