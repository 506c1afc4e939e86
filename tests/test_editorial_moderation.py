"""Publishing goes through the "Moderation" workflow: editors submit, moderators approve."""

import pytest
from django.core import mail
from django.urls import reverse

from editorial.roles import MODERATORS, TASK_NAME, WORKFLOW_NAME
from editorial.testing import english_home, page_form_data, turkish_home
from home.models import StandardPage
from tests.factories import EditorFactory, ModeratorFactory

pytestmark = pytest.mark.django_db

SLUG = "kardes-sehir-haberleri"


@pytest.fixture
def editor():
    return EditorFactory()


@pytest.fixture
def moderator():
    return ModeratorFactory()


def new_page_form(client, **fields):
    url = f"/admin/pages/add/home/standardpage/{turkish_home().pk}/"
    data = page_form_data(
        client,
        url,
        title="Kardeş şehir haberleri",
        slug=SLUG,
        introduction="Kardeş şehir ilişkilerinden haberler.",
        **fields,
    )
    return url, data


def submit_new_page(client, editor, capture):
    client.force_login(editor)
    url, data = new_page_form(client, **{"action-submit": "Moderasyona gönder"})
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    return StandardPage.objects.get(slug=SLUG, locale__language_code="tr")


def act_on_task(client, moderator, page, action, capture, comment=""):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    with capture(execute=True):
        response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    return page


def test_both_language_homes_use_the_moderation_workflow_approved_by_moderators():
    for home in (turkish_home(), english_home()):
        workflow = home.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME
        (task,) = [task.specific for task in workflow.tasks]
        assert task.name == TASK_NAME
        assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_an_editor_cannot_publish_directly(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    url, data = new_page_form(client, **{"action-publish": "Yayınla"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    page = StandardPage.objects.filter(slug=SLUG, locale__language_code="tr").first()
    assert page is None or not page.live


def test_a_submitted_page_waits_for_a_moderator_who_is_emailed(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    page = submit_new_page(client, editor, django_capture_on_commit_callbacks)
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == TASK_NAME
    moderator_mail = [message for message in mail.outbox if moderator.email in message.to]
    assert moderator_mail, [message.to for message in mail.outbox]
    assert "Kardeş şehir haberleri" in moderator_mail[0].subject + moderator_mail[0].body
    assert not [message for message in mail.outbox if editor.email in message.to]


def test_a_moderator_approves_and_the_page_goes_live(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    page = submit_new_page(client, editor, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    page = act_on_task(client, moderator, page, "approve", django_capture_on_commit_callbacks)
    assert page.live
    assert not page.workflow_in_progress
    assert client.get("/tr/kardes-sehir-haberleri/").status_code == 200
    assert [message for message in mail.outbox if editor.email in message.to]


def test_a_moderator_rejects_and_the_page_stays_unpublished_with_the_editor_told(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    page = submit_new_page(client, editor, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    page = act_on_task(
        client,
        moderator,
        page,
        "reject",
        django_capture_on_commit_callbacks,
        comment="Başlığı kısaltın.",
    )
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    assert client.get("/tr/kardes-sehir-haberleri/").status_code == 404
    assert [message for message in mail.outbox if editor.email in message.to]


def test_an_editor_cannot_approve_their_own_page(
    client, editor, django_capture_on_commit_callbacks
):
    page = submit_new_page(client, editor, django_capture_on_commit_callbacks)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live
