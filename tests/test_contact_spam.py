"""Spam protection without third parties: honeypot, fill time, rate limit, no duplicates."""

import pytest
from django.test import override_settings

from forms_app.forms import HONEYPOT_FIELD, TOKEN_FIELD
from forms_app.models import Inquiry, OutgoingEmail
from forms_app.spam import FormToken
from tests.contact import contact_page, filled_token, forget_rate_limit, valid_answers

pytestmark = pytest.mark.django_db

OTHER_ADDRESSES = ("198.51.100.7", "203.0.113.9", "192.0.2.44")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit("127.0.0.1", *OTHER_ADDRESSES)
    yield
    forget_rate_limit("127.0.0.1", *OTHER_ADDRESSES)


def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(client, tr):
    response = client.post(contact_page(tr).url, valid_answers(**{HONEYPOT_FIELD: "http://x"}))
    assert response.status_code == 200
    assert "Mesajınız bize ulaştı." in response.content.decode()
    assert Inquiry.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_the_honeypot_is_hidden_from_people(client, tr):
    html = client.get(contact_page(tr).url).content.decode()
    assert '<div class="form-field" hidden>' in html
    assert f'name="{HONEYPOT_FIELD}" autocomplete="off" tabindex="-1"' in html


def test_a_form_sent_faster_than_a_person_could_is_refused_with_a_message(client, en):
    response = client.post(contact_page(en).url, valid_answers(**{TOKEN_FIELD: filled_token(0)}))
    assert response.status_code == 200
    assert "The form was sent very quickly" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_the_same_form_sent_again_after_the_minimum_time_goes_through(client, tr):
    page = contact_page(tr)
    token = FormToken.issue(page=page)
    refused = client.post(page.url, valid_answers(**{TOKEN_FIELD: token.signed}))
    assert "Form çok hızlı gönderildi" in refused.content.decode()
    # The re-shown form keeps the first token, so the waiting time counts from the first view.
    assert token.signed in refused.content.decode()
    with override_settings(CONTACT_MIN_FILL_SECONDS=0):
        client.post(page.url, valid_answers(**{TOKEN_FIELD: token.signed}))
    assert Inquiry.objects.count() == 1


@pytest.mark.parametrize("token", [None, "", "forged", filled_token(10)[:-3] + "abc"])
def test_a_missing_or_forged_token_is_refused(client, tr, token):
    response = client.post(contact_page(tr).url, valid_answers(**{TOKEN_FIELD: token}))
    assert "doğrulanamadı" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_an_expired_form_asks_for_a_resend_and_gets_a_fresh_token(client, en):
    old = filled_token(seconds_ago=2 * 24 * 60 * 60)
    response = client.post(contact_page(en).url, valid_answers(**{TOKEN_FIELD: old}))
    html = response.content.decode()
    assert "open for too long" in html
    assert old not in html
    assert Inquiry.objects.count() == 0


@override_settings(CONTACT_RATE_LIMIT=3)
@pytest.mark.parametrize(
    ("language", "heading"), [("tr", "Çok fazla mesaj"), ("en", "Too many messages")]
)
def test_the_rate_limit_answers_429_with_a_translated_message_and_keeps_the_text(
    client, language, heading, tr, en
):
    page = contact_page(tr if language == "tr" else en)
    for number in range(3):
        assert client.post(page.url, valid_answers(mesajiniz=f"Mesaj {number}")).status_code == 200
    response = client.post(page.url, valid_answers(mesajiniz="Dördüncü mesaj"))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert heading in html
    assert "60" in html  # minutes to wait
    assert "Dördüncü mesaj" in html
    assert Inquiry.objects.count() == 3


@override_settings(CONTACT_RATE_LIMIT=1)
def test_the_rate_limit_counts_each_client_address_separately(client, tr):
    page = contact_page(tr)
    first, second = OTHER_ADDRESSES[:2]
    assert client.post(page.url, valid_answers(), REMOTE_ADDR=first).status_code == 200
    assert client.post(page.url, valid_answers(), REMOTE_ADDR=first).status_code == 429
    assert client.post(page.url, valid_answers(), REMOTE_ADDR=second).status_code == 200


@override_settings(CONTACT_RATE_LIMIT=1)
def test_a_spoofed_forwarded_for_header_does_not_escape_the_limit(client, tr):
    page = contact_page(tr)
    assert client.post(page.url, valid_answers(), HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    blocked = client.post(page.url, valid_answers(), HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert blocked.status_code == 429


@override_settings(CONTACT_RATE_LIMIT=1, TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(client, tr):
    page = contact_page(tr)
    first, second, proxy = OTHER_ADDRESSES
    headers = {"REMOTE_ADDR": proxy}
    assert (
        client.post(page.url, valid_answers(), HTTP_X_FORWARDED_FOR=first, **headers).status_code
        == 200
    )
    assert (
        client.post(page.url, valid_answers(), HTTP_X_FORWARDED_FOR=first, **headers).status_code
        == 429
    )
    # What a client puts in front of the proxy's entry is not trusted.
    spoofed = f"{second}, {first}"
    assert (
        client.post(page.url, valid_answers(), HTTP_X_FORWARDED_FOR=spoofed, **headers).status_code
        == 429
    )


def test_the_same_form_sent_twice_is_stored_once(client, tr):
    answers = valid_answers()
    page = contact_page(tr)
    first = client.post(page.url, answers)
    second = client.post(page.url, answers)
    assert Inquiry.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2  # one notification, one confirmation
    assert first.context["form_submission"].pk == second.context["form_submission"].pk


@pytest.mark.parametrize(
    ("language", "message"),
    [("tr", "Bu form çok uzun süre açık kaldı"), ("en", "This form was open for too long")],
)
def test_a_used_token_is_refused_like_an_expired_one_and_a_fresh_one_is_given(
    client, tr, en, language, message
):
    """Issue 13: one form token used to send nine messages. A token sends one inquiry."""
    page = contact_page(tr if language == "tr" else en)
    token = filled_token(page=page)
    client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="Birinci"))
    second = client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="İkinci"))
    assert second.status_code == 200
    html = second.content.decode()
    assert message in html
    assert "İkinci" in html  # what the visitor typed is kept
    assert token not in html  # and the form comes back with a new token
    assert [i.form_data["mesajiniz"] for i in Inquiry.objects.all()] == ["Birinci"]


def test_a_used_token_stays_used_when_the_cache_is_emptied(client, tr):
    from django.core.cache import cache

    page = contact_page(tr)
    token = filled_token(page=page)
    client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="Birinci"))
    cache.clear()  # an evicted or restarted cache must not make the token usable again
    client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="İkinci"))
    assert Inquiry.objects.count() == 1


def test_a_token_racing_past_the_check_is_still_stored_once(client, tr, monkeypatch):
    """Two replicas checking the same token at the same moment: the database's unique
    constraint on the nonce lets only one store an inquiry; the other gets the message."""
    page = contact_page(tr)
    token = filled_token(page=page)
    client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="Birinci"))
    monkeypatch.setattr(FormToken, "is_used", lambda self: False)  # both passed the check
    response = client.post(page.url, valid_answers(**{TOKEN_FIELD: token}, mesajiniz="İkinci"))
    assert "Bu form çok uzun süre açık kaldı" in response.content.decode()
    assert Inquiry.objects.count() == 1


def test_used_tokens_are_forgotten_once_they_would_have_expired_anyway(client, tr):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from forms_app.models import UsedFormToken

    page = contact_page(tr)
    client.post(page.url, valid_answers(**{TOKEN_FIELD: filled_token(page=page)}))
    UsedFormToken.objects.create(nonce="old")
    UsedFormToken.objects.filter(nonce="old").update(used_at=timezone.now() - timedelta(days=2))
    call_command("purge_inquiries", stdout=StringIO())
    assert UsedFormToken.objects.count() == 1
    assert not UsedFormToken.objects.filter(nonce="old").exists()


def test_the_form_page_is_never_stored_in_a_shared_cache(client, tr):
    response = client.get(contact_page(tr).url)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_rate_limit_lets_inquiries_through_when_the_cache_is_down(settings):
    """Found by bench/faults.py: with Redis stopped, the limiter must fail open, not 500."""
    from forms_app.spam import RateLimiter

    unreachable = {
        "BACKEND": "core.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
    settings.CACHES = {"default": unreachable, "ratelimit": unreachable}
    assert RateLimiter("203.0.113.9").allow() is True
