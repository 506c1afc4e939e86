"""The Turkish admin on the team's main path: right Turkish where upstream has none or a wrong
one, and workflow e-mails in each recipient's admin language."""

import re
from pathlib import Path

import pytest
import wagtail
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from editorial.roles import EDITORS, MODERATORS, TASK_NAME, WORKFLOW_NAME
from editorial.testing import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def editor():
    return make_user("editor", EDITORS, language="tr")


@pytest.fixture
def moderator():
    return make_user("moderator", MODERATORS, language="tr")


def local_diplomacy():
    return Page.objects.get(slug="yerel-diplomasi", locale__language_code="tr").specific


def submit(page, user, capture):
    with capture(execute=True):
        page.save_revision(user=user)
        page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page


def text_of(response):
    soup = BeautifulSoup(response.content, "html5lib")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_the_submit_action_names_the_workflow_in_turkish(client, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{local_diplomacy().pk}/edit/")
    assert f"{WORKFLOW_NAME} için gönder" in text_of(response)
    assert "Gönderildi" not in text_of(response)


def test_the_page_editor_labels_the_title_field_baslik(client, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{local_diplomacy().pk}/edit/")
    label = BeautifulSoup(response.content, "html5lib").find("label", attrs={"for": "id_title"})
    assert " ".join(label.get_text(" ").split()).startswith("Başlık")


def test_a_live_page_in_moderation_has_a_turkish_status_badge(
    client, editor, moderator, django_capture_on_commit_callbacks
):
    page = submit(local_diplomacy(), editor, django_capture_on_commit_callbacks)
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{page.get_parent().pk}/")
    text = text_of(response)
    assert "yayında + moderasyonda" in text
    assert "in moderation" not in text.lower()
    editor_page = text_of(client.get(f"/admin/pages/{page.pk}/edit/"))
    assert f'"{TASK_NAME}" aşamasına gönderildi' in editor_page
    assert "ago" not in editor_page.split()


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("wagtailadmin_reports:locked_pages", "Kilitli sayfalar"),
        ("wagtailadmin_reports:site_history", "Site geçmişi"),
        ("wagtailadmin_reports:page_types_usage", "Sayfa türlerinin kullanımı"),
        ("wagtail_localize:translations_report", "Çeviriler"),
    ],
)
def test_the_reports_have_turkish_headings(admin_client, url_name, heading):
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200
    h1 = BeautifulSoup(response.content, "html5lib").find("h1")
    assert " ".join(h1.get_text(" ").split()) == heading


def test_the_projects_labels_start_with_a_dotted_capital_i(admin_client):
    home = local_diplomacy().get_parent().get_parent()
    explorer = text_of(admin_client.get(f"/admin/pages/{home.pk}/"))
    assert "İletişim formu" in explorer and "Iletişim" not in explorer
    editor_page = text_of(admin_client.get(f"/admin/pages/{local_diplomacy().pk}/edit/"))
    assert "İçerik" in editor_page and "Içerik" not in editor_page


def test_workflow_emails_go_out_in_each_recipients_admin_language(
    editor, moderator, django_capture_on_commit_callbacks
):
    english_moderator = make_user("english-moderator", MODERATORS, language="en")
    submit(local_diplomacy(), editor, django_capture_on_commit_callbacks)
    (turkish,) = mail_to(moderator)
    (english,) = mail_to(english_moderator)
    assert "Yerel Diplomasi" in turkish.subject
    assert "onaya gönderildi" in turkish.subject
    assert "onay için gönderildi" in turkish.body
    assert not re.search(r"\b(has been|submitted|approval|You can)\b", turkish.body)
    assert "has been submitted for approval" in english.subject
    assert "You can edit the page here" in english.body


@pytest.mark.parametrize(("action", "word"), [("approve", "onaylandı"), ("reject", "reddedildi")])
def test_the_editor_hears_of_approval_and_rejection_in_turkish(
    client, editor, moderator, django_capture_on_commit_callbacks, action, word
):
    page = submit(local_diplomacy(), editor, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "Kısaltın."})
    assert response.status_code in (200, 302)
    (message,) = mail_to(editor)
    assert word in message.subject, message.subject
    assert not re.search(r"\b(has been|approved|rejected)\b", message.body), message.body


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("wagtailadmin/shared/headers/_actions.html", 'aria-label="Actions"'),
        ("wagtailadmin/shared/header.html", 'value="Search"'),
        ("wagtailadmin/home.html", 'value="Search"'),
    ],
)
def test_wagtail_still_writes_the_labels_the_admin_script_translates(name, english):
    """static/js/admin_labels.js looks for exactly these; when an upgrade translates them
    upstream, drop the script and its hook."""
    upstream = (Path(wagtail.__file__).parent / "admin/templates" / name).read_text()
    assert english in upstream


def test_admin_pages_load_the_label_script_with_the_catalogues_turkish(client, editor):
    client.force_login(editor)
    soup = BeautifulSoup(client.get("/admin/").content, "html5lib")
    (script,) = soup.select('script[src$="js/admin_labels.js"]')
    assert (script["data-search-label"], script["data-actions-label"]) == ("Ara", "Eylemler")


def test_the_dashboard_page_count_reads_as_a_count_without_its_screen_reader_text(admin_client):
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html5lib")
    (count,) = [
        element
        for element in soup.select("a:has(.w-sr-only)")
        if re.match(r"\d+ Sayfa\b", " ".join(element.get_text(" ").split()))
    ]
    hidden = " ".join(count.find(class_="w-sr-only").get_text(" ").split())
    assert hidden == "Marmara Belediyeler Birliği içinde oluşturuldu"
