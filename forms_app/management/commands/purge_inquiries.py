from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from forms_app.exports import delete_expired_exports
from forms_app.models import Inquiry, UsedFormToken
from forms_app.spam import CLOCK_SKEW_SECONDS


class Command(BaseCommand):
    help = (
        "Delete contact-form inquiries (and their e-mails) older than the retention period "
        "stated in the privacy notice (CONTACT_RETENTION_DAYS), the record of used form "
        "tokens that have expired, and inbox exports older than INQUIRY_EXPORT_DAYS with "
        "their files. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: the CONTACT_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, **options):
        days = settings.CONTACT_RETENTION_DAYS if options["days"] is None else options["days"]
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = Inquiry.objects.filter(submit_time__lt=cutoff)
        count = expired.count()
        if options["dry_run"]:
            self.stdout.write(f"{count} inquiry(ies) older than {days} days would be deleted.")
            return
        expired.delete()
        self.stdout.write(f"Deleted {count} inquiry(ies) older than {days} days.")
        self.forget_expired_tokens()
        exports = delete_expired_exports()
        self.stdout.write(
            f"Deleted {exports} export(s) older than {settings.INQUIRY_EXPORT_DAYS} days."
        )

    @staticmethod
    def forget_expired_tokens():
        """A used token older than a token's lifetime is refused as expired anyway."""
        lifetime = timedelta(seconds=settings.CONTACT_FORM_TOKEN_MAX_AGE + CLOCK_SKEW_SECONDS)
        UsedFormToken.objects.filter(used_at__lt=timezone.now() - lifetime).delete()
