import signal
import time

from django.core.management.base import BaseCommand

from forms_app.outbox import send_due


class Command(BaseCommand):
    help = (
        "Send the contact-form e-mails waiting in the outbox. Failed e-mails are retried with "
        "growing pauses; run with --loop as a worker, or from cron every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running and check the outbox repeatedly."
        )
        parser.add_argument(
            "--interval", type=float, default=15, help="Seconds between checks with --loop."
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Ignore the retry pauses and try every unsent e-mail now "
            "(for example after the mail server is repaired).",
        )

    def handle(self, *args, **options):
        self.stopping = False
        if options["loop"]:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        while True:
            sent, failed = send_due(ignore_backoff=options["now"])
            if sent or failed or options["verbosity"] > 1:
                self.stdout.write(f"{sent} e-mail(s) sent, {failed} failed and queued for retry.")
            if not options["loop"] or self.stopping:
                return
            deadline = time.monotonic() + options["interval"]
            while not self.stopping and time.monotonic() < deadline:
                time.sleep(0.2)
            if self.stopping:
                return

    def stop(self, signum, frame):
        self.stopping = True
