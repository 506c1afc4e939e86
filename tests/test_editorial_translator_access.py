"""Translators see the Turkish pages they translate, without being able to change them, and the
admin API answers them (and everyone) in JSON rather than through the language redirect."""

import pytest
from wagtail.models import Page

from editorial.testing import is_refused, turkish_home
from tests.factories import SuperuserFactory, TranslatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = TranslatorFactory(language="tr")
    client.force_login(user)
    return user


def turkish_page():
    return Page.objects.get(locale__language_code="tr", slug="yerel-diplomasi")


def test_translator_explores_the_turkish_tree_and_finds_translate(client, translator):
    response = client.get(f"/admin/pages/{turkish_home().pk}/")
    assert response.status_code == 200
    assert "Çalışma Alanlarımız" in response.content.decode()

    # The guide's path for a new Turkish page: open it in the explorer, choose Translate.
    index = Page.objects.get(locale__language_code="tr", slug="calisma-alanlarimiz")
    new_page = turkish_page().copy(
        to=index,
        update_attrs={"title": "Kardeş Şehirler", "slug": "kardes-sehirler"},
        keep_live=True,
        recursive=False,
    )
    listing = client.get(f"/admin/pages/{index.pk}/").content.decode()
    translate_url = f"/admin/localize/submit/page/{new_page.pk}/"
    assert "Kardeş Şehirler" in listing
    assert translate_url in listing
    assert client.get(translate_url).status_code == 200


def test_translator_may_view_but_not_edit_or_publish_a_turkish_page(client, translator):
    page = turkish_page()
    assert is_refused(client.get(f"/admin/pages/{page.pk}/edit/"))
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Değişti", "action-publish": "1"}
    )
    assert is_refused(response)
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {})
    assert is_refused(client.get(f"/admin/pages/add/home/standardpage/{turkish_home().pk}/"))
    after = Page.objects.get(pk=page.pk)
    assert (after.title, after.last_published_at) == (page.title, page.last_published_at)
    permissions = page.permissions_for_user(translator)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_lock()


def test_translator_reads_a_turkish_page_in_the_admin_api(client, translator):
    page = turkish_page()
    response = client.get(f"/admin/api/main/pages/{page.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == page.title


def test_the_admin_api_answers_a_missing_page_with_a_json_404_not_a_redirect(client):
    admin = SuperuserFactory()
    client.force_login(admin)
    response = client.get("/admin/api/main/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_an_address_without_a_language_is_still_sent_to_one(client):
    response = client.get("/calisma-alanlarimiz/", headers={"accept-language": "tr"})
    assert response.status_code == 302
    assert response.url == "/tr/calisma-alanlarimiz/"
