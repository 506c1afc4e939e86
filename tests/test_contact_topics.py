"""Contact topics are records (the translatable snippet "Konu / Topic") with one identity in
every language: the form lists the topics of its language, inquiries store the topic's
translation key and the label shown, and routing never depends on a topic's position."""

import importlib

import pytest
from django.apps import apps
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments

from forms_app.models import FormField, Inquiry, Topic
from forms_app.topics import (
    recipient_for,
    topic_choices,
    translate_network_topic,
    translate_topic,
)
from home.seed import content
from networks.models import NetworkPage
from tests.contact import contact_page, forget_rate_limit, topic_key, valid_answers
from tests.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


def labels(locale):
    return [label for _, label in topic_choices(locale)]


def options_on(client, page):
    """The topic options as the public form offers them."""
    form = client.get(page.url).context["form"]
    return [(key, str(label)) for key, label in form.fields["konu"].choices if key]


def test_seeded_topics_are_turkish_records_with_real_english_translations(tr, en):
    turkish = Topic.objects.filter(locale=tr).order_by("sort_order")
    assert turkish.count() == len(content.TOPICS) + len(content.NETWORKS)  # one per network
    for topic in turkish:
        source = TranslationSource.objects.get_for_instance_or_none(topic)
        assert source is not None, topic
        assert Translation.objects.filter(source=source, target_locale=en).exists(), topic
        assert topic.get_translation(en).label
    assert labels(en)[:2] == ["General enquiry", "Local diplomacy"]
    assert labels(en)[-1] == "Other"


def test_a_topic_added_in_turkish_shows_in_english_only_once_translated(
    client, tr, en, django_capture_on_commit_callbacks
):
    new = Topic.objects.create(locale=tr, label="Kardeş şehir", sort_order=15)
    tr_options = options_on(client, contact_page(tr))
    assert tr_options[1] == (str(new.translation_key), "Kardeş şehir")
    english = options_on(client, contact_page(en))
    assert "Kardeş şehir" not in [label for _, label in english]
    assert str(new.translation_key) not in dict(english)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translate_topic(new, en, {"Kardeş şehir": "Sister cities"})
    assert options_on(client, contact_page(en))[1] == (str(new.translation_key), "Sister cities")


def test_adding_a_topic_in_turkish_shifts_no_english_label_or_route(client, tr, en, settings):
    """Today's defect: labels matched by position shifted one place when a topic was added."""
    nalas = topic_key("NALAS")
    Topic.objects.filter(translation_key=nalas).update(recipient="nalas@mbb.example")
    before = dict(options_on(client, contact_page(en)))
    Topic.objects.create(locale=tr, label="Yeni konu", sort_order=1)  # first in the list
    Topic.objects.get(locale=tr, label="Genel bilgi").delete()  # and one removed
    after = dict(options_on(client, contact_page(en)))
    assert after[nalas] == before[nalas] == "NALAS"
    assert after[topic_key("Diğer")] == "Other"

    response = client.post(contact_page(en).url, valid_answers(konu=nalas))
    assert response.status_code == 200
    inquiry = Inquiry.objects.get()
    assert (inquiry.topic, inquiry.topic_label) == (nalas, "NALAS")
    assert recipient_for(inquiry.topic) == "nalas@mbb.example"
    assert inquiry.emails.get(kind="notification").to_address == "nalas@mbb.example"


def test_english_follows_a_turkish_reordering_at_once(tr, en):
    Topic.objects.filter(locale=tr, label="Diğer").update(sort_order=1)
    assert labels(tr)[0] == "Diğer"
    assert labels(en)[0] == "Other"


def test_an_inquiry_keeps_the_label_shown_and_the_team_reads_the_turkish_name(client, en):
    client.post(contact_page(en).url, valid_answers(konu=topic_key("Genel bilgi")))
    inquiry = Inquiry.objects.get()
    assert inquiry.topic_label == "General enquiry"
    assert inquiry.topic_name == "Genel bilgi"
    assert dict(inquiry.get_answers())["Konu"] == "Genel bilgi"
    notification = inquiry.emails.get(kind="notification")
    assert notification.subject.startswith("İletişim formu: Genel bilgi")


def test_a_deleted_topic_still_shows_the_label_the_visitor_saw(client, en):
    client.post(contact_page(en).url, valid_answers(konu=topic_key("Genel bilgi")))
    Topic.objects.filter(translation_key=topic_key("Genel bilgi")).delete()
    inquiry = Inquiry.objects.get()
    assert inquiry.topic_name == "General enquiry"


@override_settings(CONTACT_DEFAULT_RECIPIENT="genel@mbb.example")
def test_a_topic_without_a_recipient_or_an_unknown_key_goes_to_the_general_address(tr):
    assert recipient_for(topic_key("Diğer")) == "genel@mbb.example"
    assert recipient_for("yerel-diplomasi") == "genel@mbb.example"  # a pre-topics slug
    assert recipient_for("") == "genel@mbb.example"


def test_a_label_pasted_with_line_breaks_is_stored_on_one_line(tr):
    topic = Topic.objects.create(locale=tr, label="Kardeş\r\nşehir  başvurusu\n")
    topic.refresh_from_db()
    assert topic.label == "Kardeş şehir başvurusu"


def test_the_contact_page_has_no_topic_text_left_to_translate(tr):
    """Saving the page used to turn the option list's line endings into CRLF, mark the
    English page out of date and show the translator raw <br/>: topics are not page text now."""
    page = contact_page(tr)
    strings = [getattr(segment, "string", None) for segment in extract_segments(page)]
    texts = [s.data for s in strings if s is not None]
    assert "Konu" in texts
    assert not [text for text in texts if "Genel bilgi" in text or "<br/>" in text]
    field = page.get_topic_field()
    assert field.field_type == "topic" and field.choices == ""


# Network topics -------------------------------------------------------------------------


def publish_network(tr, en, short_name="MedCities"):
    return NetworkPageFactory(
        title="Akdeniz Şehirleri Ağı", short_name=short_name, joined_year=2020, publish=True
    )


def test_a_network_published_in_turkish_becomes_a_topic_without_hand_edits(
    client, tr, en, django_capture_on_commit_callbacks
):
    page = publish_network(tr, en)
    topic = Topic.objects.get(locale=tr, network=page)
    assert topic.label == "MedCities"
    assert labels(tr)[-2:] == ["MedCities", "Diğer"]  # after the other networks
    assert "MedCities" in [label for _, label in options_on(client, contact_page(tr))]
    # Not in English until the network's English page is published.
    assert "MedCities" not in labels(en)

    from wagtail_localize.models import StringTranslation

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=en)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=en,
            context=segment.context,
            data=segment.string.data,
        )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(publish=True)
    english = topic.get_translation(en)
    assert english.label == "MedCities"
    assert TranslationSource.objects.get_for_instance_or_none(topic) is not None
    assert "MedCities" in labels(en)
    # The worker may come to it twice (a retry): still one translation.
    assert translate_network_topic.call(page.get_translation(en).pk) == "done"
    assert Topic.objects.filter(translation_key=topic.translation_key, locale=en).count() == 1


def test_the_english_topic_is_made_by_the_task_worker_not_in_the_publish(
    tr, en, django_capture_on_commit_callbacks
):
    page = NetworkPage.objects.get(locale=en, short_name="NALAS")
    topic = Topic.objects.get(locale=tr, label="NALAS")
    topic.get_translation(en).delete()
    with django_capture_on_commit_callbacks() as queued:
        page.save_revision().publish()
    assert topic.get_translation_or_none(en) is None
    for callback in queued:
        callback()  # after the commit: queued (the tests' task backend runs tasks at once)
    assert topic.get_translation(en).label == "NALAS"


def test_a_network_unpublished_before_the_worker_comes_gets_no_topic_translation(tr, en):
    page = NetworkPage.objects.get(locale=en, short_name="NALAS")
    page.unpublish()
    assert translate_network_topic.call(page.pk) == "gone"
    assert translate_network_topic.call(10**9) == "gone"  # deleted


def test_an_unpublished_network_leaves_the_topic_list(tr, en):
    page = NetworkPage.objects.get(locale=tr, short_name="NALAS")
    page.unpublish()
    assert "NALAS" not in labels(tr)
    assert "NALAS" in labels(en)  # the English page is still live
    page.save_revision().publish()
    assert "NALAS" in labels(tr)
    assert Topic.objects.filter(locale=tr, label="NALAS").count() == 1  # not created twice


def test_the_form_lists_network_topics_only_while_there_are_few(client, tr, en, settings):
    networks = NetworkPage.objects.filter(locale=tr).values_list("short_name", flat=True)
    general = [topic["label"] for topic in content.TOPICS]
    settings.CONTACT_NETWORK_TOPICS_LISTED = len(networks)
    assert set(networks) <= set(labels(tr))
    assert len(labels(tr)) == len(general) + len(networks)
    settings.CONTACT_NETWORK_TOPICS_LISTED = len(networks) - 1
    assert labels(tr) == general  # in their order; network inquiries go under "Yerel diplomasi"
    assert labels(en) == ["General enquiry", "Local diplomacy", "Other"]
    options = options_on(client, contact_page(tr))
    assert [label for _, label in options] == general
    # A network's key is no choice then: the form says so in the visitor's language.
    network_topic = Topic.objects.get(locale=tr, label="NALAS")
    answers = valid_answers(konu=str(network_topic.translation_key))
    response = client.post(contact_page(tr).url, answers)
    assert response.status_code == 200
    assert Inquiry.objects.count() == 0
    [error] = response.context["form"].errors["konu"]
    assert error == "Bu konu artık listede yok. Lütfen başka bir konu seçin."
    assert error in response.content.decode()
    forget_rate_limit()
    response = client.post(contact_page(en).url, answers)
    [error] = response.context["form"].errors["konu"]
    assert error == "That topic is no longer on the list. Please choose another."


# The data migration ---------------------------------------------------------------------


def test_the_data_migration_turns_the_old_dropdown_and_routes_into_topics(tr, en):
    migration = importlib.import_module("forms_app.migrations.0006_topics_from_the_topic_dropdown")
    turkish_field = contact_page(tr).get_topic_field()
    english_field = contact_page(en).get_topic_field()
    # The state before topics: options as text (CRLF, as the admin saved them), by position.
    FormField.objects.filter(pk=turkish_field.pk).update(
        field_type="dropdown", choices="Genel bilgi\r\nYerel diplomasi\r\nNALAS\r\nDiğer"
    )
    FormField.objects.filter(pk=english_field.pk).update(
        field_type="dropdown", choices="General enquiry\nLocal diplomacy\nNALAS"
    )
    Topic.objects.all().delete()
    old = Inquiry.objects.create(
        page=contact_page(en),
        form_data={"konu": "yerel-diplomasi", "mesajiniz": "Eski"},
        language="en",
        topic="yerel-diplomasi",
    )

    migration.convert_topic_fields(apps, {"nalas": "nalas@mbb.example"})

    assert labels(tr) == ["Genel bilgi", "Yerel diplomasi", "NALAS", "Diğer"]
    # The English field had no fourth option: "Diğer" waits for its translation.
    assert labels(en) == ["General enquiry", "Local diplomacy", "NALAS"]
    nalas = Topic.objects.get(locale=tr, label="NALAS")
    assert nalas.recipient == "nalas@mbb.example"
    assert nalas.network == NetworkPage.objects.get(locale=tr, short_name="NALAS")
    for field in (turkish_field, english_field):
        field.refresh_from_db()
        assert (field.field_type, field.choices) == ("topic", "")
    old.refresh_from_db()
    key = str(Topic.objects.get(locale=tr, label="Yerel diplomasi").translation_key)
    assert (old.topic, old.topic_label, old.form_data["konu"]) == (key, "Local diplomacy", key)
    assert Locale.objects.count() == 2
