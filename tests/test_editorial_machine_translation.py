"""Machine translation: configured from the environment, official names kept by the glossary."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from editorial.machine_translation import BritishEnglishDeepLTranslator, GlossaryTranslator
from editorial.testing import turkish_home
from home.models import StandardPage
from mbbcms.settings.base import machine_translator_setting
from tests.factories import TranslatorFactory

DUMMY_WITH_GLOSSARY = {
    "CLASS": "editorial.machine_translation.GlossaryTranslator",
    "OPTIONS": {"BACKEND": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
}


def locales():
    return Locale(language_code="tr"), Locale(language_code="en")


def dummy_glossary_translator():
    return GlossaryTranslator(DUMMY_WITH_GLOSSARY["OPTIONS"])


def test_machine_translation_is_off_without_a_deepl_key():
    assert machine_translator_setting({}) is None
    assert machine_translator_setting({"DEEPL_API_KEY": "  "}) is None


def test_a_deepl_key_turns_on_deepl_behind_the_glossary():
    setting = machine_translator_setting({"DEEPL_API_KEY": "abc:fx"})
    assert setting["CLASS"] == "editorial.machine_translation.GlossaryTranslator"
    assert setting["OPTIONS"]["BACKEND"].endswith("BritishEnglishDeepLTranslator")
    translator = GlossaryTranslator(setting["OPTIONS"])
    assert translator.display_name == "DeepL"
    assert translator.backend.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_deepl_is_asked_for_british_english():
    translator = BritishEnglishDeepLTranslator({"AUTH_KEY": "abc"})
    parameters = translator.get_parameters(*locales(), [StringValue("Merhaba")])
    assert parameters["source_lang"] == "TR"
    assert parameters["target_lang"] == "EN-GB"


def test_the_glossary_keeps_official_names_whole_while_the_rest_is_translated():
    source = StringValue("MBB, Yerel Diplomasi Platformu ile kentleri buluşturur.")
    (result,) = dummy_glossary_translator().translate(*locales(), [source]).values()
    # The dummy translator reverses word order; the official names come back whole.
    assert "MMU" in result.data
    assert "Local Diplomacy Platform" in result.data
    assert "MBB" not in result.data and "Platformu" not in result.data
    assert "buluşturur." in result.data  # the rest went through the dummy translator


def test_glossary_names_inside_links_and_with_turkish_suffixes_are_kept():
    source = StringValue('<a id="a1">Marmara Belediyeler Birliği</a> ve MBB\'nin üyeleri')
    (result,) = dummy_glossary_translator().translate(*locales(), [source]).values()
    assert '<a id="a1">Marmara Municipalities Union</a>' in result.data
    assert "MMU" in result.data


def test_words_that_merely_contain_a_name_are_left_to_the_translator():
    source = StringValue("MBBX kodu")
    (result,) = dummy_glossary_translator().translate(*locales(), [source]).values()
    assert "MMU" not in result.data


def test_english_to_turkish_uses_the_turkish_official_names():
    english, turkish = Locale(language_code="en"), Locale(language_code="tr")
    source = StringValue("The MMU runs the Local Diplomacy Platform")
    (result,) = dummy_glossary_translator().translate(english, turkish, [source]).values()
    assert "MBB" in result.data and "Yerel Diplomasi Platformu" in result.data


@pytest.mark.django_db
def test_the_translation_editors_machine_translate_button_applies_the_glossary(
    client, settings, tr, en
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_WITH_GLOSSARY
    page = turkish_home().add_child(
        instance=StandardPage(
            title="Platform",
            slug="platform",
            locale=tr,
            introduction="MBB Yerel Diplomasi Platformu'nu yönetir.",
        )
    )
    page.save_revision().publish()
    translator = TranslatorFactory(username="translator")
    client.force_login(translator)
    client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [en.pk]})
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=en
    )
    english_page = page.get_translation(en)

    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
        + f"?next=/admin/pages/{english_page.pk}/edit/"
    )

    assert response.status_code == 302
    introduction = StringTranslation.objects.get(
        context__object_id=page.translation_key, context__path="introduction", locale=en
    )
    assert "MMU" in introduction.data
    assert "Local Diplomacy Platform" in introduction.data
    assert introduction.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


@pytest.mark.django_db
@pytest.mark.parametrize("configured", [False, True])
def test_the_translation_editor_offers_machine_translation_only_when_configured(
    client, settings, tr, en, configured
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_WITH_GLOSSARY if configured else None
    client.force_login(TranslatorFactory(username="translator"))
    english_page = Page.objects.get(locale=en, slug="local-diplomacy")
    response = client.get(f"/admin/pages/{english_page.pk}/edit/")
    editor = BeautifulSoup(response.content, "html5lib").find(class_="js-translation-editor")
    machine_translator = json.loads(editor["data-props"])["machineTranslator"]
    if configured:
        assert machine_translator["name"] == "Dummy translator"
    else:
        assert machine_translator is None
