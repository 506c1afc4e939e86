"""KVKK: a short notice beside the button, a full notice in both languages, optional consent,
and each inquiry records its language, the notice version, the consent and the time."""

import html5lib
import pytest
from django.conf import settings
from django.utils import timezone

from forms_app.forms import CONSENT_FIELD, TOKEN_FIELD
from forms_app.models import Inquiry
from home.models import StandardPage
from tests.contact import contact_page, filled_token, forget_rate_limit, valid_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    forget_rate_limit()


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def form_of(document):
    return next(form for form in document.iter("form") if form.get("method") == "post")


@pytest.mark.parametrize(
    ("language", "notice_path", "summary"),
    [
        ("tr", "/tr/kvkk-aydinlatma-metni/", "veri sorumlusu Marmara Belediyeler Birliği"),
        ("en", "/en/privacy-notice/", "the data controller, the Marmara Municipalities Union"),
    ],
)
def test_the_short_notice_sits_before_the_button_and_links_the_full_notice_in_the_same_language(
    client, language, notice_path, summary, tr, en
):
    page = contact_page(tr if language == "tr" else en)
    form = form_of(parse(client.get(page.url)))
    children = list(form)
    notice = next(el for el in children if el.tag == "section")
    button = next(el for el in children if el.tag == "button")
    assert children.index(notice) < children.index(button)
    assert summary in "".join(notice.itertext())
    links = [a.get("href") for a in notice.iter("a")]
    assert links == [notice_path]
    assert client.get(notice_path).status_code == 200


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "tr",
            [
                "veri sorumlusu sıfatıyla Marmara Belediyeler Birliği",
                "5. maddesinin 2. fıkrasının (f) bendi",
                "2 (iki) yıl",
                "11. maddesi uyarınca haklarınız",
                "silinmesini veya yok edilmesini isteme",
                "zararın giderilmesini talep etme",
                "Kişisel Verileri Koruma Kurulu",
                "Bu metni okumanız bilgilendirme niteliğindedir; açık rıza anlamına gelmez.",
            ],
        ),
        (
            "en",
            [
                "by the Marmara Municipalities Union (MMU), as data controller",
                "Article 5(2)(f) of the KVKK",
                "2 (two) years",
                "Your rights under Article 11 of the KVKK",
                "erasure or destruction of your personal data",
                "claim compensation",
                "Personal Data Protection Board",
                "it does not constitute explicit consent",
            ],
        ),
    ],
)
def test_the_full_notice_covers_controller_basis_retention_and_rights(client, language, phrases):
    page = StandardPage.objects.get(
        locale__language_code=language, slug__in=["kvkk-aydinlatma-metni", "privacy-notice"]
    )
    text = " ".join(parse(client.get(page.url)).find(".//main").itertext())
    text = " ".join(text.split())
    for phrase in phrases:
        assert phrase in text, phrase


def test_the_retention_period_in_the_notice_is_the_one_purge_inquiries_applies(en):
    assert settings.CONTACT_RETENTION_DAYS == 730
    summary = contact_page(en).privacy_notice_summary
    assert "kept for 2 years" in summary


def test_the_consent_checkbox_is_optional_and_not_ticked(client, tr):
    document = parse(client.get(contact_page(tr).url))
    boxes = [i for i in document.iter("input") if i.get("name") == CONSENT_FIELD]
    assert len(boxes) == 1
    assert boxes[0].get("type") == "checkbox"
    assert boxes[0].get("checked") is None
    assert boxes[0].get("required") is None


def shown(page, **answers):
    """Answers sent from a form as `page` showed it (its token names the notice shown)."""
    return valid_answers(**{TOKEN_FIELD: filled_token(page=page)}, **answers)


def test_an_inquiry_without_consent_is_accepted_and_records_no_consent(client, tr):
    before = timezone.now()
    page = contact_page(tr)
    client.post(page.url, shown(page))
    inquiry = Inquiry.objects.get()
    assert inquiry.consent_given is False
    assert inquiry.consent_text == ""
    assert inquiry.language == "tr"
    assert inquiry.notice_version == "2026-11-25"
    assert before <= inquiry.submit_time <= timezone.now()


def test_consent_is_stored_with_the_wording_the_visitor_saw(client, en):
    page = contact_page(en)
    client.post(page.url, shown(page, **{CONSENT_FIELD: "on"}))
    inquiry = Inquiry.objects.get()
    assert inquiry.consent_given is True
    assert inquiry.consent_text == page.consent_label
    assert inquiry.consent_text.startswith("I give my explicit consent")
    assert inquiry.language == "en"
    assert CONSENT_FIELD not in inquiry.form_data


def test_the_form_carries_the_notice_version_and_consent_wording_it_shows(client, en):
    from forms_app.spam import FormToken

    page = contact_page(en)
    document = parse(client.get(page.url))
    [token] = [i.get("value") for i in document.iter("input") if i.get("name") == TOKEN_FIELD]
    token = FormToken.read(token)
    assert token.notice_version == "2026-11-25"
    assert token.consent_text == page.consent_label


def test_a_notice_changed_while_the_form_was_open_records_what_the_visitor_saw(client, tr):
    page = contact_page(tr)
    seen_wording = page.consent_label
    token = filled_token(page=page)  # the visitor opens the form
    page.privacy_notice_version = "2027-01-01"
    page.consent_label = "Yeni açık rıza metni."
    page.save_revision().publish()
    client.post(page.url, valid_answers(**{TOKEN_FIELD: token, CONSENT_FIELD: "on"}))
    inquiry = Inquiry.objects.get()
    assert inquiry.notice_version == "2026-11-25"
    assert inquiry.consent_given is True
    assert inquiry.consent_text == seen_wording


def test_a_form_opened_after_the_change_records_the_new_notice(client, tr):
    page = contact_page(tr)
    page.privacy_notice_version = "2027-01-01"
    page.save_revision().publish()
    client.post(page.url, shown(contact_page(tr)))
    assert Inquiry.objects.get().notice_version == "2027-01-01"


def test_a_consent_box_ticked_without_a_wording_shown_records_no_consent(client, tr):
    # A crafted POST: the token says no consent statement was on the visitor's screen.
    client.post(contact_page(tr).url, valid_answers(**{CONSENT_FIELD: "on"}))
    inquiry = Inquiry.objects.get()
    assert inquiry.consent_given is False
    assert inquiry.consent_text == ""


def test_a_tampered_notice_version_is_refused(client, tr):
    from django.core import signing

    from forms_app.spam import TOKEN_SALT

    forged = signing.dumps({"t": 0, "n": "x", "v": "1999", "c": ""}, salt="another-salt")
    assert TOKEN_SALT != "another-salt"
    response = client.post(contact_page(tr).url, valid_answers(**{TOKEN_FIELD: forged}))
    assert "doğrulanamadı" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_without_a_consent_statement_no_checkbox_is_shown(client, tr):
    page = contact_page(tr)
    page.consent_label = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert CONSENT_FIELD not in html
