from django.core.management.base import BaseCommand

from forms_app.outbox import due_ids, enqueue, send_due


class Command(BaseCommand):
    help = (
        "Send the contact-form e-mails in the outbox that are due (failed ones are retried with "
        "growing pauses). The task worker (manage.py db_worker) normally does this; run this "
        "command from cron every few minutes as a safety net, with --now after a mail-server "
        "outage, or with --enqueue to hand every unsent e-mail to the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Ignore the retry pauses and try every unsent e-mail now "
            "(for example after the mail server is repaired).",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Do not send here: queue a task for each e-mail for the worker "
            "(manage.py db_worker) to send.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            ids = due_ids(ignore_backoff=options["now"], limit=None)
            enqueue(ids)
            if ids or options["verbosity"] > 1:
                self.stdout.write(f"{len(ids)} e-mail(s) queued for the worker.")
            return
        sent, failed = send_due(ignore_backoff=options["now"])
        if sent or failed or options["verbosity"] > 1:
            self.stdout.write(
                f"{sent} e-mail(s) sent, {failed} not sent (failed, or being sent elsewhere); "
                "failures are retried later."
            )
