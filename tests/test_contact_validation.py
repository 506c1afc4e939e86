"""Bad input gets a clear message in the visitor's language, never a 500; markup stays text."""

import html5lib
import pytest

from forms_app.forms import TOKEN_FIELD
from forms_app.models import Inquiry
from tests.contact import TURKISH_LETTERS, contact_page, forget_rate_limit, valid_answers

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


def field_errors(response, name):
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    return ["".join(p.itertext()) for p in document.iter("p") if p.get("id") == f"id_{name}-error"]


def field_value(response, name):
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    for element in document.iter():
        if element.get("name") == name:
            if element.tag == "input":
                return element.get("value")
            if element.tag == "textarea":
                return (element.text or "").strip()
    raise AssertionError(f"no field {name}")


@pytest.mark.parametrize(
    ("language", "message"),
    [("tr", "Bu alan zorunludur."), ("en", "This field is required.")],
)
def test_missing_required_fields_are_named_in_the_visitors_language(
    client, language, message, tr, en
):
    page = contact_page(tr if language == "tr" else en)
    response = client.post(page.url, valid_answers(adiniz_ve_soyadiniz="", mesajiniz=""))
    assert response.status_code == 200
    assert field_errors(response, "adiniz_ve_soyadiniz") == [message]
    assert field_errors(response, "mesajiniz") == [message]
    assert field_value(response, "kurumunuz") == "Çanakkale İl Özel İdaresi"
    assert Inquiry.objects.count() == 0


def test_a_bad_email_address_is_refused_and_what_was_typed_is_kept(client, tr):
    response = client.post(contact_page(tr).url, valid_answers(e_posta_adresiniz="ayşe@@örnek"))
    assert field_errors(response, "e_posta_adresiniz") == ["Geçerli bir e-posta adresi girin."]
    assert field_value(response, "e_posta_adresiniz") == "ayşe@@örnek"
    assert field_value(response, "mesajiniz").endswith("ğüşıöçİ.")
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_e_posta_adresiniz-error"' in html
    assert 'href="#id_e_posta_adresiniz"' in html  # the error summary links to the field


@pytest.mark.parametrize(
    ("language", "fragment"),
    [("tr", "en fazla 5000 karakter"), ("en", "at most 5000 characters")],
)
def test_a_message_over_the_limit_is_refused_politely(client, language, fragment, tr, en):
    page = contact_page(tr if language == "tr" else en)
    response = client.post(page.url, valid_answers(mesajiniz="ş" * 6_000))
    assert response.status_code == 200
    [error] = field_errors(response, "mesajiniz")
    assert fragment in error.lower()
    assert Inquiry.objects.count() == 0


def test_an_overlong_name_is_refused(client, en):
    response = client.post(contact_page(en).url, valid_answers(adiniz_ve_soyadiniz="İ" * 300))
    [error] = field_errors(response, "adiniz_ve_soyadiniz")
    assert "at most 255 characters" in error


def test_an_unknown_topic_is_refused(client, en):
    response = client.post(contact_page(en).url, valid_answers(konu="Local diplomacy"))
    assert field_errors(response, "konu")
    assert Inquiry.objects.count() == 0


def test_markup_is_stored_as_text_and_escaped_when_the_form_is_shown_again(client, tr):
    response = client.post(
        contact_page(tr).url, valid_answers(mesajiniz=SCRIPT, e_posta_adresiniz="x")
    )
    html = response.content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_markup_and_turkish_letters_are_stored_exactly_as_typed(client, tr):
    message = f"{SCRIPT} {TURKISH_LETTERS}"
    client.post(contact_page(tr).url, valid_answers(mesajiniz=message))
    inquiry = Inquiry.objects.get()
    assert inquiry.form_data["mesajiniz"] == message
    assert inquiry.form_data["adiniz_ve_soyadiniz"] == "Ayşe Yılmaz"


def test_a_nul_character_is_refused_not_a_server_error(client, tr):
    response = client.post(contact_page(tr).url, valid_answers(mesajiniz="a\x00b"))
    assert response.status_code == 200
    assert field_errors(response, "mesajiniz")


def test_a_post_without_any_fields_is_answered_with_errors(client, en):
    response = client.post(contact_page(en).url, {})
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()


def test_a_form_field_may_not_shadow_the_forms_own_fields(tr):
    from forms_app.models import FormField

    page = contact_page(tr)
    FormField.objects.create(
        page=page, locale=tr, label="x", clean_name=TOKEN_FIELD, field_type="singleline"
    )
    with pytest.raises(ValueError, match=TOKEN_FIELD):
        page.get_form()
