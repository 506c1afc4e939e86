"""MBB's contact details: in the footer and on the contact page as an <address>, in the
organisation's JSON-LD, and nothing at all where a detail is empty."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from core.models import ContactDetails
from forms_app.models import ContactFormPage
from home.models import HomePage, WorkAreaPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Sarıdemir Mah., Ragıp Gümüşpala Cad. No:10, 34134 Eminönü, Fatih / İstanbul"
LABELS = {
    "tr": ("Telefon", "E-posta", "KEP adresi", "Haritada göster"),
    "en": ("Phone", "E-mail", "KEP address", "Show on map"),
}


def document(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def footer_address(doc):
    return doc.find("footer").find("address")


def contact_page_address(doc):
    section = doc.find("main").find("section", class_="contact-page-details")
    return section.find("address") if section else None


def publish(footer, capture, **fields):
    for name, value in fields.items():
        setattr(footer, name, value)
    with capture(execute=True):
        footer.save_revision().publish()


def language_pages(language):
    return (
        WorkAreaPage.objects.get(locale__language_code=language),
        ContactFormPage.objects.get(locale__language_code=language),
    )


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_seeded_address_shows_in_the_footer_and_on_the_contact_page(client, language):
    work_area, contact = language_pages(language)
    assert ADDRESS in text_of(footer_address(document(client, work_area)))
    contact_doc = document(client, contact)
    heading = contact_doc.find("h2", id="contact-details-heading")
    assert text_of(heading) == ("İletişim bilgileri" if language == "tr" else "Contact details")
    assert ADDRESS in text_of(contact_page_address(contact_doc))
    assert ADDRESS in text_of(footer_address(contact_doc))


@pytest.mark.parametrize("language", ["tr", "en"])
def test_empty_details_have_no_label(client, language):
    """The seed leaves phone, e-mail and KEP for the team: no label stands without a value."""
    footer = ContactDetails.objects.get(locale__language_code=language)
    assert (footer.phone, footer.email, footer.kep_address, footer.map_url) == ("", "", "", "")
    for page in language_pages(language):
        doc = document(client, page)
        for address in (footer_address(doc), contact_page_address(doc)):
            if address is None:
                continue
            text = text_of(address)
            for label in LABELS[language]:
                assert label not in text
            assert address.find("a") is None


def test_no_details_at_all_render_no_address_block(client, tr, django_capture_on_commit_callbacks):
    footer = ContactDetails.objects.get(locale=tr)
    publish(footer, django_capture_on_commit_callbacks, address="")
    for page in language_pages("tr"):
        doc = document(client, page)
        assert doc.find("address") is None
        assert doc.find(id="contact-details-heading") is None


@pytest.mark.parametrize("language", ["tr", "en"])
def test_details_the_team_fills_in_show_with_their_labels_and_links(
    client, language, tr, en, django_capture_on_commit_callbacks
):
    footer = ContactDetails.objects.get(locale=tr)
    publish(
        footer,
        django_capture_on_commit_callbacks,
        phone="+90 212 000 00 00",
        email="bilgi@example.org",
        kep_address="birlik@hs01.kep.tr",
        map_url="https://www.openstreetmap.org/#map=18/41.0/28.9",
    )
    # Numbers and addresses are synchronised into the English footer when it is translated.
    source = TranslationSource.objects.get_for_instance(footer)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    english = ContactDetails.objects.get(locale=en)
    assert (english.phone, english.kep_address) == ("+90 212 000 00 00", "birlik@hs01.kep.tr")

    _, contact = language_pages(language)
    doc = document(client, contact)
    for address in (footer_address(doc), contact_page_address(doc)):
        text = text_of(address)
        phone, email, kep, map_text = LABELS[language]
        assert f"{phone}: +90 212 000 00 00" in text
        assert f"{email}: bilgi@example.org" in text
        assert f"{kep}: birlik@hs01.kep.tr" in text
        assert map_text in text
        hrefs = {a["href"] for a in address.find_all("a")}
        assert hrefs == {
            "tel:+902120000000",
            "mailto:bilgi@example.org",
            "mailto:birlik@hs01.kep.tr",
            "https://www.openstreetmap.org/#map=18/41.0/28.9",
        }


def organisation_json_ld(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    doc = document(client, home)
    for script in doc.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        for item in data if isinstance(data, list) else [data]:
            if item.get("@type") == "GovernmentOrganization":
                return item
    raise AssertionError("no GovernmentOrganization")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_organisation_json_ld_has_mbbs_postal_address(client, language):
    organisation = organisation_json_ld(client, language)
    address = organisation["address"]
    assert address["@type"] == "PostalAddress"
    assert ADDRESS in address["streetAddress"]
    assert address["addressCountry"] == "TR"
    assert "telephone" not in organisation and "email" not in organisation


def test_reloading_the_seed_adds_the_address_to_a_footer_nobody_has_edited(
    tr, en, django_capture_on_commit_callbacks
):
    """A database seeded before the address existed gets it in both languages."""
    from django.core.management import call_command

    footer = ContactDetails.objects.get(locale=tr)
    publish(footer, django_capture_on_commit_callbacks, address="")  # as the loader saved it
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_seed_content", verbosity=0)
    assert ContactDetails.objects.get(locale=tr).address == ADDRESS
    assert ContactDetails.objects.get(locale=en).address.startswith(ADDRESS)


def test_reloading_the_seed_keeps_the_teams_footer(tr, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    moderator = UserFactory()
    footer = ContactDetails.objects.get(locale=tr)
    footer.address = "Yeni adres"
    with django_capture_on_commit_callbacks(execute=True):
        footer.save_revision(user=moderator).publish()
        call_command("load_seed_content", verbosity=0)
    assert ContactDetails.objects.get(locale=tr).address == "Yeni adres"
