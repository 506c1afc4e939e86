"""E-mail through a real SMTP server on 127.0.0.1: notification, confirmation, routing, and
nothing lost while the mail server is down."""

import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from forms_app.models import Inquiry, OutgoingEmail, Topic
from forms_app.outbox import claim, deliver
from tests.contact import (
    contact_page,
    forget_rate_limit,
    free_port,
    smtp_server,
    smtp_settings,
    text_of,
    topic_key,
    valid_answers,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


@pytest.fixture
def smtp():
    with smtp_server() as (handler, port), override_settings(**smtp_settings(port)):
        yield handler


def submit(client, page, capture, **answers):
    with capture(execute=True):
        response = client.post(page.url, valid_answers(**answers))
    assert response.status_code == 200
    return response


def by_recipient(handler):
    return {message["to"][0]: message["message"] for message in handler.messages}


@override_settings(CONTACT_DEFAULT_RECIPIENT="iletisim@mbb.example")
def test_the_team_and_the_visitor_both_receive_their_email(
    client, tr, smtp, django_capture_on_commit_callbacks
):
    submit(
        client, contact_page(tr), django_capture_on_commit_callbacks, konu=topic_key("Genel bilgi")
    )
    received = by_recipient(smtp)
    assert set(received) == {"iletisim@mbb.example", "ayse@example.org"}

    notification = received["iletisim@mbb.example"]
    assert notification["From"] == "MBB Web <web@mbb.example>"
    assert notification["Reply-To"] == "Ayşe Yılmaz <ayse@example.org>"
    assert notification["Content-Language"] == "tr"
    assert notification["Message-ID"]
    assert notification["Subject"].strip() == "İletişim formu: Genel bilgi (Ayşe Yılmaz)"
    body = text_of(notification)
    assert notification.get_body(("plain",)).get_content_charset() == "utf-8"
    assert "Kardeş şehir başvurusu hakkında bilgi almak istiyorum: ğüşıöçİ." in body
    assert "Kurumunuz:\nÇanakkale İl Özel İdaresi" in body
    assert "Dil: Türkçe" in body
    assert "/admin/" in body

    confirmation = received["ayse@example.org"]
    assert confirmation["Subject"].strip() == "Mesajınızı aldık – Marmara Belediyeler Birliği"
    assert confirmation["Content-Language"] == "tr"
    assert confirmation["Auto-Submitted"] == "auto-replied"
    assert confirmation["Reply-To"] == "iletisim@mbb.example"
    confirmation_text = text_of(confirmation)
    assert confirmation_text.startswith("Merhaba,")
    assert "Konu: Genel bilgi" in confirmation_text
    assert "ğüşıöçİ" not in confirmation_text  # the message itself is not echoed
    assert "Ayşe" not in confirmation_text  # nor the name: nothing the visitor typed
    assert all(email.sent_at for email in OutgoingEmail.objects.all())


def test_an_english_visitor_gets_an_english_confirmation_and_the_team_a_turkish_notice(
    client, en, smtp, django_capture_on_commit_callbacks
):
    submit(client, contact_page(en), django_capture_on_commit_callbacks, konu=topic_key("ALDA"))
    received = by_recipient(smtp)
    confirmation = received["ayse@example.org"]
    assert (
        confirmation["Subject"].strip()
        == "We have received your message – Marmara Municipalities Union"
    )
    assert confirmation["Content-Language"] == "en"
    text = text_of(confirmation)
    assert text.startswith("Hello,")
    assert "Ayşe" not in text
    assert "Topic: ALDA" in text
    assert "/en/privacy-notice/" in text
    [notification] = [m for to, m in received.items() if to != "ayse@example.org"]
    assert notification["Content-Language"] == "tr"
    assert "Dil: English" in text_of(notification)


def set_recipient(turkish_label, address):
    Topic.objects.filter(translation_key=topic_key(turkish_label)).update(recipient=address)


def test_each_topic_goes_to_its_own_recipient(
    client, tr, en, smtp, django_capture_on_commit_callbacks
):
    set_recipient("Yerel diplomasi", "diplomasi@mbb.example")
    set_recipient("NALAS", "nalas@mbb.example")
    submit(
        client,
        contact_page(tr),
        django_capture_on_commit_callbacks,
        konu=topic_key("Yerel diplomasi"),
    )
    forget_rate_limit()
    submit(client, contact_page(en), django_capture_on_commit_callbacks, konu=topic_key("NALAS"))
    recipients = {m["to"][0] for m in smtp.messages} - {"ayse@example.org"}
    assert recipients == {"diplomasi@mbb.example", "nalas@mbb.example"}


@override_settings(CONTACT_DEFAULT_RECIPIENT="genel@mbb.example")
def test_a_topic_without_a_route_goes_to_the_default_recipient(
    client, en, smtp, django_capture_on_commit_callbacks
):
    set_recipient("Yerel diplomasi", "diplomasi@mbb.example")
    submit(client, contact_page(en), django_capture_on_commit_callbacks, konu=topic_key("Diğer"))
    assert "genel@mbb.example" in by_recipient(smtp)


def test_markup_in_the_message_is_escaped_in_the_html_email_and_plain_in_the_text(
    client, tr, smtp, django_capture_on_commit_callbacks
):
    submit(
        client,
        contact_page(tr),
        django_capture_on_commit_callbacks,
        mesajiniz=SCRIPT,
        adiniz_ve_soyadiniz="<b>Ayşe</b>",
    )
    notification = next(m["message"] for m in smtp.messages if m["to"] != ["ayse@example.org"])
    assert SCRIPT in text_of(notification)
    html = text_of(notification, "html")
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Ayşe</b>" not in html


def test_a_line_break_in_the_name_cannot_inject_headers(
    client, tr, smtp, django_capture_on_commit_callbacks
):
    submit(
        client,
        contact_page(tr),
        django_capture_on_commit_callbacks,
        adiniz_ve_soyadiniz="Ayşe\r\nBcc: kurban@example.org",
    )
    assert len(smtp.messages) == 2
    for message in smtp.messages:
        assert "kurban@example.org" not in message["to"]
        assert message["message"]["Bcc"] is None


def test_with_the_mail_server_down_the_inquiry_is_kept_and_delivered_later(
    client, tr, django_capture_on_commit_callbacks, caplog
):
    port = free_port()  # nothing listens here yet
    with override_settings(**smtp_settings(port)), caplog.at_level(logging.WARNING):
        response = submit(client, contact_page(tr), django_capture_on_commit_callbacks)
        assert "Mesajınız bize ulaştı." in response.content.decode()
        inquiry = Inquiry.objects.get()
        queued = list(OutgoingEmail.objects.filter(inquiry=inquiry))
        assert len(queued) == 2
        assert all(e.sent_at is None and e.attempts == 1 for e in queued)
        assert all("Connection refused" in e.last_error or "Errno" in e.last_error for e in queued)
        assert all(e.next_attempt_at > timezone.now() for e in queued)
        assert "not sent, attempt 1" in caplog.text

        with smtp_server(port) as (handler, _):
            # Not yet due: the worker respects the pause between attempts.
            call_command("send_queued_email", verbosity=0)
            assert handler.messages == []
            # The pause is over: the worker delivers both.
            OutgoingEmail.objects.update(next_attempt_at=timezone.now())
            call_command("send_queued_email", verbosity=0)
            assert sorted(m["to"][0] for m in handler.messages) == sorted(
                e.to_address for e in queued
            )
            # Once sent, never again.
            call_command("send_queued_email", "--now", verbosity=0)
            assert len(handler.messages) == 2
    assert all(e.sent_at for e in OutgoingEmail.objects.all())


def test_the_worker_can_retry_at_once_after_the_server_is_repaired(
    client, en, django_capture_on_commit_callbacks
):
    port = free_port()
    with override_settings(**smtp_settings(port)):
        submit(client, contact_page(en), django_capture_on_commit_callbacks)
        with smtp_server(port) as (handler, _):
            call_command("send_queued_email", "--now", verbosity=0)
            assert len(handler.messages) == 2


def test_retries_back_off_until_sent(client, tr, django_capture_on_commit_callbacks):
    port = free_port()
    with override_settings(**smtp_settings(port)):
        submit(client, contact_page(tr), django_capture_on_commit_callbacks)
        email = OutgoingEmail.objects.first()
        pauses = []
        for _ in range(3):
            before = timezone.now()
            assert deliver(email.pk, ignore_backoff=True) is False
            email.refresh_from_db()
            pauses.append(round((email.next_attempt_at - before).total_seconds() / 60))
        assert pauses == [2, 4, 8]  # attempts 2, 3 and 4 after the first one at submission
        assert email.attempts == 4


def test_an_email_claimed_by_one_sender_is_not_sent_by_another(
    client, tr, django_capture_on_commit_callbacks
):
    port = free_port()
    with override_settings(**smtp_settings(port)):
        submit(client, contact_page(tr), django_capture_on_commit_callbacks)
    email = OutgoingEmail.objects.first()
    assert claim(email.pk, ignore_backoff=True) is True
    assert claim(email.pk, ignore_backoff=True) is False


def test_the_visitor_sees_success_even_if_sending_raises_unexpectedly(
    client, tr, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("mail library bug")

    monkeypatch.setattr("forms_app.outbox.build_message", broken)
    response = submit(client, contact_page(tr), django_capture_on_commit_callbacks)
    assert "Mesajınız bize ulaştı." in response.content.decode()
    assert OutgoingEmail.objects.filter(sent_at__isnull=True, attempts=1).count() == 2
