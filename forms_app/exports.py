"""Inbox exports (CSV and XLSX), written by the task worker into private storage.

A request never writes an export: under gunicorn's worker timeout a long one would be cut off
mid-stream and the team would get a silently truncated file. The inbox's export buttons lead
to a page that records an InquiryExport (who, the list's filters and search, the format) and
queues `run_export` once the record is committed; the worker writes the file and the page
shows its state until the file is ready to download (admin_views.InquiryExportDownloadView,
for inquiry handlers only). Files are deleted with their record INQUIRY_EXPORT_DAYS after the
export was asked for: by the next export, or by `manage.py purge_inquiries`.

`write_export()` is the whole export in one call, whatever runs it: the questions and topic
labels are read once, the inquiries in chunks from one query (e-mail delivery as two counts
per row in the same query), and every row is written as soon as it is read. Memory and the
number of queries do not grow with the number of inquiries.
"""

import csv
import io
import logging
import tempfile
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from . import audit
from .inbox import AnswerSchema, filtered_inquiries
from .records import Inquiry, InquiryExport, OutgoingEmail, answer_map, email_status_text

logger = logging.getLogger(__name__)

# Rows read from the database at a time (a server-side cursor on PostgreSQL).
CHUNK_SIZE = 2000

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

CONTENT_TYPES = {
    InquiryExport.Format.CSV: "text/csv; charset=utf-8",
    InquiryExport.Format.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
}
FILENAME = "iletisim-formu-basvurulari"

# The columns every export starts with, then one per question of the contact form.
FIXED_COLUMNS = {
    "pk": _("Reference number"),
    "submit_time": _("Sent at"),
    "status": _("State"),
    "language": _("Language"),
    "topic_name": _("Topic"),
    "notice_version": _("Privacy notice version"),
    "consent_given": _("Explicit consent"),
    "consent_text": _("Consent wording"),
    "email_status": _("E-mail status"),
}
SUBMIT_TIME_COLUMN = list(FIXED_COLUMNS).index("submit_time")
ROW_FIELDS = (
    "pk",
    "submit_time",
    "status",
    "language",
    "topic",
    "topic_label",
    "notice_version",
    "consent_given",
    "consent_text",
    "form_data",
    "page_id",
)


def neutralise_formula(value):
    """Make a text cell inert in Excel/LibreOffice by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def language_name(code):
    """The language's name in the admin's language ("Türkçe", "English" / "Turkish")."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def yes_no(value):
    return str(_("Yes") if value else _("No"))


def csv_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def xlsx_datetime(value):
    # A spreadsheet date has no time zone: give it the local wall-clock time.
    return timezone.localtime(value).replace(tzinfo=None)


def with_email_counts(queryset):
    """Each inquiry with its number of e-mails and of unsent ones, in the same query."""

    def count(condition):
        emails = (
            OutgoingEmail.objects.filter(condition, inquiry=OuterRef("pk"))
            .order_by()
            .values("inquiry")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(emails, output_field=IntegerField()), 0)

    return queryset.annotate(email_total=count(Q()), email_unsent=count(Q(sent_at__isnull=True)))


class ExportTable:
    """The export's headings and rows, in the active language and time zone."""

    def __init__(self, schema=None):
        self.schema = schema or AnswerSchema()
        self.answer_columns = self.schema.answer_columns()
        self.status_names = {value: str(label) for value, label in Inquiry.Status.choices}
        self.language_names = {}

    def headings(self):
        return [str(heading) for heading in FIXED_COLUMNS.values()] + [
            str(label) for label in self.answer_columns.values()
        ]

    def language(self, code):
        if code not in self.language_names:
            self.language_names[code] = language_name(code)
        return self.language_names[code]

    def row(self, values, datetime_cell):
        """One inquiry (a dict of ROW_FIELDS and the e-mail counts) as the export's cells."""
        fields = self.schema.fields_for(values["page_id"])
        topic_name = self.schema.topic_name(values["topic"], values["topic_label"])
        answers = answer_map(fields, values["form_data"] or {}, lambda: topic_name)
        cells = [
            values["pk"],
            datetime_cell(values["submit_time"]),
            self.status_names.get(values["status"], values["status"]),
            self.language(values["language"]),
            topic_name,
            values["notice_version"],
            yes_no(values["consent_given"]),
            values["consent_text"],
            str(email_status_text(values["email_total"], values["email_unsent"])),
        ] + [answers.get(name, "") for name in self.answer_columns]
        return [neutralise_formula(cell) for cell in cells]


def rows_of(queryset):
    """The inquiries' values in chunks from one query: never the whole table in memory."""
    queryset = with_email_counts(queryset.order_by("-submit_time", "-pk"))
    return queryset.values(*ROW_FIELDS, "email_total", "email_unsent").iterator(
        chunk_size=CHUNK_SIZE
    )


def write_csv(queryset, fileobj, table):
    text = io.TextIOWrapper(fileobj, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow(table.headings())
        count = 0
        for values in rows_of(queryset):
            writer.writerow(table.row(values, csv_datetime))
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns fileobj
    return count


def write_xlsx(queryset, fileobj, table):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from wagtail.admin.views.mixins import ExcelDateFormatter

    # Write-only: each row goes to a temporary file as it is appended, not into memory.
    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=str(_("Inquiries"))[:31])
    sheet.append(table.headings())
    date_cell = WriteOnlyCell(sheet)
    date_cell.number_format = ExcelDateFormatter().get()
    count = 0
    for values in rows_of(queryset):
        cells = table.row(values, xlsx_datetime)
        # Values go in as they are (formula-like text is already neutralised, so openpyxl
        # types it as text); the time cell carries the date format.
        date_cell.value = cells[SUBMIT_TIME_COLUMN]
        cells[SUBMIT_TIME_COLUMN] = date_cell
        sheet.append(cells)
        count += 1
    workbook.save(fileobj)
    return count


WRITERS = {InquiryExport.Format.CSV: write_csv, InquiryExport.Format.XLSX: write_xlsx}


def write_export(queryset_or_filters, fmt, fileobj):
    """Write the inquiries as CSV or XLSX (`fmt`) to the binary file `fileobj`; return the
    number of rows written (the heading not counted).

    `queryset_or_filters` is a queryset of Inquiry or the inbox's query parameters
    ({"status": ["new"], "q": ["yilmaz"]}: its filters and search). Headings and values are
    in the active language, times in the active time zone.
    """
    if isinstance(queryset_or_filters, QuerySet):
        queryset = queryset_or_filters
    else:
        queryset = filtered_inquiries(queryset_or_filters)
    return WRITERS[InquiryExport.Format(fmt)](queryset, fileobj, ExportTable())


# Export jobs --------------------------------------------------------------------------------


def audit_filters(filters):
    """The filters as the audit log names them: only those with a value."""
    return {name: ", ".join(values) for name, values in filters.items() if any(values)}


def expiry_cutoff():
    return timezone.now() - timedelta(days=settings.INQUIRY_EXPORT_DAYS)


def delete_expired_exports():
    """Delete the exports (file and record) asked for more than INQUIRY_EXPORT_DAYS ago."""
    expired = list(InquiryExport.objects.filter(created_at__lt=expiry_cutoff()))
    for export in expired:
        if export.file:
            export.file.delete(save=False)
        export.delete()
    return len(expired)


def start_export(user, file_format, filters):
    """Record an export of the inquiries that `filters` choose and queue its task for when
    the record is committed; the request returns at once."""
    delete_expired_exports()
    export = InquiryExport.objects.create(
        user=user,
        file_format=file_format,
        filters=filters,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        time_zone=timezone.get_current_timezone_name(),
    )
    transaction.on_commit(lambda: run_export.enqueue(export.pk))
    return export


# An export still being written this long after it started has lost its worker: 100,000
# inquiries take a minute or two.
ABANDONED_AFTER = timedelta(hours=1)


def is_abandoned(export):
    """Whether the worker stopped while writing the export (it is shown as failed)."""
    return (
        export.state == InquiryExport.State.RUNNING
        and export.started_at is not None
        and export.started_at < timezone.now() - ABANDONED_AFTER
    )


def export_filename(export):
    sent = timezone.localtime(export.created_at, zoneinfo.ZoneInfo(export.time_zone))
    return f"{FILENAME}-{sent:%Y%m%d-%H%M}-{export.pk}.{export.file_format}"


@task()
def run_export(export_id):
    """Write the export's file into private storage (the task worker runs this)."""
    claimed = InquiryExport.objects.filter(pk=export_id, state=InquiryExport.State.QUEUED).update(
        state=InquiryExport.State.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return  # gone (expired), or another worker has it
    export = InquiryExport.objects.get(pk=export_id)
    try:
        with (
            translation.override(export.language),
            timezone.override(zoneinfo.ZoneInfo(export.time_zone)),
            tempfile.TemporaryFile() as scratch,
        ):
            row_count = write_export(export.filters, export.file_format, scratch)
            scratch.seek(0)
            export.file.save(export_filename(export), File(scratch), save=False)
    except Exception as error:
        logger.exception("Inquiry export %s failed", export_id)
        InquiryExport.objects.filter(pk=export_id).update(
            state=InquiryExport.State.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        return
    export.row_count = row_count
    export.state = InquiryExport.State.READY
    export.finished_at = timezone.now()
    export.save(update_fields=["row_count", "state", "finished_at", "file"])
    audit.log_exported(export.user, export.file_format, audit_filters(export.filters), row_count)
