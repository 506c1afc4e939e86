import polib
from django.core.management.base import BaseCommand

from home.seed.loader import PO_PATH, load_catalog, source_strings


class Command(BaseCommand):
    help = (
        "Rewrite home/seed/content.en.po from the Turkish seed content: new strings are added "
        "untranslated, existing translations are kept, strings no longer used are dropped. "
        "Reads home/seed/content.py, not the database."
    )

    def handle(self, *args, **options):
        catalog = load_catalog()
        strings = source_strings()
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": "mbbcms seed content",
            "Language": "en",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        seen = set()
        for text, path, instance in strings:
            if text in seen:
                continue
            seen.add(text)
            po.append(
                polib.POEntry(
                    msgid=text,
                    msgstr=catalog.get(text, ""),
                    comment=f"{instance} | {path.split('.')[0]}",
                )
            )
        po.save(str(PO_PATH))
        untranslated = sum(1 for entry in po if not entry.msgstr)
        self.stdout.write(f"{PO_PATH}: {len(po)} strings, {untranslated} untranslated")
