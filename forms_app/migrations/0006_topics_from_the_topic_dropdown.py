"""The topic dropdown's options become Topic records; TopicRoute recipients move onto them.

Before: the first dropdown of each contact form listed its options as text, the English
field's options were matched to the Turkish ones by position, inquiries stored a slug of the
Turkish option and TopicRoute mapped slugs to addresses. After: one Topic per Turkish option
(its translation in each language that had one at that position), the field lists the Topic
records, and inquiries store the topic's translation key and the label the visitor saw.
"""

from django.conf import settings
from django.db import migrations

OLD_CHOICE_FIELD_TYPES = ("dropdown", "radio")


def split_choices(text):
    """Wagtail's reading of a choices text (CRLF or LF lines, else commas), frozen here."""
    text = text or ""
    lines = text.strip().splitlines()
    if len(lines) > 1:
        choices = [line.strip().rstrip(",").strip() for line in lines]
    else:
        choices = [choice.strip() for choice in text.split(",")]
    return [choice for choice in choices if choice]


def old_choice_keys(labels):
    """The slugs inquiries and routes used (forms_app.choices.choice_keys before topics)."""
    from anyascii import anyascii
    from django.utils.text import slugify

    keys = []
    for position, label in enumerate(labels, start=1):
        key = slugify(anyascii(label))[:90] or f"option-{position}"
        while key in keys:
            key = f"{key}-{position}"
        keys.append(key)
    return keys


def convert_topic_fields(apps, routes):
    """Create the topics of every source-language contact form; `routes` maps an old slug
    to its recipient address."""
    FormField = apps.get_model("forms_app", "FormField")
    Topic = apps.get_model("forms_app", "Topic")
    Inquiry = apps.get_model("forms_app", "Inquiry")
    NetworkPage = apps.get_model("networks", "NetworkPage")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")

    # The topic field of each source-language form: its first single-choice field. (Read
    # through FormField: the historical form page model cannot be instantiated.)
    topic_fields = {}
    source_fields = FormField.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, field_type__in=OLD_CHOICE_FIELD_TYPES
    ).order_by("page_id", "sort_order", "pk")
    for field in source_fields:
        topic_fields.setdefault(field.page_id, field)
    locale_of_language = dict(Locale.objects.values_list("language_code", "pk"))

    # The short name's field is `acronym` until networks 0004; tests also run this function on
    # today's models, where it is `short_name`.
    fields = {field.name for field in NetworkPage._meta.fields}
    short_name = "acronym" if "acronym" in fields else "short_name"
    for page_id, field in topic_fields.items():
        labels = split_choices(field.choices)
        keys = old_choice_keys(labels)
        networks = {
            getattr(n, short_name): n
            for n in NetworkPage.objects.filter(locale_id=field.locale_id)
        }
        topics = {}  # old slug -> source Topic
        for position, (key, label) in enumerate(zip(keys, labels, strict=True), start=1):
            existing = Topic.objects.filter(locale_id=field.locale_id, label=label).first()
            topics[key] = existing or Topic.objects.create(
                locale_id=field.locale_id,
                label=label,
                recipient=routes.get(key, ""),
                sort_order=position * 10,
                network=networks.get(label),
            )
        labels_by_locale = {field.locale_id: dict(zip(keys, labels, strict=True))}
        translations = FormField.objects.filter(translation_key=field.translation_key).exclude(
            pk=field.pk
        )
        for translated in translations:
            shown = dict(zip(keys, split_choices(translated.choices), strict=False))
            labels_by_locale[translated.locale_id] = shown
            for key, label in shown.items():
                source = topics[key]
                if not Topic.objects.filter(
                    translation_key=source.translation_key, locale_id=translated.locale_id
                ).exists():
                    Topic.objects.create(
                        locale_id=translated.locale_id,
                        translation_key=source.translation_key,
                        label=label,
                        recipient=source.recipient,
                        sort_order=source.sort_order,
                        network=source.network,
                    )
        FormField.objects.filter(translation_key=field.translation_key).update(
            field_type="topic", choices=""
        )

        form_page = Page.objects.get(pk=page_id)
        form_pages = Page.objects.filter(translation_key=form_page.translation_key)
        for inquiry in Inquiry.objects.filter(page__in=form_pages, topic__in=topics):
            topic = topics[inquiry.topic]
            shown = labels_by_locale.get(locale_of_language.get(inquiry.language), {})
            inquiry.topic_label = shown.get(inquiry.topic) or topic.label
            if inquiry.form_data.get(field.clean_name) == inquiry.topic:
                inquiry.form_data[field.clean_name] = str(topic.translation_key)
            inquiry.topic = str(topic.translation_key)
            inquiry.save(update_fields=["topic", "topic_label", "form_data"])


def keep_page_titles(apps):
    Inquiry = apps.get_model("forms_app", "Inquiry")
    for inquiry in Inquiry.objects.filter(page_title="", page__isnull=False).select_related("page"):
        inquiry.page_title = inquiry.page.title
        inquiry.save(update_fields=["page_title"])


def forwards(apps, schema_editor):
    TopicRoute = apps.get_model("forms_app", "TopicRoute")
    routes = dict(TopicRoute.objects.values_list("topic", "recipient"))
    convert_topic_fields(apps, routes)
    keep_page_titles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0005_topics_tokens_and_page_deletion"),
        ("networks", "0002_network_short_name_language"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
