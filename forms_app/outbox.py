"""Sending the outbox through Django's mail API and task queue, with retries and backoff.

Every e-mail is a row in OutgoingEmail, written in the inquiry's transaction: the durable
record of what must go out and whether it went. Once the inquiry commits, one `send_email` task
per e-mail is queued (django-tasks; `manage.py db_worker` runs them outside any request, so a
hung mail server never holds a visitor). A failed attempt queues the next one for its retry
time (1, 2, 4 … at most 60 minutes later). A row is claimed before it is sent, so two workers,
or a worker and `manage.py send_queued_email`, never send the same e-mail twice. Failures are
logged and never reach the visitor.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, connection
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .records import OutgoingEmail

logger = logging.getLogger(__name__)

# How long a sender may hold a row before another one may try it (a crashed worker).
CLAIM_SECONDS = 300


def backoff(attempts):
    """Pause before the next try: base, 2×base, 4×base … capped."""
    base = settings.CONTACT_EMAIL_RETRY_BASE_SECONDS
    return timedelta(
        seconds=min(base * 2 ** max(attempts - 1, 0), settings.CONTACT_EMAIL_RETRY_MAX_SECONDS)
    )


def build_message(email, connection=None):
    headers = {
        "Message-ID": email.message_id,
        "Content-Language": email.language,
    }
    if email.kind == OutgoingEmail.Kind.CONFIRMATION:
        headers["Auto-Submitted"] = "auto-replied"  # RFC 3834: no auto-replies to this one
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_address],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def claim(email_id, ignore_backoff=False):
    """Take the row for sending; False if it is sent, not due, or another sender holds it."""
    now = timezone.now()
    available = Q(sent_at__isnull=True) & (Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    if not ignore_backoff:
        available &= Q(next_attempt_at__lte=now)
    updated = OutgoingEmail.objects.filter(available, pk=email_id).update(
        claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
    )
    return updated == 1


def deliver(email_id, connection=None, ignore_backoff=False):
    """Try to send one e-mail. True when sent now; never raises for a mail-server failure."""
    if not claim(email_id, ignore_backoff=ignore_backoff):
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        build_message(email, connection=connection).send(fail_silently=False)
    # Any failure (mail server, network, a backend's own error) must end as a retry with the
    # error recorded, never as a crashed worker that leaves the e-mail claimed.
    except Exception as error:  # noqa: BLE001
        attempts = email.attempts + 1
        retry_at = timezone.now() + backoff(attempts)
        OutgoingEmail.objects.filter(pk=email.pk).update(
            attempts=attempts,
            next_attempt_at=retry_at,
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        log = (
            logger.error
            if attempts >= settings.CONTACT_EMAIL_ALERT_AFTER_ATTEMPTS
            else logger.warning
        )
        log(
            "E-mail %s (%s, inquiry %s) not sent, attempt %s: %s. Next try at %s.",
            email.pk,
            email.kind,
            email.inquiry_id,
            attempts,
            error,
            retry_at.isoformat(),
        )
        schedule_retry(email.pk, retry_at)
        return False
    mark_sent(email.pk)
    logger.info("E-mail %s (%s, inquiry %s) sent.", email.pk, email.kind, email.inquiry_id)
    return True


def record_sent(email_id):
    OutgoingEmail.objects.filter(pk=email_id).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1, claimed_until=None, last_error=""
    )


def mark_sent(email_id):
    """The message has left: record it, waiting out a database outage while this sender's
    claim still holds. A record lost here would send the e-mail again once the claim expires."""
    deadline = time.monotonic() + CLAIM_SECONDS - 60
    pause = 1
    while True:
        try:
            record_sent(email_id)
            return
        except DatabaseError:
            if connection.in_atomic_block or time.monotonic() + pause > deadline:
                raise
            logger.warning(
                "E-mail %s sent, but the database did not record it; trying again in %s s.",
                email_id,
                pause,
            )
            connection.close()  # the next query opens a fresh connection
            time.sleep(pause)
            pause = min(pause * 2, 30)


def due_ids(ignore_backoff=False, limit=100):
    emails = OutgoingEmail.objects.filter(sent_at__isnull=True)
    if not ignore_backoff:
        emails = emails.filter(next_attempt_at__lte=timezone.now())
    ids = emails.order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    return list(ids if limit is None else ids[:limit])


def send_due(ignore_backoff=False, limit=100):
    """Send what is due; returns (sent, failed)."""
    ids = due_ids(ignore_backoff=ignore_backoff, limit=limit)
    if not ids:
        return 0, 0
    sent = failed = 0
    connection = get_connection(fail_silently=False)
    try:
        for email_id in ids:
            if deliver(email_id, connection=connection, ignore_backoff=ignore_backoff):
                sent += 1
            else:
                failed += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a connection that never opened
            logger.debug("Closing the mail connection failed.", exc_info=True)
    return sent, failed


# Below Wagtail's own tasks (search and reference index updates, priority 0): while a mail
# server hangs, each attempt holds the worker for EMAIL_TIMEOUT, and publishing should not wait.
@task(priority=-10)
def send_email(email_id):
    """One attempt at one e-mail, run by the task worker."""
    return "sent" if deliver(email_id) else "not sent"


def schedule_retry(email_id, retry_at):
    """Queue the next attempt for its time. Where the queue cannot defer (tests run tasks at
    once), or cannot be reached, `send_queued_email` retries due e-mails instead."""
    if not send_email.get_backend().supports_defer:
        return
    try:
        send_email.using(run_after=retry_at).enqueue(email_id)
    except Exception:
        logger.exception(
            "Could not queue the retry of e-mail %s; it stays in the outbox.", email_id
        )


def enqueue(email_ids):
    """Queue an attempt for each e-mail. Never raises: the rows stay in the outbox whatever
    happens, and `send_queued_email` sends what is due."""
    for email_id in email_ids:
        try:
            send_email.enqueue(email_id)
        except Exception:
            logger.exception("Could not queue e-mail %s; it stays in the outbox.", email_id)


def enqueue_emails_of_inquiry(inquiry_id):
    """The first attempt, queued right after the inquiry is committed."""
    try:
        email_ids = list(
            OutgoingEmail.objects.filter(inquiry_id=inquiry_id).values_list("pk", flat=True)
        )
    except Exception:
        logger.exception("Queueing the e-mails of inquiry %s failed; they stay queued.", inquiry_id)
        return
    enqueue(email_ids)
