"""The admin speaks Turkish by default, and English to a user who prefers it."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


def admin_language(client, **headers):
    response = client.get("/admin/pages/", **headers, follow=True)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib").html["lang"], response.content.decode()


def test_a_user_without_a_preference_gets_the_turkish_admin(client):
    client.force_login(EditorFactory(username="editor"))
    language, content = admin_language(client)
    assert language == "tr"
    assert "Sayfalar" in content


def test_a_user_who_prefers_english_gets_the_english_admin(client):
    client.force_login(EditorFactory(username="editor", language="en"))
    language, content = admin_language(client, HTTP_ACCEPT_LANGUAGE="tr")
    assert language == "en"
    assert "Pages" in content and "Sayfalar" not in content


def test_a_turkish_preference_wins_over_an_english_browser(client):
    client.force_login(EditorFactory(username="editor", language="tr"))
    language, _ = admin_language(client, HTTP_ACCEPT_LANGUAGE="en")
    assert language == "tr"


def test_the_account_preferences_offer_exactly_turkish_and_english(client):
    client.force_login(EditorFactory(username="editor"))
    response = client.get("/admin/account/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    select = soup.find("select", attrs={"name": "locale-preferred_language"})
    values = {option["value"] for option in select.find_all("option") if option["value"]}
    assert values == {"tr", "en"}
