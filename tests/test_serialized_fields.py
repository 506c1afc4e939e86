"""A migration that renames a field also renames it in the JSON Wagtail and wagtail-localize
keep (revisions, translation sources, string contexts), so a revert or a translation sync
after the rename keeps the value instead of dropping it."""

import json

import pytest
from django.apps import apps
from wagtail.models import Revision
from wagtail_localize.models import TranslationContext, TranslationSource

from core.serialized_fields import rename_serialized_fields
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db


def stored_json(page):
    revision = Revision.objects.for_instance(page).latest("pk")
    source = TranslationSource.objects.get_for_instance(page)
    paths = set(
        TranslationContext.objects.filter(object_id=source.object_id).values_list("path", flat=True)
    )
    return revision.content, json.loads(source.content_json), paths


def test_a_renamed_field_keeps_its_value_in_revisions_sources_and_string_contexts(tr):
    page = NetworkPage.objects.get(locale=tr, short_name="NALAS")
    revision, source, paths = stored_json(page)
    assert revision["short_name"] == source["short_name"] == "NALAS"
    assert "full_name" in paths

    rename_serialized_fields(apps, "networks", "networkpage", {"full_name": "official_name"})

    renamed_revision, renamed_source, renamed_paths = stored_json(page)
    assert renamed_revision["official_name"] == revision["full_name"]
    assert renamed_source["official_name"] == source["full_name"]
    assert "full_name" not in renamed_revision and "full_name" not in renamed_source
    assert "official_name" in renamed_paths and "full_name" not in renamed_paths
    assert renamed_revision["short_name"] == "NALAS"  # other fields untouched

    # The reverse migration gives back exactly what was stored.
    rename_serialized_fields(apps, "networks", "networkpage", {"official_name": "full_name"})
    assert stored_json(page) == (revision, source, paths)


def test_a_model_never_saved_is_left_alone():
    rename_serialized_fields(apps, "networks", "nosuchmodel", {"a": "b"})  # no content type
    assert not Revision.objects.filter(content__has_key="b").exists()
