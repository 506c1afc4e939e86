import polib
from django.core.management.base import BaseCommand
from django.db import transaction

from home.seed.loader import PO_PATH, SeedLoader, load_catalog


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Rewrite home/seed/content.en.po from the Turkish seed content: new strings are added "
        "untranslated, existing translations are kept, strings no longer used are dropped."
    )

    def handle(self, *args, **options):
        catalog = load_catalog()
        try:
            with transaction.atomic():
                loader = SeedLoader(log=lambda m: None, translate=False).run()
                strings = loader.source_strings()
                raise Rollback
        except Rollback:
            pass  # the pages were only built to extract their strings

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
