"""The inbox the team works from: each row opens its inquiry, a working state, search, Istanbul
time, need-to-know access for Inquiry handlers only, an audit trail, erasure on request."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from editorial.roles import EDITORS, INQUIRY_HANDLERS, MODERATORS, TRANSLATORS
from forms_app import audit
from forms_app.models import Inquiry, OutgoingEmail
from tests.contact import contact_page, exported, forget_rate_limit, topic_key, valid_answers
from tests.factories import InquiryHandlerFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

INBOX = "forms_app_inquiry:index"
UTC = datetime.UTC
# 09:05 in UTC is 12:05 in Istanbul (UTC+3 all year).
SENT_UTC = datetime.datetime(2026, 6, 1, 9, 5, 30, tzinfo=UTC)


def inspect_url(inquiry):
    return reverse("forms_app_inquiry:inspect", args=[inquiry.pk])


def delete_url(inquiry):
    return reverse("forms_app_inquiry:delete", args=[inquiry.pk])


def state_url(inquiry):
    return reverse("forms_app_inquiry:state", args=[inquiry.pk])


@pytest.fixture
def inquiries(tr, en):
    """Ayşe's Turkish inquiry (sent 12:05 Istanbul time) and John's English one."""
    visitor = Client()
    forget_rate_limit()
    visitor.post(contact_page(tr).url, valid_answers(konu=topic_key("TDBB")))
    visitor.post(
        contact_page(en).url,
        valid_answers(
            adiniz_ve_soyadiniz="John Smith",
            e_posta_adresiniz="john@example.org",
            mesajiniz="Please send the TDBB membership report.",
            konu=topic_key("Energy Cities"),
        ),
    )
    forget_rate_limit()
    ayse, john = Inquiry.objects.order_by("submit_time")
    Inquiry.objects.filter(pk=ayse.pk).update(submit_time=SENT_UTC)
    ayse.refresh_from_db()
    return ayse, john


def signed_in(username, *groups, language="tr"):
    client = Client()
    client.force_login(UserFactory(username=username, groups=groups, language=language))
    return client


@pytest.fixture
def handler():
    return signed_in("handler", INQUIRY_HANDLERS)


@pytest.fixture
def superuser():
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def download(client, file_format, **params):
    return exported(client, file_format, **params)


def csv_rows(content):
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    return header, rows


# Every row opens its inquiry -------------------------------------------------------------


def test_the_senders_name_in_each_row_links_to_the_inquiry(handler, inquiries):
    html = BeautifulSoup(handler.get(reverse(INBOX)).content, "html5lib")
    for inquiry in inquiries:
        link = html.find("a", href=inspect_url(inquiry))
        assert link is not None, inquiry
        assert link.get_text(strip=True) == inquiry.sender_name


def test_the_detail_shows_answers_language_notice_consent_and_each_emails_delivery(
    handler, inquiries
):
    ayse, _ = inquiries
    notification = ayse.emails.get(kind=OutgoingEmail.Kind.NOTIFICATION)
    notification.attempts = 2
    notification.last_error = "SMTPServerDisconnected: Connection unexpectedly closed"
    notification.save()
    ayse.emails.filter(kind=OutgoingEmail.Kind.CONFIRMATION).update(sent_at=SENT_UTC)

    page = BeautifulSoup(handler.get(inspect_url(ayse)).content, "html5lib")
    text = page.get_text(" ", strip=True)
    for label, answer in ayse.get_answers():
        assert f"{label} {answer}" in text
    assert "Mesajınız" in text and "Konu TDBB" in text
    assert "Dil Türkçe" in text
    assert f"Aydınlatma metni sürümü {ayse.notice_version or '—'}" in text
    assert "Açık rıza Hayır" in text
    assert "Connection unexpectedly closed" in text
    assert "2 denemeden sonra henüz gönderilmedi" in text
    assert "1 Haziran 2026 12:05 tarihinde gönderildi" in text


def test_the_detail_shows_the_consent_wording_that_was_recorded(handler, inquiries):
    ayse, _ = inquiries
    Inquiry.objects.filter(pk=ayse.pk).update(
        consent_given=True, consent_text="Bülten almayı kabul ediyorum.", notice_version="2026-1"
    )
    text = BeautifulSoup(handler.get(inspect_url(ayse)).content, "html5lib").get_text(" ")
    assert "Açık rıza Evet" in " ".join(text.split())
    assert "Bülten almayı kabul ediyorum." in text
    assert "2026-1" in text
    # E-mails not tried yet are waiting in the queue, not failing.
    assert "Kuyrukta; ilk deneme" in text


# Working state ------------------------------------------------------------------------------


def test_the_inbox_opens_on_new_inquiries_and_filters_on_state(handler, inquiries):
    ayse, john = inquiries
    Inquiry.objects.filter(pk=john.pk).update(status=Inquiry.Status.ARCHIVED)

    def listed(**params):
        html = handler.get(reverse(INBOX), params).content.decode()
        return {inquiry.pk for inquiry in inquiries if inspect_url(inquiry) in html}

    assert listed() == {ayse.pk}
    assert listed(status="archived") == {john.pk}
    assert listed(status="answered") == set()
    assert listed(status="") == {ayse.pk, john.pk}
    # The filter shows which state is chosen.
    page = BeautifulSoup(handler.get(reverse(INBOX)).content, "html5lib")
    assert page.find("input", attrs={"name": "status", "value": "new"}).has_attr("checked")


def test_the_topic_filter_lists_what_the_form_offers_by_turkish_name(handler, settings):
    from home.seed import content
    from networks.models import NetworkPage

    def filter_options():
        page = BeautifulSoup(handler.get(reverse(INBOX)).content, "html5lib")
        select = page.find("select", attrs={"name": "topic"})
        return [option.get_text(strip=True) for option in select.find_all("option")[1:]]

    general = sorted(topic["label"] for topic in content.TOPICS)
    networks = NetworkPage.objects.filter(locale__language_code="tr")
    settings.CONTACT_NETWORK_TOPICS_LISTED = networks.count()
    assert filter_options() == sorted([*general, *(n.short_name for n in networks)])
    # With more network topics than the form lists, neither does the filter (a search for
    # the network's name finds its inquiries).
    settings.CONTACT_NETWORK_TOPICS_LISTED = networks.count() - 1
    assert filter_options() == general


def test_a_handler_changes_the_state_from_the_detail_and_who_and_when_is_recorded(
    inquiries,
):
    ayse, _ = inquiries
    user = InquiryHandlerFactory(username="handler", language="tr")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = BeautifulSoup(client.get(inspect_url(ayse)).content, "html5lib")
    form = page.find("form", action=state_url(ayse))
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    options = [option.get_text(strip=True) for option in form.find_all("option")]
    assert options == ["Yeni", "Yanıtlandı", "Arşivlendi"]

    response = client.post(
        state_url(ayse), {"status": "answered", "csrfmiddlewaretoken": token}, follow=True
    )
    assert response.redirect_chain[-1][0] == inspect_url(ayse)
    ayse.refresh_from_db()
    assert ayse.status == Inquiry.Status.ANSWERED
    assert ayse.status_changed_by == user
    assert ayse.status_changed_at is not None
    assert "handler" in BeautifulSoup(response.content, "html5lib").get_text()


def test_a_state_change_without_the_csrf_token_is_refused(inquiries):
    ayse, _ = inquiries
    client = Client(enforce_csrf_checks=True)
    client.force_login(InquiryHandlerFactory(username="handler"))
    assert client.post(state_url(ayse), {"status": "archived"}).status_code == 403
    ayse.refresh_from_db()
    assert ayse.status == Inquiry.Status.NEW


def test_an_unknown_state_changes_nothing(handler, inquiries):
    ayse, _ = inquiries
    response = handler.post(state_url(ayse), {"status": "deleted"}, follow=True)
    assert response.status_code == 200
    ayse.refresh_from_db()
    assert ayse.status == Inquiry.Status.NEW


def test_the_dashboard_shows_new_inquiries_to_handlers_only(inquiries):
    ayse, john = inquiries
    Inquiry.objects.filter(pk=john.pk).update(status=Inquiry.Status.ANSWERED)
    handler = signed_in("handler", INQUIRY_HANDLERS)
    page = BeautifulSoup(handler.get(reverse("wagtailadmin_home")).content, "html5lib")
    panel = page.find(id="new-inquiries-section")
    assert panel is not None
    assert "1 yeni başvuru" in panel.get_text(" ", strip=True)
    assert panel.find("a", href=inspect_url(ayse)) is not None
    assert panel.find("a", href=inspect_url(john)) is None

    editor = signed_in("editor", EDITORS)
    page = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="new-inquiries-section"' not in page


def test_the_dashboard_lists_the_latest_five_new_inquiries(handler, inquiries):
    ayse, _ = inquiries
    for minutes in range(6):
        Inquiry.objects.create(
            page=ayse.page,
            form_data={**ayse.form_data, "adiniz_ve_soyadiniz": f"Gönderen {minutes}"},
            submit_time=SENT_UTC,
        )
    panel = BeautifulSoup(handler.get(reverse("wagtailadmin_home")).content, "html5lib").find(
        id="new-inquiries-section"
    )
    assert "8 yeni başvuru" in panel.get_text(" ", strip=True)
    assert len(panel.select("tbody tr")) == 5


# Search ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Ayşe Yılmaz", "ayse"),
        ("yilmaz", "ayse"),  # typed without Turkish letters
        ("AYŞE", "ayse"),
        ("JOHN@example.ORG", "john"),
        ("kardeş şehir", "ayse"),  # message text
        ("membership report", "john"),
        ("adiniz", None),  # the answers' keys are not searched
        ("nobody@example.org", None),
    ],
)
def test_search_finds_inquiries_by_sender_name_email_and_message(handler, inquiries, query, found):
    ayse, john = inquiries
    html = handler.get(reverse(INBOX), {"q": query}).content.decode()
    expected = {"ayse": {ayse.pk}, "john": {john.pk}, None: set()}[found]
    assert {inquiry.pk for inquiry in inquiries if inspect_url(inquiry) in html} == expected


# Istanbul time and readable exports --------------------------------------------------------


def test_the_list_and_the_detail_show_istanbul_time(handler, inquiries):
    ayse, _ = inquiries
    listing = BeautifulSoup(handler.get(reverse(INBOX)).content, "html5lib").get_text(" ")
    assert "1 Haziran 2026 12:05" in listing
    detail = BeautifulSoup(handler.get(inspect_url(ayse)).content, "html5lib").get_text(" ")
    assert "1 Haziran 2026 12:05" in detail
    assert "09:05" not in detail


def test_the_csv_and_xlsx_exports_show_istanbul_time(handler, inquiries):
    ayse, _ = inquiries
    _, rows = csv_rows(download(handler, "csv"))
    by_reference = {row["Başvuru numarası"]: row for row in rows}
    assert by_reference[str(ayse.pk)]["Gönderilme zamanı"] == "2026-06-01 12:05:30"

    _, rows = xlsx_rows(download(handler, "xlsx"))
    by_reference = {str(row["Başvuru numarası"]): row for row in rows}
    assert by_reference[str(ayse.pk)]["Gönderilme zamanı"] == datetime.datetime(
        2026, 6, 1, 12, 5, 30
    )


def test_exports_are_readable_in_the_turkish_admin_language_with_no_column_twice(
    handler, inquiries
):
    for header, rows in (csv_rows(download(handler, "csv")), xlsx_rows(download(handler, "xlsx"))):
        assert len(header) == len(set(header)), header
        assert "Konu" in header and "Durum" in header
        assert {row["Dil"] for row in rows} == {"Türkçe", "İngilizce"}
        assert {row["Açık rıza"] for row in rows} == {"Hayır"}
        assert {row["Durum"] for row in rows} == {"Yeni"}
        assert {row["Konu"] for row in rows} == {"TDBB", "Energy Cities"}


def test_exports_follow_an_english_admin_language(inquiries):
    client = signed_in("handler", INQUIRY_HANDLERS, language="en")
    for header, rows in (csv_rows(download(client, "csv")), xlsx_rows(download(client, "xlsx"))):
        assert header[:4] == ["Reference number", "Sent at", "State", "Language"]
        assert {row["Language"] for row in rows} == {"Turkish", "English"}
        assert {row["Explicit consent"] for row in rows} == {"No"}
        assert {row["State"] for row in rows} == {"New"}
        # Answers keep the team's (Turkish) labels.
        assert "Mesajınız" in header


# Need to know ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS, MODERATORS])
def test_editors_translators_and_moderators_are_refused_every_inquiry_url(role, inquiries):
    ayse, _ = inquiries
    client = signed_in("someone", role)
    for url in (
        reverse(INBOX),
        reverse(INBOX) + "?export=csv",
        reverse(INBOX) + "?export=xlsx",
        reverse("forms_app_inquiry:index_results"),
        inspect_url(ayse),
        delete_url(ayse),
        reverse("forms_app_inquiry:history", args=[ayse.pk]),
        reverse("forms_app_inquiry:usage", args=[ayse.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(delete_url(ayse)).status_code == 403
    assert client.post(state_url(ayse), {"status": "archived"}).status_code == 403
    ayse.refresh_from_db()
    assert ayse.status == Inquiry.Status.NEW
    # No menu item, and nothing from the inbox on the dashboard.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INBOX) not in dashboard
    assert not ModelLogEntry.objects.filter(action__startswith="forms_app.inquiry").exists()


def test_inquiry_handlers_read_change_export_and_delete_inquiries(inquiries):
    handlers = Group.objects.get(name=INQUIRY_HANDLERS)
    assert set(handlers.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_inquiry",
        "change_inquiry",
        "delete_inquiry",
    }
    client = signed_in("handler", INQUIRY_HANDLERS)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INBOX) in dashboard  # the menu item
    # Handlers read inquiries; where each topic goes is set by administrators.
    assert reverse("wagtailsnippets_forms_app_topic:list") not in dashboard
    # Inquiries are never written in the admin, only read.
    assert client.get(reverse("forms_app_inquiry:add")).status_code == 403
    assert client.get(reverse("forms_app_inquiry:edit", args=[inquiries[0].pk])).status_code == 403


def test_no_other_role_holds_an_inquiry_permission():
    for name in (EDITORS, TRANSLATORS, MODERATORS):
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert not [codename for codename in codenames if codename.endswith("_inquiry")], name


def test_the_migration_takes_inquiry_access_away_from_editors():
    from django.apps import apps

    from editorial.roles import set_up_inquiry_handlers

    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_inquiry"))
    set_up_inquiry_handlers(apps)
    assert not editors.permissions.filter(codename="view_inquiry").exists()
    assert editors.permissions.filter(codename="change_contactdetails").exists()


# Audit log ----------------------------------------------------------------------------------


def test_viewing_an_inquiry_is_written_to_the_audit_log(handler, inquiries):
    ayse, _ = inquiries
    handler.get(inspect_url(ayse))
    entry = ModelLogEntry.objects.get(action=audit.VIEWED)
    assert entry.object_id == str(ayse.pk)
    assert entry.user.username == "handler"
    assert entry.label == f"#{ayse.pk}"


def test_an_export_is_logged_with_its_filter_and_row_count(handler, inquiries):
    download(handler, "csv", q="yilmaz")
    download(handler, "xlsx", status="")
    csv_entry, xlsx_entry = ModelLogEntry.objects.filter(action=audit.EXPORTED).order_by("pk")
    assert csv_entry.data == {
        "format": "csv",
        "filters": {"status": "new", "q": "yilmaz"},
        "count": 1,
    }
    assert xlsx_entry.data == {"format": "xlsx", "filters": {}, "count": 2}
    assert xlsx_entry.user.username == "handler"


def test_a_state_change_is_written_to_the_audit_log(handler, inquiries):
    ayse, _ = inquiries
    handler.post(state_url(ayse), {"status": "archived"})
    entry = ModelLogEntry.objects.get(action=audit.STATE_CHANGED)
    assert entry.data == {"from": "new", "to": "archived"}


def test_superusers_read_the_inbox_entries_under_site_history(handler, superuser, inquiries):
    ayse, _ = inquiries
    handler.get(inspect_url(ayse))
    download(handler, "csv")
    handler.post(delete_url(ayse))
    page = superuser.get(reverse("wagtailadmin_reports:site_history"))
    assert page.status_code == 200
    text = BeautifulSoup(page.content, "html5lib").get_text(" ")
    assert "Başvuruyu görüntüledi" in text
    assert "2 başvuruyu CSV olarak dışa aktardı" in " ".join(text.split())
    assert "Başvuruyu ve 2 e-postasını sildi" in text
    assert "Ayşe" not in text and "ayse@example.org" not in text


# Erasure on request -------------------------------------------------------------------------


def test_a_handler_erases_an_inquiry_and_its_emails_after_confirming(handler, inquiries):
    ayse, john = inquiries
    assert ayse.emails.count() == 2
    confirmation = handler.get(delete_url(ayse))
    assert confirmation.status_code == 200
    assert Inquiry.objects.filter(pk=ayse.pk).exists()  # nothing happens before confirming
    page = BeautifulSoup(confirmation.content, "html5lib")
    question = f"{ayse.pk} numaralı başvuru ve e-postaları kalıcı olarak silinsin mi?"
    assert question in page.get_text(" ")
    form = page.find("form", action=delete_url(ayse))
    assert form is not None and form["method"].lower() == "post"

    response = handler.post(delete_url(ayse), follow=True)
    assert response.redirect_chain[0][0] == reverse(INBOX)
    assert f"{ayse.pk} numaralı başvuru ve e-postaları silindi." in response.content.decode()
    assert not Inquiry.objects.filter(pk=ayse.pk).exists()
    assert not OutgoingEmail.objects.filter(inquiry_id=ayse.pk).exists()
    assert OutgoingEmail.objects.filter(inquiry=john).count() == 2


def test_the_deletion_log_entry_holds_the_reference_number_only(handler, inquiries):
    ayse, _ = inquiries
    personal = [ayse.sender_name, ayse.sender_email, "Yılmaz", "Çanakkale"]
    handler.post(delete_url(ayse))
    entry = ModelLogEntry.objects.get(action=audit.DELETED)
    assert entry.object_id == str(ayse.pk)
    assert entry.label == f"#{ayse.pk}"
    assert entry.deleted
    stored = f"{entry.label} {entry.data} {entry.object_id}"
    assert not [value for value in personal if value in stored]


def test_wagtails_unaudited_per_page_deletion_is_refused(superuser, inquiries):
    ayse, _ = inquiries
    url = f"/admin/forms/submissions/{ayse.page_id}/delete/?selected-submissions={ayse.pk}"
    assert superuser.post(url).status_code == 403
    assert Inquiry.objects.filter(pk=ayse.pk).exists()


def test_a_deleted_handler_leaves_the_state_record_in_place(inquiries):
    ayse, _ = inquiries
    user = InquiryHandlerFactory()
    ayse.set_status(Inquiry.Status.ANSWERED, user)
    user.delete()
    ayse.refresh_from_db()
    assert ayse.status == Inquiry.Status.ANSWERED
    assert ayse.status_changed_by is None
    assert ayse.status_changed_at.astimezone(ZoneInfo("Europe/Istanbul")).tzinfo is not None


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_the_contact_page_editor_shows_no_inquiry_count_to_editors_and_moderators(
    role, superuser, inquiries
):
    ayse, _ = inquiries
    page_editor = f"/admin/pages/{ayse.page_id}/edit/"
    submissions = f"/admin/forms/submissions/{ayse.page_id}/"
    assert submissions in superuser.get(page_editor).content.decode()
    response = signed_in("someone", role).get(page_editor)
    assert response.status_code == 200
    assert submissions not in response.content.decode()


def test_an_unknown_state_in_the_address_shows_the_inbox_not_an_error(handler, inquiries):
    for params in ({"status": "silindi"}, {"status": "new", "q": "%_\\"}, {"language": "xx"}):
        assert handler.get(reverse(INBOX), params).status_code == 200, params
        assert download(handler, "csv", **params).startswith("\ufeff".encode())


FORM_ORDER = ["adiniz_ve_soyadiniz", "e_posta_adresiniz", "kurumunuz", "konu", "mesajiniz"]


def test_the_form_the_detail_and_the_export_keep_the_fields_order_on_every_database(
    handler, inquiries
):
    ayse, _ = inquiries
    form = BeautifulSoup(Client().get(contact_page(ayse.page.locale).url).content, "html5lib")
    names = [field["name"] for field in form.select("form.form [name]")]
    assert [name for name in names if name in FORM_ORDER] == FORM_ORDER
    labels = {
        field.clean_name: field.label for field in contact_page(ayse.page.locale).form_fields.all()
    }
    assert [label for label, _ in ayse.get_answers()] == [labels[name] for name in FORM_ORDER]
    header, _ = csv_rows(download(handler, "csv"))
    answer_headings = [labels[name] for name in FORM_ORDER if name != "konu"]
    assert [heading for heading in header if heading in answer_headings] == answer_headings
