"""`python manage.py translation_status`: the parity report on the command line (and in CI).

Exits with status 1 when any Turkish page or shared snippet has a missing or out-of-date English
counterpart, and 0 when everything is up to date or deliberately Turkish-only.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from editorial.parity import NEEDS_WORK, all_rows


class Command(BaseCommand):
    help = "List each Turkish page with the state of its English translation; fail if any lag."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="Print the rows as JSON instead of a table."
        )

    def handle(self, *args, **options):
        # Reasons are gettext strings; the command speaks English like other manage.py output.
        with translation.override("en"):
            rows = all_rows()
            if options["json"]:
                self.stdout.write(json.dumps([self.as_dict(row) for row in rows], indent=2))
            else:
                self.write_table(rows)
        lagging = [row for row in rows if row.state in NEEDS_WORK]
        if lagging:
            raise CommandError(
                f"{len(lagging)} of {len(rows)} item(s) need translation work.", returncode=1
            )
        if not options["json"]:
            self.stdout.write(self.style.SUCCESS(f"All {len(rows)} item(s) are in step."))

    def as_dict(self, row):
        return {
            "turkish": row.path or row.title,
            "english": row.target.url_path if row.is_page and row.target else row.target_title,
            "state": row.state,
            "reasons": [str(reason) for reason in row.reasons],
            "translated": row.translated,
            "total": row.total,
        }

    def write_table(self, rows):
        width = max((len(row.path or row.title) for row in rows), default=10)
        for row in rows:
            state = str(row.state_label)
            style = self.style.SUCCESS if row.state not in NEEDS_WORK else self.style.ERROR
            line = f"{(row.path or row.title):<{width}}  {style(f'{state:<12}')}"
            if row.reasons:
                line += "  " + "; ".join(str(reason) for reason in row.reasons)
            self.stdout.write(line)
