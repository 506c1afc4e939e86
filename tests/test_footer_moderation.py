"""The footer goes through moderation like a page: an editor's change is a draft until a
moderator approves it, and the public site shows only the live version."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from core.models import ContactDetails
from editorial.roles import WORKFLOW_NAME
from editorial.testing import rendered_form_data
from home.models import WorkAreaPage
from tests.factories import EditorFactory, ModeratorFactory, TranslatorFactory

pytestmark = pytest.mark.django_db

NEW_NOTE = "Hafta içi 09.00–18.00 arasında bize ulaşabilirsiniz."


@pytest.fixture
def editor():
    return EditorFactory(language="tr")


@pytest.fixture
def moderator():
    return ModeratorFactory(language="tr")


@pytest.fixture
def page_cache_on(settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def turkish_footer():
    return ContactDetails.objects.get(locale__language_code="tr")


def edit_url(footer):
    return reverse("wagtailsnippets_core_contactdetails:edit", args=[footer.pk])


def footer_form_data(client, footer, **fields):
    """The footer's edit form as the admin renders it, with `fields` filled in."""
    response = client.get(edit_url(footer))
    assert response.status_code == 200, response
    document = BeautifulSoup(response.content, "html5lib")
    form = next(f for f in document.find_all("form") if f.find(attrs={"name": "organisation"}))
    data = rendered_form_data(form)
    data.update(fields)
    return data


def public_footer_text(url):
    """The footer as an anonymous visitor sees it (through the page cache when it is on)."""
    response = Client().get(url)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html5lib").find("footer")
    return " ".join(footer.get_text(" ").split()), response


def save(client, user, capture, **fields):
    client.force_login(user)
    footer = turkish_footer()
    data = footer_form_data(client, footer, note=NEW_NOTE, **fields)
    with capture(execute=True):
        response = client.post(edit_url(footer), data)
    assert response.status_code == 302, response.content[:3000]
    return turkish_footer()


def approve(client, moderator, footer, capture):
    client.force_login(moderator)
    task_state = footer.current_workflow_task_state
    assert task_state is not None
    url = reverse(
        "wagtailsnippets_core_contactdetails:workflow_action",
        args=[footer.pk, "approve", task_state.pk],
    )
    with capture(execute=True):
        response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content[:2000]


def test_the_footer_uses_the_pages_moderation_workflow():
    workflow = turkish_footer().get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME


def test_only_moderators_may_publish_the_footer():
    assert ModeratorFactory().has_perm("core.publish_contactdetails")
    assert not EditorFactory().has_perm("core.publish_contactdetails")
    assert not TranslatorFactory().has_perm("core.publish_contactdetails")


def test_an_editors_save_is_a_draft_the_public_does_not_see(
    client, editor, django_capture_on_commit_callbacks
):
    url = WorkAreaPage.objects.get(locale__language_code="tr").url
    footer = save(client, editor, django_capture_on_commit_callbacks)
    assert footer.has_unpublished_changes
    assert footer.latest_revision.content["note"] == NEW_NOTE
    assert footer.note != NEW_NOTE  # the live row keeps the published text
    text, _ = public_footer_text(url)
    assert NEW_NOTE not in text


def test_an_editors_publish_is_refused(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    footer = turkish_footer()
    document = BeautifulSoup(client.get(edit_url(footer)).content, "html5lib")
    assert document.find(attrs={"name": "action-publish"}) is None
    data = footer_form_data(client, footer, note=NEW_NOTE, **{"action-publish": "action-publish"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(footer), data)
    assert turkish_footer().note != NEW_NOTE


@pytest.mark.usefixtures("page_cache_on")
def test_the_footer_goes_live_when_a_moderator_approves_it(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    url = WorkAreaPage.objects.get(locale__language_code="tr").url
    public_footer_text(url)  # now cached
    footer = save(
        client, editor, django_capture_on_commit_callbacks, **{"action-submit": "action-submit"}
    )
    assert footer.workflow_in_progress
    text, response = public_footer_text(url)
    assert NEW_NOTE not in text and response["X-Cache"] == "HIT"

    approve(client, moderator, footer, django_capture_on_commit_callbacks)

    footer = turkish_footer()
    assert footer.note == NEW_NOTE and not footer.has_unpublished_changes
    text, response = public_footer_text(url)
    assert response["X-Cache"] == "MISS"  # the publish retired the cached page
    assert NEW_NOTE in text


def test_a_new_footer_that_is_not_yet_published_is_not_shown(client, tr):
    ContactDetails.objects.filter(locale=tr).update(live=False)
    text, _ = public_footer_text(WorkAreaPage.objects.get(locale=tr).url)
    assert "Sarıdemir" not in text
