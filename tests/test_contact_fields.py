"""Translatable form fields: translated labels and options, identical keys in both languages."""

import pytest
from wagtail.models import Locale

from forms_app.choices import choice_keys
from forms_app.models import FormField, Inquiry
from tests.contact import contact_page, forget_rate_limit, topic_key, valid_answers

pytestmark = pytest.mark.django_db

SEEDED_KEYS = ["adiniz_ve_soyadiniz", "e_posta_adresiniz", "kurumunuz", "konu", "mesajiniz"]
TURKISH_TOPICS = [
    "Genel bilgi",
    "Yerel diplomasi",
    "AEBR",
    "ALDA",
    "Energy Cities",
    "GWOPA",
    "ICLEI",
    "NALAS",
    "TDBB",
    "UCLG-MEWA",
    "Diğer",
]


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


def test_seeded_fields_have_ascii_keys_that_are_the_same_in_both_languages(tr, en):
    turkish = [f.clean_name for f in contact_page(tr).form_fields.all()]
    english = [f.clean_name for f in contact_page(en).form_fields.all()]
    assert turkish == english == SEEDED_KEYS
    assert all(key.isascii() for key in turkish)


def test_english_labels_are_translations_not_copies(tr, en):
    labels = {f.clean_name: f.label for f in contact_page(en).form_fields.all()}
    assert labels["mesajiniz"] == "Your message"
    assert labels["konu"] == "Topic"
    turkish = {f.clean_name: f.label for f in contact_page(tr).form_fields.all()}
    assert turkish["mesajiniz"] == "Mesajınız"


def test_a_turkish_label_gives_a_transliterated_key_not_escape_sequences(tr):
    page = contact_page(tr)
    field = FormField(page=page, locale=tr, label="Görüş ve önerileriniz (İsteğe bağlı)")
    field.field_type = "multiline"
    field.save()
    assert field.clean_name == "gorus_ve_onerileriniz_istege_bagli"


def test_a_long_turkish_label_fits_in_the_database(tr):
    page = contact_page(tr)
    label = ("Çalışma alanlarımızla ilgili görüşlerinizi paylaşır mısınız? " * 8)[:480]
    field = FormField.objects.create(page=page, locale=tr, label=label, field_type="singleline")
    field.refresh_from_db()
    assert field.label == label
    assert len(field.clean_name) <= 255


def topic_options(page):
    field = page.get_form().fields["konu"]
    return [(key, str(label)) for key, label in field.choices if key]


def test_topic_options_are_translated_but_share_keys(tr, en):
    turkish = topic_options(contact_page(tr))
    english = topic_options(contact_page(en))
    assert [label for _, label in turkish] == TURKISH_TOPICS
    assert [key for key, _ in turkish] == [key for key, _ in english]
    assert [key for key, _ in turkish] == [topic_key(label) for label in TURKISH_TOPICS]
    assert dict(english)[topic_key("Diğer")] == "Other"
    assert dict(english)[topic_key("Genel bilgi")] == "General enquiry"


def test_option_keys_stay_unique_and_ascii_even_for_odd_labels():
    assert choice_keys(["Çevre", "çevre", "???", "Şehir/Kent"]) == [
        "cevre",
        "cevre-2",
        "option-3",
        "sehirkent",
    ]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_submission_in_either_language_is_stored_under_the_same_keys(client, language):
    page = contact_page(Locale.objects.get(language_code=language))
    response = client.post(page.url, valid_answers(konu=topic_key("ICLEI")))
    assert response.status_code == 200
    inquiry = Inquiry.objects.get()
    assert set(inquiry.form_data) == set(SEEDED_KEYS)
    assert inquiry.form_data["konu"] == topic_key("ICLEI")
    assert inquiry.topic == topic_key("ICLEI")
    assert inquiry.topic_label == "ICLEI"
    assert inquiry.language == language


def test_the_rendered_dropdown_offers_keys_with_translated_labels(client, en):
    html = client.get(contact_page(en).url).content.decode()
    assert f'<option value="{topic_key("Yerel diplomasi")}">Local diplomacy</option>' in html
    assert '<option value="" selected>Please choose</option>' in html


def test_each_language_has_its_own_thank_you_text(client, tr, en):
    for locale, expected in [
        (tr, "Mesajınız bize ulaştı."),
        (en, "We have received your message."),
    ]:
        forget_rate_limit()
        response = client.post(contact_page(locale).url, valid_answers())
        assert expected in response.content.decode()
