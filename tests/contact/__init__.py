"""Helpers shared by the contact-form tests (tests/test_contact_*.py)."""

import email
import email.policy
import socket
import time
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from core.throttles import counters
from forms_app.forms import TOKEN_FIELD
from forms_app.models import ContactFormPage, Topic
from forms_app.spam import FormToken, RateLimiter

TURKISH_LETTERS = "ğüşıöçİĞÜŞÖÇ"


def contact_page(locale):
    return ContactFormPage.objects.get(locale=locale)


def filled_token(seconds_ago=10, page=None):
    """A form token as if the form had been shown `seconds_ago` seconds ago (with `page`'s
    privacy-notice version and consent wording; none without a page)."""
    return FormToken.issue(page=page, issued_at=time.time() - seconds_ago).signed


def topic_key(turkish_label):
    """The stable key (translation key) of a seeded topic, named by its Turkish label."""
    topic = Topic.objects.get(locale__language_code="tr", label=turkish_label)
    return str(topic.translation_key)


def valid_answers(**overrides):
    answers = {
        "adiniz_ve_soyadiniz": "Ayşe Yılmaz",
        "e_posta_adresiniz": "ayse@example.org",
        "kurumunuz": "Çanakkale İl Özel İdaresi",
        "konu": topic_key("Yerel diplomasi") if "konu" not in overrides else None,
        "mesajiniz": "Kardeş şehir başvurusu hakkında bilgi almak istiyorum: ğüşıöçİ.",
        TOKEN_FIELD: filled_token(),
    }
    answers.update(overrides)
    return {name: value for name, value in answers.items() if value is not None}


def forget_rate_limit(*addresses):
    for address in addresses or ("127.0.0.1",):
        counters.delete(RateLimiter(address).key)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CollectingHandler:
    """aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "message": email.message_from_bytes(envelope.content, policy=email.policy.default),
            }
        )
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(port=None):
    """A real SMTP server on 127.0.0.1; yields (handler, port)."""
    port = port or free_port()
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def smtp_settings(port):
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_TIMEOUT": 5,
        "DEFAULT_FROM_EMAIL": "MBB Web <web@mbb.example>",
    }


def text_of(message, subtype="plain"):
    part = message.get_body(preferencelist=(subtype,))
    return part.get_content().replace("\r\n", "\n") if part is not None else ""


def exported(client, file_format, **params):
    """The file of an inbox export as the handler gets it: the export page the list's
    Download button opens (with the list's filters), its Start button, then the download
    once the task has written the file (tests run tasks at once, after the commit)."""
    from urllib.parse import urlencode

    from django.test import TestCase
    from django.urls import reverse

    from forms_app.models import InquiryExport

    url = (
        reverse("forms_app_inquiry:export_create")
        + "?"
        + urlencode({**params, "format": file_format})
    )
    assert client.get(url).status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(url).status_code == 302
    export = InquiryExport.objects.latest("pk")
    assert export.state == InquiryExport.State.READY, export.error
    response = client.get(reverse("forms_app_inquiry:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)
