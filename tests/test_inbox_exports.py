"""The inbox at scale: a page of the list and an export cost the same number of queries
whatever the number of inquiries, an export is written by the task worker (never by the
request, which gunicorn would cut off) into private storage, holds exactly the rows the
list's filters choose, and keeps its memory flat."""

import csv
import datetime
import io
import tracemalloc
from pathlib import Path
from urllib.parse import urlencode

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from editorial.roles import EDITORS, INQUIRY_HANDLERS
from forms_app import audit, exports
from forms_app.exports import write_export
from forms_app.models import ContactFormPage, Inquiry, InquiryExport, OutgoingEmail
from forms_app.records import answers_search_text
from tests.contact import exported
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

INBOX = "forms_app_inquiry:index"
EXPORTS = "forms_app_inquiry:exports"
CREATE = "forms_app_inquiry:export_create"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def signed_in(username, *groups, language="tr"):
    client = Client()
    client.force_login(UserFactory(username=username, groups=groups, language=language))
    return client


@pytest.fixture
def handler():
    return signed_in("handler", INQUIRY_HANDLERS)


def add_inquiries(count, first=0, **fields):
    """`count` inquiries as the form stores them, in bulk (every tenth one from the English
    page, every third answered, every seventh from "Öztürk"), each with an e-mail, sent for
    odd reference numbers."""
    pages = {page.locale.language_code: page for page in ContactFormPage.objects.all()}
    rows = []
    for number in range(first, first + count):
        language = "en" if number % 10 == 0 else "tr"
        name = "Zeynep Öztürk" if number % 7 == 0 else f"Ayşe Yılmaz {number}"
        form_data = {
            "adiniz_ve_soyadiniz": name,
            "e_posta_adresiniz": f"kisi{number}@example.org",
            "kurumunuz": "=HYPERLINK(1)" if number % 11 == 0 else "Çanakkale Belediyesi",
            "mesajiniz": f"Başvuru {number}: kardeş şehir bilgisi.",
        }
        rows.append(
            Inquiry(
                page=pages[language],
                page_title=pages[language].title,
                language=language,
                form_data=form_data,
                search_text=answers_search_text(form_data),
                status=Inquiry.Status.ANSWERED if number % 3 == 0 else Inquiry.Status.NEW,
                **fields,
            )
        )
    created = Inquiry.objects.bulk_create(rows, batch_size=500)
    OutgoingEmail.objects.bulk_create(
        [
            OutgoingEmail(
                inquiry=inquiry,
                kind=OutgoingEmail.Kind.NOTIFICATION,
                language="tr",
                to_address="ekip@example.org",
                subject="Başvuru",
                body_text="…",
                message_id=f"<{inquiry.pk}@test>",
                next_attempt_at=START,
                sent_at=START if inquiry.pk % 2 else None,
            )
            for inquiry in created
        ],
        batch_size=500,
    )
    return created


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def export_page(client, **params):
    return client.get(reverse(CREATE) + "?" + urlencode(params))


def start(client, **params):
    """Presses Start on the export page; the task runs after the commit (ImmediateBackend)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse(CREATE) + "?" + urlencode(params))
    assert response.status_code == 302
    return InquiryExport.objects.latest("pk")


def count_queries(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


# A constant number of queries ----------------------------------------------------------------


def test_a_page_of_the_inbox_runs_the_same_queries_for_5_and_40_inquiries(handler):
    url = reverse(INBOX) + "?status="
    handler.get(url)  # the first request of a process loads content types and translations
    add_inquiries(5)
    five = count_queries(lambda: handler.get(url))
    add_inquiries(35, first=5)
    forty = count_queries(lambda: handler.get(url))
    page = handler.get(url).content.decode()
    assert "Ayşe Yılmaz 39" in page and "Zeynep Öztürk" in page
    assert forty == five, (five, forty)
    assert five <= 30, five


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_runs_the_same_queries_for_10_and_200_inquiries(file_format):
    add_inquiries(10)
    ten = count_queries(lambda: write_export({"status": [""]}, file_format, io.BytesIO()))
    add_inquiries(190, first=10)
    output = io.BytesIO()
    two_hundred = count_queries(lambda: write_export({"status": [""]}, file_format, output))
    assert ten == two_hundred, (ten, two_hundred)
    assert ten <= 6, ten


# Exports are written by the task worker --------------------------------------------------------


def test_the_request_only_queues_the_export_and_the_worker_writes_the_file(handler, monkeypatch):
    # The worker runs in this test's transaction: its connection housekeeping would close
    # the connection that holds the test's data.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    add_inquiries(30)
    with override_settings(TASKS=DATABASE_QUEUE):
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = handler.post(reverse(CREATE) + "?format=csv&status=")
        assert response.status_code == 302
        export = InquiryExport.objects.get()
        # Nothing written yet: the request queued a task and returned.
        assert export.state == InquiryExport.State.QUEUED
        assert not export.file
        assert export.user.username == "handler"
        assert export.filters == {"status": [""]}
        task = DBTaskResult.objects.get()
        assert task.task_path == "forms_app.exports.run_export"
        assert task.args_kwargs["args"] == [export.pk]
        page = handler.get(reverse(EXPORTS)).content.decode()
        assert '<meta http-equiv="refresh"' in page
        assert "Görev çalıştırıcısı bekleniyor." in page

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    export.refresh_from_db()
    assert export.state == InquiryExport.State.READY
    assert export.row_count == 30
    assert len(csv_rows(export.file.read())) == 30


def test_an_export_of_thousands_of_rows_holds_exactly_the_filtered_inquiries(handler):
    add_inquiries(6000)
    params = {"status": "answered", "q": "ozturk", "format": "csv"}
    expected = Inquiry.objects.filter(status="answered", search_text__contains="ozturk")
    assert 250 < expected.count() < 6000
    export = start(handler, **params)
    assert export.state == InquiryExport.State.READY
    assert export.row_count == expected.count()
    response = handler.get(reverse("forms_app_inquiry:export_download", args=[export.pk]))
    rows = csv_rows(b"".join(response.streaming_content))
    assert len(rows) == expected.count()
    assert {int(row["Başvuru numarası"]) for row in rows} == set(
        expected.values_list("pk", flat=True)
    )
    assert {row["Durum"] for row in rows} == {"Yanıtlandı"}
    assert {row["Adınız ve soyadınız"] for row in rows} == {"Zeynep Öztürk"}
    # And with no filter at all, every one of them.
    everything = start(handler, status="", format="xlsx")
    assert everything.row_count == Inquiry.objects.count() == 6000
    sheet = openpyxl.load_workbook(everything.file.open("rb"), read_only=True).active
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == 6001  # the heading and 6,000
    entry = ModelLogEntry.objects.filter(action=audit.EXPORTED).order_by("pk").first()
    assert entry.data == {
        "format": "csv",
        "filters": {"status": "answered", "q": "ozturk"},
        "count": expected.count(),
    }


def test_the_export_keeps_the_content_rules_of_the_inbox(handler):
    first_inquiry, *_ = add_inquiries(12)
    Inquiry.objects.filter(pk=first_inquiry.pk).update(submit_time=START, consent_given=True)
    rows = csv_rows(exported(handler, "csv", status=""))
    first = next(row for row in rows if row["Başvuru numarası"] == str(first_inquiry.pk))
    # 09:00 UTC is 12:00 in Istanbul.
    assert first["Gönderilme zamanı"] == "2026-01-05 12:00:00"
    assert first["Dil"] == "İngilizce" and first["Açık rıza"] == "Evet"
    assert first["Kurumunuz"] == "'=HYPERLINK(1)"
    assert {row["E-posta durumu"] for row in rows} == {
        "gönderildi",
        "1 tanesi yeniden denenmeyi bekliyor",
    }


# Flat memory --------------------------------------------------------------------------------


def peak_memory(file_format, path):
    with path.open("wb") as output:
        tracemalloc.start()
        try:
            rows = write_export({"status": [""]}, file_format, output)
            return rows, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


# (format, rows, six times the rows, rows read at a time). XLSX is slow under tracemalloc.
MEMORY_RUNS = [("csv", 1000, 6000, 200), ("xlsx", 400, 2400, 80)]


@pytest.mark.parametrize(("file_format", "small_count", "large_count", "chunk"), MEMORY_RUNS)
def test_an_exports_memory_does_not_grow_with_its_rows(
    file_format, small_count, large_count, chunk, tmp_path, monkeypatch
):
    # Smaller chunks than in production, so that both runs read many of them.
    monkeypatch.setattr(exports, "CHUNK_SIZE", chunk)
    add_inquiries(10)
    peak_memory(file_format, tmp_path / "warm")  # imports and translations, once
    add_inquiries(small_count - 10, first=10)
    rows, small = peak_memory(file_format, tmp_path / "small")
    assert rows == small_count
    add_inquiries(large_count - small_count, first=small_count)
    rows, large = peak_memory(file_format, tmp_path / "large")
    assert rows == large_count
    # One chunk of rows in memory at a time: holding every row would take six times as much.
    assert large < small * 1.3, (small, large)
    assert large < 10_000_000, large


# Private files, for inquiry readers --------------------------------------------------------


def test_the_file_is_private_and_downloaded_as_an_attachment_by_its_handler_only(handler):
    add_inquiries(3)
    export = start(handler, status="", format="csv")
    path = Path(export.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    download = reverse("forms_app_inquiry:export_download", args=[export.pk])
    response = handler.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="iletisim-formu-')
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Another handler has not asked for it; an editor reads no inquiries; a visitor is sent
    # to the login page.
    assert signed_in("other", INQUIRY_HANDLERS).get(download).status_code == 404
    assert signed_in("editor", EDITORS).get(download).status_code == 403
    assert signed_in("editor2", EDITORS).get(reverse(EXPORTS)).status_code == 403
    assert signed_in("editor3", EDITORS).get(reverse(CREATE)).status_code == 403
    assert Client().get(download).status_code == 302
    superuser = Client()
    superuser.force_login(SuperuserFactory())
    assert superuser.get(download).status_code == 200


def test_wagtails_export_buttons_lead_to_the_export_page_with_the_lists_filters(handler):
    add_inquiries(3)
    html = handler.get(reverse(INBOX), {"status": "answered", "q": "yilmaz"}).content.decode()
    links = {a["href"] for a in BeautifulSoup(html, "html5lib").select("a[href]")}
    assert reverse(CREATE) + "?status=answered&q=yilmaz&format=csv" in links
    assert reverse(CREATE) + "?status=answered&q=yilmaz&format=xlsx" in links
    assert reverse(EXPORTS) in links
    # An old export address streams nothing: it leads to the export page too.
    response = handler.get(reverse(INBOX), {"q": "yilmaz", "export": "csv"})
    assert response.status_code == 302
    assert response["Location"] == reverse(CREATE) + "?q=yilmaz&format=csv"
    # Nor does Wagtail's per-page list of submissions with its own export.
    superuser = Client()
    superuser.force_login(SuperuserFactory())
    for page in ContactFormPage.objects.all():
        url = reverse("wagtailforms:list_submissions", args=[page.pk])
        response = superuser.get(url, {"export": "csv"})
        assert response.status_code == 302 and not response.streaming
        assert response["Location"] == reverse(INBOX)
    page = BeautifulSoup(export_page(handler, q="yilmaz", format="csv").content, "html5lib")
    text = " ".join(page.get_text(" ").split())
    assert "Filtrelere ve aramaya şu anda 2 başvuru uyuyor." in text  # new, with "yilmaz"
    assert "Durum Yeni" in text and "Aranan “yilmaz”" in text
    assert page.select_one("input[name=format][value=csv]").has_attr("checked")
    assert InquiryExport.objects.count() == 0  # showing the page starts nothing


def test_the_exports_page_shows_each_state_in_turkish_and_english(handler):
    add_inquiries(4)
    ready = start(handler, status="", format="xlsx")
    failed = InquiryExport.objects.create(
        user=ready.user,
        file_format="csv",
        language="tr",
        time_zone="Europe/Istanbul",
        state=InquiryExport.State.FAILED,
        error="OperationalError: disk full",
    )
    running = InquiryExport.objects.create(
        user=ready.user,
        file_format="csv",
        language="tr",
        time_zone="Europe/Istanbul",
        state=InquiryExport.State.RUNNING,
    )
    page = BeautifulSoup(handler.get(reverse(EXPORTS)).content, "html5lib")
    text = " ".join(page.get_text(" ").split())
    assert "XLSX indir (4 başvuru)" in text
    assert "Hazır" in text and "Başarısız" in text and "Yazılıyor" in text
    assert "Dışa aktarma başarısız oldu." in text
    assert "disk full" not in text  # the technical detail is for the logs
    assert page.select_one(f"#export-{running.pk}") and page.select_one(f"#export-{failed.pk}")
    assert page.select_one('meta[http-equiv="refresh"]')
    english = Client()
    english.force_login(ready.user)
    ready.user.wagtail_userprofile.preferred_language = "en"
    ready.user.wagtail_userprofile.save()
    text = " ".join(
        BeautifulSoup(english.get(reverse(EXPORTS)).content, "html5lib").get_text(" ").split()
    )
    assert "Download XLSX (4 inquiries)" in text and "Being written" in text


def test_an_export_whose_worker_stopped_while_writing_it_is_shown_as_failed(handler):
    InquiryExport.objects.create(
        user=User.objects.get(username="handler"),
        file_format="csv",
        language="tr",
        time_zone="Europe/Istanbul",
        state=InquiryExport.State.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=2),
    )
    page = BeautifulSoup(handler.get(reverse(EXPORTS)).content, "html5lib")
    text = " ".join(page.get_text(" ").split())
    assert "Başarısız" in text and "Dışa aktarma başarısız oldu." in text
    assert "Yazılıyor" not in text
    assert not page.select_one('meta[http-equiv="refresh"]')  # nothing left to wait for


def test_exports_are_deleted_with_their_files_after_seven_days(handler):
    add_inquiries(2)
    old = start(handler, status="", format="csv")
    path = Path(old.file.path)
    assert path.exists()
    InquiryExport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.INQUIRY_EXPORT_DAYS, hours=1)
    )
    # Expired: no longer listed or served, and gone with the next export.
    assert (
        handler.get(reverse("forms_app_inquiry:export_download", args=[old.pk])).status_code == 404
    )
    start(handler, status="", format="csv")
    assert not InquiryExport.objects.filter(pk=old.pk).exists()
    assert not path.exists()
    # purge_inquiries, run daily, deletes them too.
    recent = InquiryExport.objects.get()
    InquiryExport.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_inquiries", verbosity=0)
    assert not InquiryExport.objects.exists()
    assert not Path(recent.file.path).exists()


# The search uses an index -------------------------------------------------------------------


def test_the_search_folds_turkish_letters_on_every_database(handler):
    add_inquiries(8)
    for query in ("ozturk", "ÖZTÜRK", "öztürk"):
        html = handler.get(reverse(INBOX), {"status": "", "q": query}).content.decode()
        assert html.count("Zeynep Öztürk") == 2, query  # inquiries 0 and 7


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_the_search_is_answered_by_the_trigram_index_on_postgresql():
    add_inquiries(200)
    from forms_app.inbox import search_inquiries

    # Unordered: how the inquiries are found, not how a page of them is sorted.
    queryset = search_inquiries(Inquiry.objects.all(), "ozturk").order_by()
    with connection.cursor() as cursor:
        # A table this small is cheaper to read whole; the question is whether the index can
        # answer the search's LIKE, as it does at 100,000 inquiries.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "forms_app_inquiry_search_trgm" in plan, plan
