"""Every public query parameter, fuzzed with Hypothesis: any value answers, never a 5xx."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networks.models import NetworkIndexPage

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Digits that are not ASCII pass str.isdigit() and fail int(); long digit runs exceed int()'s
# limit; the rest is any Unicode.
odd_digits = st.text(alphabet="0123456789²³¹①②₁₀٣۴߁०௧๓١", min_size=1, max_size=8)
any_value = st.one_of(
    odd_digits,
    st.text(max_size=80),
    st.builds(lambda digit, count: digit * count, st.sampled_from("19²"), st.integers(1, 5000)),
)


def directory_url(language):
    return NetworkIndexPage.objects.get(locale__language_code=language).url


def search_url(language):
    return {"tr": "/tr/arama/", "en": "/en/search/"}[language]


@pytest.mark.parametrize("value", ["²", "①", "₁", "2023²", "٢٠٢٣"])
@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_directory_year_in_unicode_digits_answers_with_a_notice_not_a_500(language, value):
    response = Client(raise_request_exception=False).get(directory_url(language), {"joined": value})
    assert response.status_code == 200
    assert '<p class="notice">' in response.content.decode()


PUBLIC_PARAMETERS = [
    (directory_url, "joined"),
    (directory_url, "sort"),
    (search_url, "q"),
    (search_url, "page"),
]


@pytest.mark.parametrize(("url_of", "name"), PUBLIC_PARAMETERS)
@FUZZ
@given(value=any_value, language=st.sampled_from(["tr", "en"]))
def test_no_public_query_parameter_value_causes_a_server_error(url_of, name, value, language):
    query = {name: value}
    if url_of is search_url and name == "page":
        query["q"] = "belediye"
    response = Client(raise_request_exception=False).get(f"{url_of(language)}?{urlencode(query)}")
    assert response.status_code < 500, (name, value)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["sort", "joined", "q", "page", "utm_source", "p", "lang"]),
        any_value,
        max_size=4,
    ),
    language=st.sampled_from(["tr", "en"]),
    where=st.sampled_from(["directory", "search", "home"]),
)
def test_any_mix_of_query_parameters_on_public_pages_never_causes_a_server_error(
    params, language, where
):
    url = {"directory": directory_url, "search": search_url, "home": lambda lang: f"/{lang}/"}[
        where
    ](language)
    response = Client(raise_request_exception=False).get(f"{url}?{urlencode(params)}")
    assert response.status_code < 500, (where, params)
