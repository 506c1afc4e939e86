from django.core.management.base import BaseCommand, CommandError

from home.seed.loader import MissingTranslations, SeedLoader


class Command(BaseCommand):
    help = (
        "Create MBB's Turkish pages and their English wagtail-localize translations. "
        "Safe to run again: existing pages and translations are left untouched."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        try:
            loader = SeedLoader(log=log).run()
        except MissingTranslations as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed content ready: {len(loader.created)} page(s) created, "
                f"{len(loader.translated)} page(s) translated into English."
            )
        )
