"""Wagtail's own background tasks go through the same queue as the e-mails: publishing queues
the search index update, and the worker (manage.py db_worker) applies it."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORD = "zeytinyağlıkuşkonmaz"


def found(page):
    return page.pk in [p.pk for p in NetworkPage.objects.live().search(WORD)]


@override_settings(TASKS=DATABASE_QUEUE)
def test_publishing_queues_the_search_index_update_for_the_worker(tr, monkeypatch):
    monkeypatch.setattr(  # the worker's connection housekeeping would end the test's transaction
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    page = NetworkPage.objects.filter(locale=tr).first()
    page.title = f"{page.title} {WORD}"
    page.save_revision().publish()

    queued = set(DBTaskResult.objects.ready().values_list("task_path", flat=True))
    assert "modelsearch.tasks.insert_or_update_object_task" in queued
    assert not found(page)  # nothing indexed inside the request

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert found(page)
    assert not DBTaskResult.objects.ready().exists()
