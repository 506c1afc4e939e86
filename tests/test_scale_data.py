"""bench/scale_data.py: the scale bench's networks and inquiries are what the site itself
stores (live pages in both languages, real wagtail-localize translations, inquiries as the
form keeps them), so what the bench measures with them is what the site would do."""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    String,
    StringSegment,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationSource,
)

from bench.scale_data import load
from forms_app.models import Inquiry, OutgoingEmail, Topic
from forms_app.records import answers_search_text, search_key
from networks.models import NetworkIndexPage, NetworkPage

pytestmark = pytest.mark.django_db

NETWORKS = 4


@pytest.fixture
def loaded(db):
    seeded = set(NetworkPage.objects.values_list("pk", flat=True))
    result = load(networks=NETWORKS, inquiries=30)
    return result, NetworkPage.objects.exclude(pk__in=seeded)


def test_load_reports_what_it_loaded(loaded):
    result, pages = loaded
    assert result["networks"] == NETWORKS
    assert result["inquiries"] == 30
    assert pages.filter(locale__language_code="tr", live=True).count() == NETWORKS
    assert pages.filter(locale__language_code="en", live=True).count() == NETWORKS


def test_each_network_is_translated_into_english_under_the_english_directory(loaded, tr, en):
    _result, pages = loaded
    english_directory = NetworkIndexPage.objects.get(locale=en)
    for page in pages.filter(locale=tr):
        english = page.get_translation(en)
        assert english.get_parent().pk == english_directory.pk
        assert english.slug == page.slug
        assert english.short_name == page.short_name  # synchronised
        assert english.full_name != page.full_name  # translated
        assert english.live_revision_id is not None
        translation = Translation.objects.get(source__object_id=page.translation_key)
        assert translation.target_locale == en
        assert translation.get_progress() == (translation.get_progress()[0],) * 2


def test_translation_sources_hold_exactly_what_wagtail_localize_extracts(loaded, tr):
    """Re-extracting each source the library's own way finds every row already there."""
    _result, pages = loaded
    models = (String, StringSegment, TemplateSegment, OverridableSegment, TranslationContext)

    def rows():
        return [sorted(model.objects.values_list("pk", flat=True)) for model in models]

    before = rows()
    keys = pages.filter(locale=tr).values_list("translation_key", flat=True)
    sources = TranslationSource.objects.filter(object_id__in=keys)
    assert sources.count() == NETWORKS
    for source in sources:
        source.refresh_segments()
    assert rows() == before
    assert StringSegment.objects.filter(source__in=sources).count() >= NETWORKS * 10


def test_parity_report_finds_every_translation_in_step(loaded):
    call_command("translation_status", verbosity=0)  # exits non-zero when one is not


def test_the_page_tree_stays_consistent(loaded, tr, en):
    assert all(not problems for problems in Page.find_problems())
    for locale in (tr, en):
        directory = NetworkIndexPage.objects.get(locale=locale)
        assert directory.numchild == directory.get_children().count()


def test_both_directories_and_a_network_page_list_the_loaded_networks(loaded, client, en):
    _result, pages = loaded
    english = pages.filter(locale=en).first()
    directory = client.get(english.get_parent().url)
    assert english.short_name in directory.content.decode()
    page = client.get(english.url)
    assert page.status_code == 200
    assert english.full_name in page.content.decode()


def test_each_network_has_its_contact_topic_in_both_languages(loaded, tr, en):
    _result, pages = loaded
    for page in pages.filter(locale=tr):
        topic = Topic.objects.get(network=page, locale=tr)
        assert topic.live and topic.label == page.short_name
        assert topic.get_translation(en).live


def test_inquiries_are_stored_as_the_form_stores_them(loaded):
    inquiries = list(Inquiry.objects.order_by("-pk")[:30])
    assert len(inquiries) == 30
    for inquiry in inquiries:
        # The same lines as the model writes (PostgreSQL's jsonb reads the keys back in its
        # own order).
        assert sorted(inquiry.search_text.splitlines()) == sorted(
            answers_search_text(inquiry.form_data).splitlines()
        )
        assert inquiry.sender_email and inquiry.sender_name
        assert search_key(inquiry.sender_name) in inquiry.search_text
        assert inquiry.topic_name
        assert inquiry.emails.filter(kind=OutgoingEmail.Kind.NOTIFICATION).count() == 1
    times = {inquiry.submit_time.date() for inquiry in inquiries}
    assert len(times) > 1  # spread over time, not all sent now
    # New inquiries get ids after the loaded ones (PostgreSQL's sequence follows them).
    assert Inquiry.objects.create(form_data={}).pk > max(i.pk for i in inquiries)


def test_loaded_networks_sort_as_saved_ones_do(loaded):
    from networks.collation import collation_string

    _result, networks = loaded
    for page in networks.select_related("locale"):
        expected = collation_string(page.full_name, page.locale.language_code)
        assert page.name_sort_key == expected, page.full_name
