from django.core.management.base import BaseCommand, CommandError

from home.seed.loader import seeded_pages
from home.seed.redirects import EXAMPLE_LEGACY_ADDRESSES, ensure_redirects


class Command(BaseCommand):
    help = (
        "Create the EXAMPLE redirects from the old site's /IcerikDetay.aspx?ID=… addresses "
        "(made-up IDs 101–104, see home/seed/redirects.py) on a seeded database. For trying "
        "redirects out and for the tests; production gets the real list in the admin."
    )

    def handle(self, *args, **options):
        pages = seeded_pages()
        if not pages:
            raise CommandError("No seed content: run `manage.py load_seed_content` first.")
        created = ensure_redirects(EXAMPLE_LEGACY_ADDRESSES, pages, log=lambda message: None)
        self.stdout.write(self.style.SUCCESS(f"{created} example redirect(s) created."))
