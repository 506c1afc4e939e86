"""The interface catalogues: complete in Turkish, and the committed .mo files match the .po."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = [("tr", "django"), ("en", "django"), ("tr", "djangojs")]


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_compiled_catalogue_matches_its_po_file(language, domain):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.mo"))
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if e.msgid}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    assert compiled == expected, "run: python manage.py compilemessages"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_interface_string_has_a_turkish_translation(domain):
    po = polib.pofile(str(LOCALE / "tr" / "LC_MESSAGES" / f"{domain}.po"))
    missing = [e.msgid for e in po if e.msgid and (not e.translated() or e.fuzzy)]
    assert missing == []
