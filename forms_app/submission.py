"""Storing an inquiry: the inquiry and its e-mails in one transaction, queued for sending after
commit."""

import hashlib
import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction

from .mail import queue_emails
from .models import Inquiry
from .outbox import enqueue_emails_of_inquiry

logger = logging.getLogger(__name__)


def submission_key(token, answers):
    """The same form view sent twice with the same answers gives the same key."""
    canonical = json.dumps(answers, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(f"{token.nonce}\n{canonical}".encode()).hexdigest()


def store_inquiry(page, form):
    answers = form.get_answers()
    topic_field = page.get_topic_field()
    topic = answers.get(topic_field.clean_name, "") if topic_field else ""
    consent_given = form.consent_given
    key = submission_key(form.token, answers)
    with transaction.atomic():
        try:
            with transaction.atomic():
                inquiry = Inquiry.objects.create(
                    page=page,
                    form_data=answers,
                    language=page.locale.language_code,
                    topic=topic if isinstance(topic, str) else "",
                    notice_version=page.privacy_notice_version,
                    consent_given=consent_given,
                    consent_text=page.consent_label if consent_given else "",
                    submission_key=key,
                )
        except IntegrityError:
            duplicate = Inquiry.objects.filter(submission_key=key).first()
            if duplicate is None:
                raise
            logger.info("Contact form sent twice; kept inquiry %s only.", duplicate.pk)
            return duplicate
        queue_emails(inquiry)
        # Only after the commit, and only queued: the inquiry is safe before anything talks to a
        # mail server, and the visitor never waits for one (the task worker sends).
        transaction.on_commit(lambda: enqueue_emails_of_inquiry(inquiry.pk))
    logger.info("Stored inquiry %s (%s, topic %r).", inquiry.pk, inquiry.language, topic)
    return inquiry
