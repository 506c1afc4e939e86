"""Every role, with Turkish as its admin language, sees no English in the admin's own text on
the screens the team uses. Page content (titles, field values, inquiries, user names) is
taken out before looking: only the admin's chrome is checked (headings, labels, buttons,
badges, menus, messages, and the aria-labels, titles and placeholders read aloud or shown on
hover).

The translation editor's React app renders client-side; what it shows is checked in Chromium
(tests/browser/test_admin_turkish_browser.py)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, Site

from core.models import ContactDetails
from editorial import roles
from editorial.testing import page_form_data, turkish_home
from forms_app.models import Inquiry
from tests.contact import contact_page, forget_rate_limit, valid_answers
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

# Words of Wagtail's English interface. Any of them in the admin's own text means a string that
# has no Turkish. Matched as whole words, in any case.
ENGLISH_UI_WORDS = [
    "Live",
    "Draft",
    "Submit",
    "Submitted",
    "Moderation",
    "Publish",
    "Published",
    "Save",
    "Saved",
    "Edit",
    "Delete",
    "Locked",
    "Unlocked",
    "History",
    "Translations",
    "Translation",
    "Translate",
    "Usage",
    "Preview",
    "Unpublish",
    "Revisions",
    "Settings",
    "Reports",
    "Search",
    "Cancel",
    "Status",
    "Actions",
    "Approve",
    "Request changes",
    "Workflow",
    "Task",
    "Pages",
    "Page",
    "Snippets",
    "Title",
    "Filter",
    "Sort",
    "Toggle",
    "Show",
    "View",
    "Details",
    "Schedule",
    "Visible",
    "Private",
    "Referenced",
    "ago",
    "Loading",
    "Comments",
    "Locale",
    "Source",
    "Target",
    "Inquiries",
    "Export",
    "Download",
    "Upload",
    "Dashboard",
    "Account",
    "Help",
    "Yes",
    "None",
    "Choose",
    "Select",
    "Created",
    "Updated",
    "Owner",
    "Sent",
    "Sync",
    "Previous",
    "Next",
]
ENGLISH = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ENGLISH_UI_WORDS)) + r")(?!\w)", re.I)
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")
SUPERUSER = "superuser"
# The roles from editorial/roles.py; the inquiry handlers' group where it exists.
ROLES = [
    roles.EDITORS,
    roles.TRANSLATORS,
    roles.MODERATORS,
    *([roles.INQUIRY_HANDLERS] if hasattr(roles, "INQUIRY_HANDLERS") else []),
    SUPERUSER,
]


# English that Wagtail writes into its templates and static/js/admin_labels.js translates in
# the browser (tests/browser/test_admin_turkish_browser.py checks it there).
TRANSLATED_IN_THE_BROWSER = {("input", "value", "Search"), ("nav", "aria-label", "Actions")}


def admin_text(response_or_html):
    """The admin's own text in a page: visible text and the read-aloud attributes."""
    html = getattr(response_or_html, "content", response_or_html)
    soup = BeautifulSoup(html, "html5lib")
    if soup.select('script[src$="js/admin_labels.js"]'):
        for tag, attribute, english in TRANSLATED_IN_THE_BROWSER:
            for element in soup.find_all(tag, attrs={attribute: english}):
                del element[attribute]
    for element in soup(["script", "style", "template", "noscript", "textarea", "svg"]):
        element.decompose()
    for element in soup.select("[hidden]"):
        element.decompose()
    parts = [soup.get_text("\n")]
    for element in soup.find_all(True):
        parts.extend(element[name] for name in READ_ATTRIBUTES if element.get(name))
        if element.name == "input" and element.get("type") in ("submit", "button"):
            parts.append(element.get("value", ""))
    return "\n".join(parts)


def content_strings():
    """What editors, translators and visitors wrote: it may be English, and is not checked."""
    strings = {"Root"}  # Wagtail's root page title
    for page in Page.objects.all():
        strings.update({page.title, page.draft_title, page.seo_title or ""})
        revision = page.latest_revision
        if revision is not None:
            strings.add(revision.content.get("title", ""))
    for site in Site.objects.all():
        strings.add(site.site_name or "")
    # The audit log keeps each object's title as it was, also of pages deleted since.
    for log_model in (PageLogEntry, ModelLogEntry):
        strings.update(log_model.objects.values_list("label", flat=True))
    for footer in ContactDetails.objects.all():
        for field in footer._meta.concrete_fields:
            value = getattr(footer, field.attname)
            if isinstance(value, str):
                strings.update(value.splitlines() + [value])
    for inquiry in Inquiry.objects.all():
        for value in inquiry.get_data().values():
            strings.update(str(value).splitlines() + [str(value)])
    for user in get_user_model().objects.all():
        strings.update({user.get_username(), user.get_full_name(), user.email})
    return sorted((s.strip() for s in strings if s and s.strip()), key=len, reverse=True)


def english_in(response_or_html, content):
    text = admin_text(response_or_html)
    for string in content:
        text = text.replace(string, " ")
    findings = []
    for line in text.splitlines():
        for match in ENGLISH.finditer(line):
            findings.append(f"{match.group(0)!r} in {line.strip()[:120]!r}")
    return findings


@pytest.fixture
def team(django_capture_on_commit_callbacks):
    """A user per role (Turkish admin), a live Turkish page in moderation and an inquiry."""
    users = {
        role: SuperuserFactory(language="tr")
        if role == SUPERUSER
        else UserFactory(groups=[role], language="tr")
        for role in ROLES
    }
    page = local_diplomacy()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=users[roles.EDITORS])
        page.get_workflow().start(page, users[roles.EDITORS])
    forget_rate_limit()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(contact_page(page.locale).url, valid_answers(mesajiniz="Bir sorum var."))
    forget_rate_limit()
    return users, page


def local_diplomacy():
    return Page.objects.get(slug="yerel-diplomasi", locale__language_code="tr").specific


def screens(page):
    """The screens the team uses: name -> URL."""
    english = page.get_translation(Locale.objects.get(language_code="en"))
    footer = ContactDetails.objects.filter(locale__language_code="tr").first()
    inquiry = Inquiry.objects.latest("submit_time")
    return {
        "dashboard": "/admin/",
        "Turkish explorer": f"/admin/pages/{turkish_home().pk}/",
        "explorer with the page in moderation": f"/admin/pages/{page.get_parent().pk}/",
        "English explorer": f"/admin/pages/{english.get_parent().pk}/",
        "page editor (page in moderation)": f"/admin/pages/{page.pk}/edit/",
        "page history": f"/admin/pages/{page.pk}/history/",
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "site history (audit)": reverse("wagtailadmin_reports:site_history"),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "page types usage": reverse("wagtailadmin_reports:page_types_usage"),
        "translation editor": f"/admin/pages/{english.pk}/edit/",
        "parity report": reverse("editorial:parity_report"),
        "inbox": reverse("forms_app_inquiry:index"),
        "inquiry detail": reverse("forms_app_inquiry:inspect", args=[inquiry.pk]),
        "snippets": reverse("wagtailsnippets:index"),
        "footer snippets": reverse("wagtailsnippets_core_contactdetails:list"),
        "footer snippet editor": reverse(
            "wagtailsnippets_core_contactdetails:edit", args=[footer.pk]
        ),
    }


ALL_SCREENS = {
    "dashboard",
    "Turkish explorer",
    "explorer with the page in moderation",
    "English explorer",
    "page editor (page in moderation)",
    "page history",
    "workflow report",
    "workflow tasks report",
    "site history (audit)",
    "locked pages",
    "page types usage",
    "translation editor",
    "parity report",
    "inbox",
    "inquiry detail",
    "snippets",
    "footer snippets",
    "footer snippet editor",
}
PAGE_REPORTS = {"workflow report", "workflow tasks report", "site history (audit)"}
SNIPPETS = {"snippets", "footer snippets"}
# The screens each role reaches (the others refuse it); each is checked for every role here.
REACHES = {
    roles.EDITORS: {
        "dashboard",
        "Turkish explorer",
        "explorer with the page in moderation",
        "page editor (page in moderation)",
        "page history",
        "page types usage",
        "parity report",
        "footer snippet editor",
        *PAGE_REPORTS,
        *SNIPPETS,
    },
    roles.TRANSLATORS: {
        "dashboard",
        "English explorer",
        "translation editor",
        "page types usage",
        "parity report",
        *PAGE_REPORTS,
        *SNIPPETS,
    },
    roles.MODERATORS: ALL_SCREENS - {"inbox", "inquiry detail"},
    getattr(roles, "INQUIRY_HANDLERS", None): {
        "dashboard",
        "site history (audit)",
        "inbox",
        "inquiry detail",
    },
    SUPERUSER: ALL_SCREENS,
}


def test_every_screen_the_team_uses_is_checked_for_some_role():
    assert set().union(*(REACHES[role] for role in ROLES)) == ALL_SCREENS


@pytest.mark.parametrize("role", ROLES)
def test_a_turkish_admin_shows_no_english_on_the_screens_a_role_reaches(team, role):
    users, page = team
    client = Client()
    client.force_login(users[role])
    content = content_strings()
    problems = []
    for name, url in screens(page).items():
        if name not in REACHES[role]:
            continue
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"{name}: HTTP {response.status_code}")
            continue
        problems.extend(f"{name}: {finding}" for finding in english_in(response, content))
    assert problems == []


def test_the_page_editor_of_a_page_in_moderation_shows_turkish_badges_and_actions(team):
    users, page = team
    client = Client()
    client.force_login(users[roles.MODERATORS])
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    soup = BeautifulSoup(response.content, "html5lib")
    menu = " ".join(soup.find("footer").get_text(" ").split())
    for action in ["Taslağı kaydet", "Değişiklik iste", "Onayla ve yayınla", "İş akışını iptal et"]:
        assert action in menu
    listing = Client()
    listing.force_login(users[roles.MODERATORS])
    explorer = admin_text(listing.get(f"/admin/pages/{page.get_parent().pk}/"))
    assert "yayında + moderasyonda" in explorer


def test_submitting_a_page_for_moderation_answers_in_turkish(team):
    users, _ = team
    client = Client()
    client.force_login(users[roles.EDITORS])
    url = f"/admin/pages/add/home/standardpage/{turkish_home().pk}/"
    data = page_form_data(
        client,
        url,
        title="Kardeş şehir haberleri",
        slug="kardes-sehir-haberleri",
        introduction="Kardeş şehir ilişkilerinden haberler.",
        **{"action-submit": "1"},
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Sayfa 'Kardeş şehir haberleri' oluşturuldu ve" in admin_text(response)
    assert english_in(response, content_strings()) == []


@pytest.mark.parametrize(("action", "logged"), [("approve", "onaylandı"), ("reject", "reddedildi")])
def test_approving_and_requesting_changes_answer_in_turkish(team, action, logged):
    users, page = team
    client = Client()
    client.force_login(users[roles.MODERATORS])
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    dialog = client.get(url)  # "Approve with comment" and "Request changes" open a dialog
    assert dialog.status_code == 200
    assert english_in(json.loads(dialog.content)["html"], []) == []
    response = client.post(url, {"comment": "Başlığı kısaltın."}, follow=True)
    assert response.status_code == 200
    assert english_in(response, content_strings()) == []
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert logged in admin_text(history)
    assert english_in(history, content_strings()) == []
