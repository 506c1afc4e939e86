"""Property-based fuzzing of the form POST: any Unicode, any size, any shape, never a 5xx."""

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from forms_app.forms import CONSENT_FIELD, HONEYPOT_FIELD, TOKEN_FIELD
from tests.contact import contact_page, filled_token, topic_key

pytestmark = pytest.mark.django_db

FIELDS = ["adiniz_ve_soyadiniz", "e_posta_adresiniz", "kurumunuz", "konu", "mesajiniz"]
TOPICS = ["Genel bilgi", "Yerel diplomasi", "NALAS", "Diğer"]
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EXAMPLES = {"form": 0, "raw": 0}

# Any character a browser can send: a lone surrogate has no UTF-8 form, so no client can post
# one (raw bytes, invalid UTF-8 included, have their own test below).
sendable = st.characters(exclude_categories=("Cs",))
# Short text most of the time, sometimes one character repeated up to 120 000 times.
any_text = st.one_of(
    st.text(sendable, max_size=300),
    st.text(alphabet="ğüşıöçİĞÜŞÖÇ<>&\"'=+-@\r\n\t\x00", max_size=300),
    st.builds(lambda char, count: char * count, sendable, st.integers(0, 120_000)),
)
field_value = st.one_of(any_text, st.lists(any_text, max_size=3))
email_like = st.one_of(st.emails(), any_text)


@st.composite
def form_posts(draw):
    data = {name: draw(field_value) for name in draw(st.sets(st.sampled_from(FIELDS)))}
    if draw(st.booleans()):
        data["e_posta_adresiniz"] = draw(email_like)
    if draw(st.booleans()):
        # Real topic keys, looked up when the test runs (the database is there then).
        topic_keys = st.deferred(lambda: st.sampled_from([topic_key(label) for label in TOPICS]))
        data["konu"] = draw(st.one_of(topic_keys, any_text))
    data[TOKEN_FIELD] = draw(st.one_of(st.just(filled_token()), any_text))
    data.update(draw(st.dictionaries(st.sampled_from([HONEYPOT_FIELD, CONSENT_FIELD]), any_text)))
    data.update(
        draw(st.dictionaries(st.text(sendable, min_size=1, max_size=20), any_text, max_size=3))
    )
    return data


@pytest.fixture(scope="module", autouse=True)
def _report_examples():
    yield
    # The figures the issue asks for; shown with pytest -s.
    print(f"\nfuzzing: {EXAMPLES['form']} form posts, {EXAMPLES['raw']} raw bodies")  # noqa: T201


@pytest.fixture
def pages(tr, en):
    return [contact_page(tr).url, contact_page(en).url]


@override_settings(CONTACT_RATE_LIMIT=10**6, CONTACT_MIN_FILL_SECONDS=1)
@FUZZ
@given(data=form_posts(), language=st.integers(0, 1))
def test_no_form_post_causes_a_server_error(pages, data, language):
    EXAMPLES["form"] += 1
    response = Client().post(pages[language], data)
    # 413: a body over CONTACT_MAX_BODY_BYTES, answered with the form and a message.
    assert response.status_code in (200, 400, 413), response.status_code
    if response.status_code == 200:
        page_language = Locale.objects.get(language_code=("tr", "en")[language])
        assert f'lang="{page_language.language_code}"' in response.content.decode()


@override_settings(CONTACT_RATE_LIMIT=10**6)
@FUZZ
@given(body=st.binary(max_size=5000), language=st.integers(0, 1))
def test_no_raw_request_body_causes_a_server_error(pages, body, language):
    EXAMPLES["raw"] += 1
    response = Client().generic(
        "POST", pages[language], body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 400, 413), response.status_code
