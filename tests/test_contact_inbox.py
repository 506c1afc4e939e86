"""One inbox for the team: both languages together, CSV and XLSX export, safe from markup and
spreadsheet formulas; routing editable by administrators only."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from forms_app.models import Inquiry, Topic
from tests.contact import contact_page, exported, forget_rate_limit, topic_key, valid_answers
from tests.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","tıkla")'
INBOX = "forms_app_inquiry:index"


@pytest.fixture
def inquiries(tr, en):
    client = Client()  # a visitor, not the signed-in team member
    forget_rate_limit()
    client.post(
        contact_page(tr).url, valid_answers(mesajiniz=f"{SCRIPT} ğüşıöçİ", konu=topic_key("TDBB"))
    )
    client.post(
        contact_page(en).url,
        valid_answers(
            adiniz_ve_soyadiniz="John Smith",
            e_posta_adresiniz="john@example.org",
            kurumunuz=FORMULA,
            mesajiniz="+1 call me",
            konu=topic_key("Energy Cities"),
        ),
    )
    forget_rate_limit()
    return list(Inquiry.objects.order_by("submit_time"))


@pytest.fixture
def editor_client(client):
    """An editor with every permission on inquiries and routes, but not a superuser."""
    editors = Group.objects.create(name="İletişim ekibi")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="forms_app"),
    )
    user = UserFactory()
    user.groups.add(editors)
    client.force_login(user)
    return client


def test_the_inbox_lists_both_languages_with_a_language_column(admin_client, inquiries):
    response = admin_client.get(reverse(INBOX))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ayşe Yılmaz" in html and "John Smith" in html
    assert "Türkçe" in html and "İngilizce" in html
    assert "TDBB" in html and "Energy Cities" in html


def test_markup_is_escaped_in_the_admin(admin_client, inquiries):
    turkish = inquiries[0]
    html = admin_client.get(reverse("forms_app_inquiry:inspect", args=[turkish.pk])).content
    html = html.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ğüşıöçİ" in html
    assert "Mesajınız" in html  # answers labelled in the team's language


def export(admin_client, file_format):
    return exported(admin_client, file_format)


def test_the_csv_export_keeps_turkish_letters_and_neutralises_formulas(admin_client, inquiries):
    content = export(admin_client, "csv")
    assert content.startswith("\ufeff".encode())  # spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 2
    by_language = {row["Dil"]: row for row in rows}
    assert by_language["Türkçe"]["Mesajınız"] == f"{SCRIPT} ğüşıöçİ"
    assert by_language["Türkçe"]["Konu"] == "TDBB"
    assert by_language["İngilizce"]["Kurumunuz"] == "'" + FORMULA
    assert by_language["İngilizce"]["Mesajınız"] == "'+1 call me"
    assert by_language["İngilizce"]["Konu"] == "Energy Cities"


def test_the_xlsx_export_stores_formulas_as_text(admin_client, inquiries):
    workbook = openpyxl.load_workbook(io.BytesIO(export(admin_client, "xlsx")))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell for cell in row), strict=True)) for row in sheet.iter_rows(2)]
    assert len(rows) == 2
    english = next(row for row in rows if row["Dil"].value == "İngilizce")
    assert english["Kurumunuz"].data_type == "s"
    assert not str(english["Kurumunuz"].value).startswith("=")
    turkish = next(row for row in rows if row["Dil"].value == "Türkçe")
    assert turkish["Mesajınız"].value == f"{SCRIPT} ğüşıöçİ"
    assert turkish["Adınız ve soyadınız"].value == "Ayşe Yılmaz"


def refused(response):
    """Wagtail answers a denied admin view by sending the user back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_inquiries_can_be_read_but_not_created_or_edited(admin_client, inquiries):
    assert refused(admin_client.get(reverse("forms_app_inquiry:add")))
    edit = reverse("forms_app_inquiry:edit", args=[inquiries[0].pk])
    assert refused(admin_client.post(edit, {}))
    assert "Ayşe" in admin_client.get(reverse("forms_app_inquiry:index")).content.decode()


def topic_edit_url(turkish_label):
    topic = Topic.objects.get(locale__language_code="tr", label=turkish_label)
    return topic, reverse("wagtailsnippets_forms_app_topic:edit", args=[topic.pk])


@pytest.fixture
def turkish_editor_client(client):
    """A member of the Editors role, who keeps the Turkish site (and its topic list)."""
    client.force_login(EditorFactory())
    return client


def test_only_administrators_may_change_where_a_topic_goes(turkish_editor_client):
    editor_client = turkish_editor_client
    topic, url = topic_edit_url("TDBB")
    form_page = editor_client.get(url)
    assert form_page.status_code == 200  # editors may edit the label and order
    assert 'name="recipient"' not in form_page.content.decode()
    editor_client.post(
        url, {"label": "TDBB", "sort_order": topic.sort_order, "recipient": "x@evil.example"}
    )
    topic.refresh_from_db()
    assert topic.recipient == ""


def test_an_administrator_sets_a_topics_recipient_in_both_languages(admin_client, en):
    topic, url = topic_edit_url("Yerel diplomasi")
    assert 'name="recipient"' in admin_client.get(url).content.decode()
    # Topics are moderated: the change routes inquiries once it is published.
    data = {"label": "Yerel diplomasi", "sort_order": topic.sort_order, "action-publish": "1"}
    response = admin_client.post(url, {**data, "recipient": "diplomasi@mbb.example"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.recipient == "diplomasi@mbb.example"
    # Routing reads the Turkish record: the English topic goes to the same address at once.
    from forms_app.topics import recipient_for

    english = topic.get_translation(en)
    assert recipient_for(str(english.translation_key)) == "diplomasi@mbb.example"
    refused = admin_client.post(url, {**data, "recipient": "not an address"})
    assert refused.status_code == 200
    topic.refresh_from_db()
    assert topic.recipient == "diplomasi@mbb.example"


def test_wagtails_per_page_submission_list_leads_to_the_shared_inbox(admin_client, tr):
    page = contact_page(tr)
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse(INBOX)
