"""Storing an inquiry: the inquiry and its e-mails in one transaction, queued for sending after
commit."""

import hashlib
import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction

from .mail import queue_emails
from .outbox import enqueue_emails_of_inquiry
from .records import Inquiry, UsedFormToken
from .spam import TokenAlreadyUsed

logger = logging.getLogger(__name__)


def submission_key(token, answers):
    """The same form view sent twice with the same answers gives the same key."""
    canonical = json.dumps(answers, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(f"{token.nonce}\n{canonical}".encode()).hexdigest()


def chosen_topic(page, form, answers):
    """(translation key, label shown) of the topic the visitor chose."""
    field = page.get_topic_field()
    key = answers.get(field.clean_name, "") if field else ""
    if not key or not isinstance(key, str):
        return "", ""
    labels = dict(form.fields[field.clean_name].choices)
    return key, str(labels.get(key, ""))


def store_inquiry(page, form):
    """Store the inquiry with what the visitor was shown (the token's notice version and
    consent wording). Raises TokenAlreadyUsed for a used token sent with other answers."""
    answers = form.get_answers()
    topic, topic_label = chosen_topic(page, form, answers)
    consent_given = form.consent_given
    key = submission_key(form.token, answers)
    with transaction.atomic():
        try:
            with transaction.atomic():
                form.token.mark_used()
                inquiry = Inquiry.objects.create(
                    page=page,
                    page_title=page.title,
                    form_data=answers,
                    language=page.locale.language_code,
                    topic=topic,
                    topic_label=topic_label,
                    notice_version=form.token.notice_version,
                    consent_given=consent_given,
                    consent_text=form.token.consent_text if consent_given else "",
                    submission_key=key,
                )
        except IntegrityError:
            duplicate = Inquiry.objects.filter(submission_key=key).first()
            if duplicate is not None:
                logger.info("Contact form sent twice; kept inquiry %s only.", duplicate.pk)
                return duplicate
            if UsedFormToken.objects.filter(nonce=form.token.nonce).exists():
                raise TokenAlreadyUsed from None  # another request used it a moment ago
            raise
        queue_emails(inquiry)
        # Only after the commit, and only queued: the inquiry is safe before anything talks to a
        # mail server, and the visitor never waits for one (the task worker sends).
        transaction.on_commit(lambda: enqueue_emails_of_inquiry(inquiry.pk))
    logger.info("Stored inquiry %s (%s, topic %r).", inquiry.pk, inquiry.language, topic)
    return inquiry
