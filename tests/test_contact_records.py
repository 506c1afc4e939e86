"""Records that outlive what they refer to, and limits on what a visitor can make the site
send or read: the contact page's deletion, the confirmation e-mail, the request body."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from forms_app.models import Inquiry, OutgoingEmail
from tests.contact import contact_page, exported, forget_rate_limit, valid_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


# Deleting the contact page ----------------------------------------------------------------


def test_deleting_the_contact_page_keeps_its_inquiries_and_their_emails(admin_client, tr, en):
    visitor = Client()
    visitor.post(contact_page(en).url, valid_answers(mesajiniz="Silinmeyecek mesaj"))
    inquiry = Inquiry.objects.get()
    assert inquiry.page_title == "Contact"
    english_page = contact_page(en)

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[english_page.pk]))
    assert response.status_code == 302
    assert not type(english_page).objects.filter(pk=english_page.pk).exists()

    inquiry.refresh_from_db()
    assert inquiry.page_id is None
    assert inquiry.page_title == "Contact"
    assert inquiry.form_data["mesajiniz"] == "Silinmeyecek mesaj"
    assert OutgoingEmail.objects.filter(inquiry=inquiry).count() == 2
    # The inbox and the detail still read it, answers labelled by the Turkish form.
    assert inquiry.sender_email == "ayse@example.org"
    assert "Ayşe Yılmaz" in admin_client.get(reverse("forms_app_inquiry:index")).content.decode()
    detail = admin_client.get(reverse("forms_app_inquiry:inspect", args=[inquiry.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Silinmeyecek mesaj" in html and "Contact" in html
    assert "Silinmeyecek mesaj" in exported(admin_client, "csv").decode("utf-8-sig")


def test_with_every_contact_page_deleted_inquiries_still_show_their_answers(admin_client, tr, en):
    Client().post(contact_page(tr).url, valid_answers(mesajiniz="Son mesaj"))
    for page in (contact_page(en), contact_page(tr)):
        page.delete()
    inquiry = Inquiry.objects.get()
    assert inquiry.page is None
    assert ("mesajiniz", "Son mesaj") in inquiry.get_answers()
    detail = admin_client.get(reverse("forms_app_inquiry:inspect", args=[inquiry.pk]))
    assert detail.status_code == 200
    assert "Son mesaj" in detail.content.decode()


def test_a_confirmation_for_an_inquiry_whose_page_is_gone_can_still_be_written(tr):
    from forms_app.mail import compose_confirmation

    Client().post(contact_page(tr).url, valid_answers())
    inquiry = Inquiry.objects.get()
    contact_page(tr).delete()
    inquiry.refresh_from_db()
    body = compose_confirmation(inquiry)["body_text"]
    assert f"Başvuru numarası: {inquiry.pk}" in body


# The confirmation e-mail ------------------------------------------------------------------


def confirmations_to(address):
    return OutgoingEmail.objects.filter(kind="confirmation", to_address=address)


def test_the_confirmation_quotes_nothing_the_visitor_typed(client, en):
    client.post(
        contact_page(en).url,
        valid_answers(
            adiniz_ve_soyadiniz="Buy cheap pills at evil.example",
            kurumunuz="Visit evil.example",
        ),
    )
    confirmation = confirmations_to("ayse@example.org").get()
    for text in (confirmation.subject, confirmation.body_text, confirmation.body_html):
        assert "evil.example" not in text
        assert "pills" not in text
    assert "Reference number" in confirmation.body_text


@override_settings(CONTACT_RATE_LIMIT=100)
def test_an_address_gets_at_most_three_confirmations_a_day_but_every_inquiry_is_kept(
    client, tr, en
):
    for number in range(5):
        page = contact_page(tr if number % 2 else en)
        address = "Kurban@Example.org" if number == 4 else "kurban@example.org"
        client.post(page.url, valid_answers(e_posta_adresiniz=address, mesajiniz=f"Mesaj {number}"))
    assert Inquiry.objects.count() == 5
    assert OutgoingEmail.objects.filter(kind="notification").count() == 5
    assert OutgoingEmail.objects.filter(kind="confirmation").count() == 3
    # Another address is not affected.
    client.post(contact_page(tr).url, valid_answers(e_posta_adresiniz="baska@example.org"))
    assert confirmations_to("baska@example.org").count() == 1


def test_the_confirmation_limit_counts_only_the_past_day(client, tr):
    from datetime import timedelta

    from django.utils import timezone

    for number in range(3):
        client.post(contact_page(tr).url, valid_answers(mesajiniz=f"Dünkü {number}"))
    Inquiry.objects.update(submit_time=timezone.now() - timedelta(hours=25))
    client.post(contact_page(tr).url, valid_answers(mesajiniz="Bugünkü"))
    assert confirmations_to("ayse@example.org").count() == 4


# The request body --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading"),
    [("tr", "Mesajınız çok uzun"), ("en", "Your message is too long")],
)
def test_a_body_over_the_limit_is_refused_with_a_translated_message(
    client, tr, en, language, heading
):
    page = contact_page(tr if language == "tr" else en)
    response = client.post(page.url, valid_answers(mesajiniz="ş" * 100_000))
    assert response.status_code == 413
    html = response.content.decode()
    assert heading in html
    assert f'lang="{language}"' in html
    assert 'name="contact_form_token"' in html  # the form is there to send again
    assert Inquiry.objects.count() == 0


def test_a_large_multipart_upload_is_refused_before_it_is_read(client, tr):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forms_app.middleware import ContactBodyLimitMiddleware

    read = []
    original = ContactBodyLimitMiddleware.process_view

    def spy(self, request, *args):
        response = original(self, request, *args)
        read.append(request._read_started if hasattr(request, "_read_started") else None)
        return response

    # Over the contact form's limit, under the site-wide one (core.request_limits).
    big = SimpleUploadedFile("x.bin", b"\0" * (1024 * 1024))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ContactBodyLimitMiddleware, "process_view", spy)
        response = client.post(contact_page(tr).url, {**valid_answers(), "ek": big})
    assert response.status_code == 413
    assert read == [False]  # nothing had read the body when the answer was decided
    assert Inquiry.objects.count() == 0


def test_a_normal_message_is_well_within_the_limit(client, tr):
    from django.conf import settings

    answers = valid_answers(mesajiniz="𝓜" * settings.CONTACT_MESSAGE_MAX_LENGTH)
    response = client.post(contact_page(tr).url, answers)
    assert response.status_code == 200
    assert Inquiry.objects.count() == 1
