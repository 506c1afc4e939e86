"""The shared factories build what the tests expect of them: each page under its seeded
parent in the asked language, reachable on the site once published, and users whose role
grants what the role should."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    factories.StandardPageFactory,
    factories.WorkAreaIndexPageFactory,
    factories.WorkAreaPageFactory,
    factories.NetworkIndexPageFactory,
    factories.NetworkPageFactory,
    factories.ContactFormPageFactory,
]


@pytest.mark.parametrize("factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("language_code", ["tr", "en"])
def test_a_published_page_is_served_under_its_seeded_parent_in_its_language(factory, language_code):
    page = factory(language=language_code, publish=True)
    parent = page.get_parent().specific
    assert page.locale.language_code == parent.locale.language_code == language_code
    assert type(page) in parent.specific_class.allowed_subpage_models()
    assert page.url.startswith(f"/{language_code}/")
    assert Client().get(page.url).status_code == 200


def test_a_page_gets_an_ascii_slug_from_its_turkish_title():
    assert factories.StandardPageFactory(title="Işık Çalışma Grubu").slug == "isik-calisma-grubu"


def test_a_contact_form_asks_for_the_fields_it_was_given():
    page = factories.ContactFormPageFactory(
        fields=["Adınız", {"label": "Mesajınız", "field_type": "multiline"}], publish=True
    )
    factories.FormFieldFactory(page=page, label="Kurumunuz", required=False, sort_order=2)
    fields = list(page.form_fields.order_by("sort_order"))
    assert [field.clean_name for field in fields] == ["adiniz", "mesajiniz", "kurumunuz"]
    assert {field.locale_id for field in fields} == {page.locale_id}
    html = Client().get(page.url).content.decode()
    assert all(f'name="{field.clean_name}"' in html for field in fields)
    assert "<textarea" in html


@pytest.mark.parametrize(
    ("factory", "may_publish_topics", "may_read_inquiries"),
    [
        (factories.EditorFactory, False, False),
        (factories.TranslatorFactory, False, False),
        (factories.ModeratorFactory, True, False),
        (factories.InquiryHandlerFactory, False, True),
        (factories.UserFactory, False, False),
    ],
)
def test_each_role_factory_grants_its_roles_permissions(
    factory, may_publish_topics, may_read_inquiries
):
    user = factory(language="tr")
    assert user.has_perm("forms_app.publish_topic") is may_publish_topics
    assert user.has_perm("forms_app.view_inquiry") is may_read_inquiries
    assert user.wagtail_userprofile.preferred_language == "tr"
    assert Client().login(username=user.username, password=factories.PASSWORD)


def test_an_inquiry_is_stored_for_the_seeded_form_of_its_language():
    inquiry = factories.InquiryFactory(language="en")
    assert inquiry.page.locale.language_code == "en"
    assert "ayse" in inquiry.search_text.lower()
