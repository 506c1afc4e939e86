"""update_seed_translations: the PO file follows home/seed/content.py, not the database."""

import io
import shutil

import polib
import pytest
from django.core.management import call_command

from home.models import WorkAreaIndexPage
from home.seed import content
from home.seed.loader import PO_PATH

pytestmark = pytest.mark.django_db

NEW_INTRODUCTION = "MBB, çalışma alanlarını her yıl yeniden gözden geçirir."
NEW_TOPIC = "Basın ve yayın"


@pytest.fixture
def po_path(tmp_path, monkeypatch):
    """The command writes a copy of the PO file, never the one in the repository."""
    path = tmp_path / "content.en.po"
    shutil.copy(PO_PATH, path)
    monkeypatch.setattr("home.management.commands.update_seed_translations.PO_PATH", path)
    return path


def run_update(po_path):
    call_command("update_seed_translations", stdout=io.StringIO())
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(po_path))}


def test_strings_added_to_the_seed_file_reach_the_po_file_on_a_seeded_database(
    po_path, monkeypatch, tr
):
    old_introduction = content.WORK_AREAS["fields"]["introduction"]
    changed = {**content.WORK_AREAS, "fields": {**content.WORK_AREAS["fields"]}}
    changed["fields"]["introduction"] = NEW_INTRODUCTION
    pages = [changed if spec is content.WORK_AREAS else spec for spec in content.PAGES]
    monkeypatch.setattr(content, "PAGES", pages)
    monkeypatch.setattr(content, "TOPICS", [*content.TOPICS, {"label": NEW_TOPIC}])

    catalog = run_update(po_path)

    assert catalog[NEW_INTRODUCTION] == ""  # new, for the translator
    assert catalog[NEW_TOPIC] == ""
    assert old_introduction not in catalog  # no longer in the seed
    assert catalog["Çalışma Alanlarımız"] == "Our Work Areas"  # translations are kept
    # The seeded database is left as it was.
    page = WorkAreaIndexPage.objects.get(locale=tr)
    assert page.introduction == old_introduction


def test_on_the_seed_as_it_is_the_po_file_keeps_every_string_and_translation(po_path):
    before = {entry.msgid: entry.msgstr for entry in polib.pofile(str(PO_PATH))}
    assert run_update(po_path) == before
