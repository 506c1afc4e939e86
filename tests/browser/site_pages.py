"""The site's page types, for tests that visit one page of each type in each language."""

from wagtail.models import Page

from forms_app.models import ContactFormPage
from home.models import HomePage, StandardPage, WorkAreaIndexPage, WorkAreaPage
from networks.models import NetworkIndexPage, NetworkPage
from tests.factories import StandardPageFactory

LANGUAGES = ("tr", "en")
SEEDED_PAGE_TYPES = {
    "home": HomePage,
    "work_area_index": WorkAreaIndexPage,
    "work_area": WorkAreaPage,
    "network_index": NetworkIndexPage,
    "network": NetworkPage,
    "contact": ContactFormPage,
}
STANDARD_SLUG = "bilesenler"

# A standard page whose body uses every StreamField block except images (whose files a test
# server does not serve), so that every block template is checked too.
STANDARD_TITLES = {"tr": "Sayfa bileşenleri", "en": "Page components"}


def standard_body(language_code, contact_page):
    english = language_code == "en"
    return [
        ("heading", {"text": "Overview" if english else "Genel bakış", "level": "h2"}),
        (
            "paragraph",
            "<p>Cities cooperate across borders.</p>"
            if english
            else "<p>Şehirler sınırların ötesinde iş birliği yapar.</p>",
        ),
        ("heading", {"text": "Details" if english else "Ayrıntılar", "level": "h3"}),
        (
            "quote",
            {
                "text": "Local action, global impact." if english else "Yerel eylem, küresel etki.",
                "attribution": "MMU" if english else "MBB",
                "style": "quote",
            },
        ),
        (
            "quote",
            {
                "text": "Applications close in May." if english else "Başvurular mayısta kapanır.",
                "attribution": "",
                "style": "callout",
            },
        ),
        (
            "key_figures",
            {
                "title": "In figures" if english else "Rakamlarla",
                "figures": [
                    {"value": "8", "label": "networks" if english else "ağ"},
                    {"value": "2008", "label": "first membership" if english else "ilk üyelik"},
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": "Get in touch" if english else "İletişime geçin",
                "text": "",
                "link_text": "Write to us" if english else "Bize yazın",
                "page": contact_page,
                "external_url": "",
            },
        ),
    ]


def create_standard_pages():
    """A published standard page under each language's home page; returns {language: page}."""
    pages = {}
    for language_code in LANGUAGES:
        contact = ContactFormPage.objects.get(locale__language_code=language_code)
        translation_of = {"translation_key": pages["tr"].translation_key} if pages else {}
        pages[language_code] = StandardPageFactory(
            language=language_code,
            title=STANDARD_TITLES[language_code],
            slug=STANDARD_SLUG,
            introduction="Blocks." if language_code == "en" else "Bloklar.",
            body=standard_body(language_code, contact),
            publish=True,
            **translation_of,  # the English page is the Turkish page's translation
        )
    return pages


def delete_standard_pages():
    for page in Page.objects.filter(slug=STANDARD_SLUG, depth=3):
        page.delete()


def page_urls(language_code):
    """{page type: URL} for one live page of each type in the language."""
    urls = {
        name: model.objects.live().filter(locale__language_code=language_code).first().url
        for name, model in SEEDED_PAGE_TYPES.items()
    }
    standard = (
        StandardPage.objects.live().filter(locale__language_code=language_code, slug=STANDARD_SLUG)
    ).first()
    if standard is not None:
        urls["standard"] = standard.url
    return urls
