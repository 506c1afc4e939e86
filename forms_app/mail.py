"""The two e-mails of an inquiry, written into the outbox with the inquiry.

The notification goes to the topic's recipient in the team's language, with the visitor as
Reply-To. The confirmation goes to the visitor in the language they used. It does not repeat
the message: the form must not become a way to send text of one's choosing to a stranger.
"""

import re
import uuid
from email.utils import formataddr

from django.conf import settings
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from .models import OutgoingEmail
from .routing import recipient_for


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
            "topic": inquiry.topic_label,
            "submit_time": timezone.localtime(inquiry.submit_time),
            "admin_url": admin_url(inquiry),
        }
        subject = gettext("Contact form: %(topic)s (%(sender)s)") % {
            "topic": one_line(inquiry.topic_label or gettext("no topic"), 80),
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
    page = inquiry.page.specific
    topic_field = page.get_topic_field()
    topic_label = (
        topic_field.get_choice_labels().get(inquiry.topic, "")
        if topic_field and inquiry.topic
        else ""
    )
    notice_page = page.get_privacy_notice_page()
    with translation.override(inquiry.language):
        context = {
            "inquiry": inquiry,
            "name": one_line(inquiry.sender_name, 200),
            "topic": topic_label,
            "submit_time": timezone.localtime(inquiry.submit_time),
            "page_url": page.get_full_url(),
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


def queue_emails(inquiry):
    """Write the inquiry's e-mails to the outbox (call inside the inquiry's transaction)."""
    messages = [compose_notification(inquiry)]
    if inquiry.sender_email:
        messages.append(compose_confirmation(inquiry))
    now = timezone.now()
    return [
        OutgoingEmail.objects.create(
            inquiry=inquiry, message_id=new_message_id(), next_attempt_at=now, **message
        )
        for message in messages
    ]
