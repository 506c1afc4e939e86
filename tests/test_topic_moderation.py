"""The contact form's topics go through moderation like the footer: an editor's change is a
draft until a moderator approves it, and the public form offers only live topics with their
live labels. Network topics, which follow the moderated directory, are created live."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from editorial.roles import WORKFLOW_NAME
from editorial.testing import rendered_form_data
from forms_app.models import Topic
from tests.contact import contact_page, topic_key
from tests.factories import EditorFactory, ModeratorFactory, NetworkPageFactory, TranslatorFactory

pytestmark = pytest.mark.django_db

OLD_LABEL = "Yerel diplomasi"
NEW_LABEL = "Yerel diplomasi ve kardeş şehirler"


@pytest.fixture
def editor():
    return EditorFactory(language="tr")


@pytest.fixture
def moderator():
    return ModeratorFactory(language="tr")


@pytest.fixture
def page_cache_on(settings):
    """With the cache on, the contact form's class is kept until the next publish."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def turkish_topic(label=OLD_LABEL):
    return Topic.objects.get(translation_key=topic_key(label), locale__language_code="tr")


def edit_url(topic):
    return reverse("wagtailsnippets_forms_app_topic:edit", args=[topic.pk])


def topic_form_data(client, topic, **fields):
    """The topic's edit form as the admin renders it, with `fields` filled in."""
    response = client.get(edit_url(topic))
    assert response.status_code == 200, response
    document = BeautifulSoup(response.content, "html5lib")
    form = next(f for f in document.find_all("form") if f.find(attrs={"name": "label"}))
    data = rendered_form_data(form)
    data.update(fields)
    return data


def public_topic_labels(language="tr"):
    """The topic dropdown's labels as an anonymous visitor sees the contact form."""
    response = Client().get(contact_page(Locale.objects.get(language_code=language)).url)
    assert response.status_code == 200
    select = BeautifulSoup(response.content, "html5lib").find("select", attrs={"name": "konu"})
    return [option.get_text(strip=True) for option in select.find_all("option") if option["value"]]


def save(client, user, capture, **fields):
    client.force_login(user)
    topic = turkish_topic()
    data = topic_form_data(client, topic, label=NEW_LABEL, **fields)
    with capture(execute=True):
        response = client.post(edit_url(topic), data)
    assert response.status_code == 302, response.content[:3000]
    return Topic.objects.get(pk=topic.pk)


def approve(client, moderator, topic, capture):
    client.force_login(moderator)
    task_state = topic.current_workflow_task_state
    assert task_state is not None
    url = reverse(
        "wagtailsnippets_forms_app_topic:workflow_action",
        args=[topic.pk, "approve", task_state.pk],
    )
    with capture(execute=True):
        response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content[:2000]


def test_topics_use_the_pages_moderation_workflow():
    workflow = turkish_topic().get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME


def test_only_moderators_may_publish_a_topic():
    assert ModeratorFactory().has_perm("forms_app.publish_topic")
    assert not EditorFactory().has_perm("forms_app.publish_topic")
    assert not TranslatorFactory().has_perm("forms_app.publish_topic")


def test_existing_topics_are_live():
    assert not Topic.objects.filter(live=False).exists()
    assert OLD_LABEL in public_topic_labels()


def test_an_editors_save_is_a_draft_the_public_form_does_not_show(
    client, editor, django_capture_on_commit_callbacks
):
    topic = save(client, editor, django_capture_on_commit_callbacks)
    assert topic.has_unpublished_changes
    assert topic.latest_revision.content["label"] == NEW_LABEL
    assert topic.label == OLD_LABEL  # the live row keeps the published label
    labels = public_topic_labels()
    assert OLD_LABEL in labels and NEW_LABEL not in labels


def test_an_editors_publish_is_refused(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    topic = turkish_topic()
    document = BeautifulSoup(client.get(edit_url(topic)).content, "html5lib")
    assert document.find(attrs={"name": "action-publish"}) is None
    data = topic_form_data(client, topic, label=NEW_LABEL, **{"action-publish": "action-publish"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(topic), data)
    assert turkish_topic().label == OLD_LABEL
    assert NEW_LABEL not in public_topic_labels()


def test_a_new_topic_from_an_editor_is_not_offered_until_approved(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_forms_app_topic:add") + "?locale=tr"
    response = client.get(add_url)
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_url, {"label": "Kardeş şehirler", "sort_order": "15"})
    assert response.status_code == 302, response.content[:3000]
    topic = Topic.objects.get(label="Kardeş şehirler")
    assert not topic.live
    assert "Kardeş şehirler" not in public_topic_labels()


@pytest.mark.usefixtures("page_cache_on")
def test_the_new_label_goes_live_when_a_moderator_approves_it(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    assert OLD_LABEL in public_topic_labels()  # the form class is now kept until a publish
    topic = save(
        client, editor, django_capture_on_commit_callbacks, **{"action-submit": "action-submit"}
    )
    assert topic.workflow_in_progress
    assert NEW_LABEL not in public_topic_labels()

    approve(client, moderator, topic, django_capture_on_commit_callbacks)

    topic = Topic.objects.get(pk=topic.pk)
    assert topic.label == NEW_LABEL and not topic.has_unpublished_changes
    labels = public_topic_labels()
    assert NEW_LABEL in labels and OLD_LABEL not in labels


@pytest.mark.usefixtures("page_cache_on")
def test_an_unpublished_topic_is_not_offered(django_capture_on_commit_callbacks):
    assert OLD_LABEL in public_topic_labels()  # kept until a publish
    with django_capture_on_commit_callbacks(execute=True):
        turkish_topic().unpublish()
    assert OLD_LABEL not in public_topic_labels()


def test_a_network_topic_created_on_publish_is_live_in_both_languages(
    tr, en, django_capture_on_commit_callbacks
):
    from forms_app.topics import translate_topic

    with django_capture_on_commit_callbacks(execute=True):
        page = NetworkPageFactory(
            title="Akdeniz Şehirleri Ağı", short_name="MedCities", publish=True
        )
    topic = Topic.objects.get(locale=tr, network=page)
    assert topic.live and topic.live_revision is not None and not topic.has_unpublished_changes
    assert "MedCities" in public_topic_labels("tr")

    with django_capture_on_commit_callbacks(execute=True):
        english = translate_topic(topic, en, {"MedCities": "MedCities"})
    assert english.live


def test_only_moderators_may_delete_a_topic(client, editor):
    assert ModeratorFactory().has_perm("forms_app.delete_topic")
    assert not editor.has_perm("forms_app.delete_topic")
    topic = turkish_topic()
    client.force_login(editor)
    client.post(f"/admin/snippets/forms_app/topic/delete/{topic.pk}/")
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert OLD_LABEL in public_topic_labels()
