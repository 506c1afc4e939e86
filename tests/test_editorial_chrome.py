"""Shared site text (the footer snippet) always appears in the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches

from core.models import ContactDetails

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_caches():
    # Rendered pages may be cached; each test here changes what a page must show.
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def footer_text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html5lib").find("footer")
    assert footer is not None
    return " ".join(footer.get_text(" ").split())


def test_the_turkish_page_shows_the_turkish_footer(client, tr, en):
    turkish = ContactDetails.objects.get(locale=tr)
    english = ContactDetails.objects.get(locale=en)
    assert turkish.organisation != english.organisation
    text = footer_text(client, "/tr/calisma-alanlarimiz/")
    assert turkish.organisation in text
    assert english.organisation not in text


def test_the_english_page_shows_the_english_footer(client, tr, en):
    turkish = ContactDetails.objects.get(locale=tr)
    english = ContactDetails.objects.get(locale=en)
    text = footer_text(client, "/en/our-work-areas/")
    assert english.organisation in text
    assert english.note in text
    assert turkish.organisation not in text
    assert turkish.note not in text


def test_a_missing_english_footer_falls_back_to_english_text_not_turkish(client, tr, en):
    turkish = ContactDetails.objects.get(locale=tr)
    ContactDetails.objects.filter(locale=en).delete()
    text = footer_text(client, "/en/our-work-areas/")
    assert "Marmara Municipalities Union" in text
    assert turkish.organisation not in text
    assert turkish.note not in text
