"""The two e-mails of an inquiry, written into the outbox with the inquiry.

The notification goes to the topic's recipient in the team's language, with the visitor as
Reply-To. The confirmation goes to the visitor in the language they used. It quotes none of
the visitor's text (not even the name: only the reference number and the topic), and an
address gets at most CONTACT_CONFIRMATIONS_PER_ADDRESS a day: the form must not become a
way to send text of one's choosing, or many e-mails, to a stranger.
"""

import re
import uuid
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from .records import Inquiry, OutgoingEmail
from .topics import recipient_for


def one_line(text, limit=120):
    """Visitor text that ends up in a header: no line breaks, bounded length."""
    return re.sub(r"\s+", " ", str(text)).strip()[:limit]


def mailbox(name, address):
    """'Name <address>' when the name can be encoded safely, the bare address otherwise."""
    if name:
        candidate = formataddr((one_line(name, 80), address))
        try:
            sanitize_address(candidate, "utf-8")
            return candidate
        except (ValueError, IndexError):
            pass
    return address


def new_message_id():
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"


def admin_url(inquiry):
    path = reverse("forms_app_inquiry:inspect", args=[inquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def compose_notification(inquiry):
    language = settings.CONTACT_TEAM_LANGUAGE
    with translation.override(language):
        context = {
            "inquiry": inquiry,
            "answers": inquiry.get_answers(),
            "language_name": inquiry.get_language_display(),
            "topic": inquiry.topic_name,
            "submit_time": timezone.localtime(inquiry.submit_time),
            "admin_url": admin_url(inquiry),
        }
        subject = gettext("Contact form: %(topic)s (%(sender)s)") % {
            "topic": one_line(inquiry.topic_name or gettext("no topic"), 80),
            "sender": one_line(inquiry.sender_name or inquiry.sender_email, 80),
        }
        return {
            "kind": OutgoingEmail.Kind.NOTIFICATION,
            "language": language,
            "to_address": recipient_for(inquiry.topic),
            "reply_to": mailbox(inquiry.sender_name, inquiry.sender_email)
            if inquiry.sender_email
            else "",
            "subject": subject,
            "body_text": render_to_string("emails/contact_notification.txt", context),
            "body_html": render_to_string("emails/contact_notification.html", context),
        }


def compose_confirmation(inquiry):
    page = inquiry.page.specific if inquiry.page_id else None
    notice_page = page.get_privacy_notice_page() if page else None
    with translation.override(inquiry.language):
        context = {
            "inquiry": inquiry,
            # The label of one of our own topics, as the visitor saw it: not their text.
            "topic": inquiry.topic_label,
            "submit_time": timezone.localtime(inquiry.submit_time),
            "page_url": page.get_full_url() if page else "",
            "notice_url": notice_page.get_full_url() if notice_page else "",
            "organisation": gettext("Marmara Municipalities Union"),
        }
        subject = gettext("We have received your message – %(organisation)s") % {
            "organisation": context["organisation"]
        }
        return {
            "kind": OutgoingEmail.Kind.CONFIRMATION,
            "language": inquiry.language,
            "to_address": inquiry.sender_email,
            "reply_to": recipient_for(inquiry.topic),
            "subject": subject,
            "body_text": render_to_string("emails/contact_confirmation.txt", context),
            "body_html": render_to_string("emails/contact_confirmation.html", context),
        }


def may_confirm_to(address):
    """Fewer than CONTACT_CONFIRMATIONS_PER_ADDRESS confirmations to this address in the past
    day. Counted from the stored inquiries, so it holds across replicas and cache outages."""
    since = timezone.now() - timedelta(days=1)
    recent = Inquiry.objects.filter(confirmation_to=address.lower(), submit_time__gte=since)
    return recent.count() < settings.CONTACT_CONFIRMATIONS_PER_ADDRESS


def queue_emails(inquiry):
    """Write the inquiry's e-mails to the outbox (call inside the inquiry's transaction).
    Beyond the daily limit for its address, the visitor's confirmation is left out; the
    inquiry is stored and the team notified all the same."""
    messages = [compose_notification(inquiry)]
    address = inquiry.sender_email
    if address and may_confirm_to(address):
        Inquiry.objects.filter(pk=inquiry.pk).update(confirmation_to=address.lower())
        messages.append(compose_confirmation(inquiry))
    now = timezone.now()
    return [
        OutgoingEmail.objects.create(
            inquiry=inquiry, message_id=new_message_id(), next_attempt_at=now, **message
        )
        for message in messages
    ]
