"""Tree rules: editors can only build sensible trees, and each page type can be created."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from forms_app.models import ContactFormPage
from home.models import HomePage, StandardPage, WorkAreaIndexPage, WorkAreaPage
from networks.models import NetworkIndexPage, NetworkPage
from tests.factories import (
    HomePageFactory,
    NetworkIndexPageFactory,
    WorkAreaIndexPageFactory,
    WorkAreaPageFactory,
)


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_work_areas_standard_pages_and_the_contact_form(self):
        self.assertAllowedSubpageTypes(HomePage, {WorkAreaIndexPage, StandardPage, ContactFormPage})

    def test_work_area_overview_lives_under_home_and_holds_work_areas_and_directory(self):
        self.assertAllowedParentPageTypes(WorkAreaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WorkAreaIndexPage, {WorkAreaPage, NetworkIndexPage})

    def test_work_area_lives_under_the_overview(self):
        self.assertAllowedParentPageTypes(WorkAreaPage, {WorkAreaIndexPage})
        self.assertAllowedSubpageTypes(WorkAreaPage, {NetworkIndexPage})

    def test_network_directory_holds_only_network_pages(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {WorkAreaIndexPage, WorkAreaPage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})

    def test_network_page_is_a_leaf_under_the_directory(self):
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, set())

    def test_contact_form_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(ContactFormPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactFormPage, set())

    def test_standard_page_nests_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


class CreatePagesInTheAdminTests(WagtailPageTestCase):
    """Each page type can be created through the admin's own create view."""

    def setUp(self):
        self.login()
        self.home = HomePageFactory(title="Deneme")
        self.overview = WorkAreaIndexPageFactory(parent=self.home, title="Alanlar")
        self.directory = NetworkIndexPageFactory(parent=self.overview, title="Ağlar")

    def body(self):
        return streamfield(
            [
                ("heading", {"text": "Başlık", "level": "h2"}),
                ("paragraph", rich_text("<p>İçerik ğüşıöçİ</p>")),
                ("quote", {"text": "Alıntı", "attribution": "Kaynak", "style": "quote"}),
            ]
        )

    def test_an_editor_can_create_a_work_area(self):
        self.assertCanCreate(
            self.overview,
            WorkAreaPage,
            nested_form_data(
                {"title": "Kentsel Dönüşüm", "slug": "kentsel-donusum", "body": self.body()}
            ),
        )

    def test_an_editor_can_create_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data({"title": "KVKK", "slug": "kvkk", "body": self.body()}),
        )

    def test_an_editor_can_create_a_network_page_with_typed_facts(self):
        self.assertCanCreate(
            self.directory,
            NetworkPage,
            nested_form_data(
                {
                    "title": "Örnek Ağ (ÖA)",
                    "slug": "ornek-ag",
                    "short_name": "ÖA",
                    "full_name": "Örnek Ağ",
                    "joined_year": 2020,
                    "founded_year": 1990,
                    "headquarters_city": "İzmir",
                    "headquarters_country": "Türkiye",
                    "member_count": 42,
                    "member_count_approximation": "more_than",
                    "member_count_kind": "members",
                    "country_count_approximation": "exact",
                    "population_approximation": "exact",
                    "website": "https://example.org/",
                    "introduction": "Kısa özet.",
                    "body": self.body(),
                }
            ),
        )

    def test_a_second_overview_under_the_same_home_is_refused(self):
        self.assertFalse(WorkAreaIndexPage.can_create_at(self.home))
        self.assertFalse(NetworkIndexPage.can_create_at(self.overview))

    def test_an_editor_can_create_a_work_area_overview_and_a_directory(self):
        self.assertCanCreate(
            HomePageFactory(title="Diğer"),
            WorkAreaIndexPage,
            nested_form_data({"title": "Alanlar 2", "slug": "alanlar-2", "body": streamfield([])}),
        )
        self.assertCanCreate(
            WorkAreaPageFactory(parent=self.overview, title="Alan"),
            NetworkIndexPage,
            nested_form_data({"title": "Ağlar 2", "slug": "aglar-2", "body": streamfield([])}),
        )

    def test_an_editor_can_create_a_contact_form_with_fields(self):
        self.assertCanCreate(
            self.home,
            ContactFormPage,
            nested_form_data(
                {
                    "title": "Bize Yazın",
                    "slug": "bize-yazin",
                    "body": streamfield([]),
                    "thank_you_text": rich_text("<p>Teşekkürler</p>"),
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "Mesajınız",
                                "field_type": "multiline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            }
                        ]
                    ),
                }
            ),
        )
        page = ContactFormPage.objects.get(slug="bize-yazin")
        self.assertEqual(page.form_fields.get().clean_name, "mesajiniz")

    def test_an_editor_can_create_a_home_page_at_the_root(self):
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data({"title": "Yeni", "slug": "yeni", "body": streamfield([])}),
        )
