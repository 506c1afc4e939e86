from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.site_url import set_default_site_address


class Command(BaseCommand):
    help = (
        "Set the default Wagtail Site's host name and port from the site's public address "
        "(SITE_URL, from DJANGO_SITE_URL in production, or the address given), so canonical "
        "links, the sitemap and e-mails use it. `migrate` and `load_seed_content` do this too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://www.marmara.gov.tr (default: SITE_URL)"
        )

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        try:
            site = set_default_site_address(url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if site is None:
            raise CommandError("There is no default Site yet: run migrate first.")
        self.stdout.write(self.style.SUCCESS(f"Default site: {site.root_url}/"))
