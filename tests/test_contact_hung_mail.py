"""A mail server that accepts connections and never answers must not stall the contact form:
the POST stores the inquiry and queues its e-mails (django-tasks, database backend); the task
worker sends them once the server answers, each exactly once."""

import time
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from forms_app import outbox
from forms_app.models import Inquiry, OutgoingEmail
from tests.contact import contact_page, forget_rate_limit, smtp_server, smtp_settings, valid_answers
from tests.hanging import hanging_listener
from tests.test_production import good_env, run_python

pytestmark = pytest.mark.django_db

VISITORS = 20
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


@pytest.fixture
def worker(monkeypatch):
    """Runs `manage.py db_worker --batch` in this test's transaction: the worker's own
    connection housekeeping would close the connection that holds the test's data."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run(*extra):
        call_command("db_worker", "--batch", "--no-startup-delay", *extra, verbosity=0)

    return run


def send_to_queue(client, page, capture, number):
    answers = valid_answers(
        adiniz_ve_soyadiniz=f"Ziyaretçi {number}", e_posta_adresiniz=f"z{number}@example.org"
    )
    started = time.monotonic()
    with capture(execute=True):
        response = client.post(page.url, answers)
    return response, time.monotonic() - started


@override_settings(TASKS=DATABASE_QUEUE, CONTACT_RATE_LIMIT=1000)
def test_with_a_hung_mail_server_twenty_posts_answer_at_once_and_every_email_goes_out_later(
    client, tr, django_capture_on_commit_callbacks, worker
):
    page = contact_page(tr)
    connections = []
    with (
        hanging_listener(held=connections) as hung_port,
        override_settings(**smtp_settings(hung_port)),
    ):
        # The first request of a process loads templates and translations: not the mail's doing.
        send_to_queue(client, page, django_capture_on_commit_callbacks, VISITORS)
        answers = [
            send_to_queue(client, page, django_capture_on_commit_callbacks, n)
            for n in range(VISITORS)
        ]
        for response, seconds in answers:
            assert response.status_code == 200
            assert "Mesajınız bize ulaştı." in response.content.decode()
            # A POST that waited for the mail server would wait EMAIL_TIMEOUT (5 s).
            assert seconds < 5, f"a POST waited {seconds:.1f} s for the mail server"
        # No request even opened a connection to it: the e-mails wait for the worker.
        assert connections == []
        # Nothing lost: every inquiry and both of its e-mails are stored, each e-mail queued.
        assert Inquiry.objects.count() == VISITORS + 1
        assert OutgoingEmail.objects.filter(sent_at=None, attempts=0).count() == 2 * (VISITORS + 1)
        assert DBTaskResult.objects.ready().count() == 2 * (VISITORS + 1)

        # The worker tries one against the hung server: it gives up after EMAIL_TIMEOUT and
        # queues the next attempt for the retry time.
        with override_settings(EMAIL_TIMEOUT=1):
            worker("--max-tasks", "1")
        failed = OutgoingEmail.objects.get(attempts=1)
        assert failed.sent_at is None
        assert "timed out" in failed.last_error
        retry = DBTaskResult.objects.exclude(run_after=get_date_max()).get()
        assert retry.status == "READY"
        assert retry.run_after == failed.next_attempt_at > timezone.now()

    with smtp_server() as (handler, port), override_settings(**smtp_settings(port)):
        worker()  # the queued first attempts
        assert len(handler.messages) == 2 * (VISITORS + 1) - 1
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        OutgoingEmail.objects.filter(pk=failed.pk).update(next_attempt_at=timezone.now())
        worker()  # the retry, now due
        # Sending everything again changes nothing: each e-mail went out exactly once.
        worker()
        call_command("send_queued_email", "--now", verbosity=0)
        recipients = [message["to"][0] for message in handler.messages]
    assert len(recipients) == 2 * (VISITORS + 1)
    assert {f"z{n}@example.org" for n in range(VISITORS + 1)} <= set(recipients)
    assert len({r for r in recipients if r.startswith("z")}) == VISITORS + 1
    assert not OutgoingEmail.objects.filter(sent_at=None).exists()


@override_settings(TASKS=DATABASE_QUEUE)
def test_unsent_emails_can_be_handed_to_the_worker_after_an_outage(
    client, tr, django_capture_on_commit_callbacks, worker
):
    with hanging_listener() as hung_port, override_settings(**smtp_settings(hung_port)):
        send_to_queue(client, contact_page(tr), django_capture_on_commit_callbacks, 1)
    DBTaskResult.objects.all().delete()  # say the worker's queue was lost
    call_command("send_queued_email", "--enqueue", "--now", verbosity=0)
    with smtp_server() as (handler, port), override_settings(**smtp_settings(port)):
        worker()
    assert sorted(m["to"][0] for m in handler.messages) == sorted(
        OutgoingEmail.objects.values_list("to_address", flat=True)
    )


@override_settings(TASKS=DATABASE_QUEUE)
def test_an_email_sent_while_the_database_drops_out_is_recorded_when_it_is_back_not_sent_again(
    client, tr, django_capture_on_commit_callbacks, monkeypatch
):
    send_to_queue(client, contact_page(tr), django_capture_on_commit_callbacks, 1)
    email = OutgoingEmail.objects.first()
    record, lost = outbox.record_sent, []

    def database_gone_once(email_id):
        if not lost:
            lost.append(email_id)
            raise OperationalError("server closed the connection unexpectedly")
        record(email_id)

    pauses = []
    monkeypatch.setattr("forms_app.outbox.record_sent", database_gone_once)
    monkeypatch.setattr("forms_app.outbox.time.sleep", pauses.append)
    # As in the worker, outside a transaction (the test's own would end with the error).
    monkeypatch.setattr(
        "forms_app.outbox.connection", SimpleNamespace(in_atomic_block=False, close=lambda: None)
    )
    with smtp_server() as (handler, port), override_settings(**smtp_settings(port)):
        assert outbox.deliver(email.pk) is True
        email.refresh_from_db()
        assert email.sent_at is not None and email.claimed_until is None
        call_command("send_queued_email", "--now", verbosity=0)  # sends the other one only
        assert sorted(m["to"][0] for m in handler.messages) == sorted(
            OutgoingEmail.objects.values_list("to_address", flat=True)
        )
    assert lost == [email.pk] and pauses == [1]


QUEUE_BACKEND = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.TASKS['default']['BACKEND'])"
)


@pytest.mark.parametrize("settings_module", ["mbbcms.settings.production", "mbbcms.settings.dev"])
def test_outside_tests_tasks_go_to_the_database_queue_not_inline(settings_module, tmp_path):
    result = run_python(
        QUEUE_BACKEND,
        DJANGO_SETTINGS_MODULE=settings_module,
        **good_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend"
