"""Each role can do its daily job in the admin, and is refused everything else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from core.models import ContactDetails
from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from editorial.testing import english_home, is_refused, turkish_home
from forms_app.models import ContactFormPage
from tests.factories import EditorFactory, ModeratorFactory, TranslatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


@pytest.fixture
def translator(client):
    user = TranslatorFactory()
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    user = ModeratorFactory()
    client.force_login(user)
    return user


def reach(client, url):
    """Follow the admin's redirects: (the address the user ends up at, its response)."""
    response = client.get(url, follow=True)
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    return final_url, response


def turkish_page():
    return Page.objects.get(locale__language_code="tr", slug="yerel-diplomasi")


def english_page():
    return turkish_page().get_translation(english_home().locale)


def contact_page(language):
    return ContactFormPage.objects.get(locale__language_code=language)


def test_the_three_groups_exist_with_their_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, TRANSLATORS, MODERATORS}


def test_running_the_setup_again_changes_nothing():
    from django.apps import apps
    from wagtail.models import GroupPagePermission, WorkflowPage

    from editorial.roles import set_up_roles_and_moderation

    before = (
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(Group.objects.get(name=EDITORS).permissions.values_list("pk", flat=True)),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
    )
    set_up_roles_and_moderation(apps)
    after = (
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(Group.objects.get(name=EDITORS).permissions.values_list("pk", flat=True)),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
    )
    assert before == after


def test_publishing_a_home_again_keeps_what_an_administrator_changed(
    django_capture_on_commit_callbacks,
):
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    home = english_home()
    translators = Group.objects.get(name=TRANSLATORS)
    GroupPagePermission.objects.filter(
        group=translators, page=home, permission__codename="publish_page"
    ).delete()
    other = Workflow.objects.create(name="Two reviewers")
    WorkflowPage.objects.filter(page=home).update(workflow=other)
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    # Missing grants come back; the administrator's choice of workflow stays.
    assert GroupPagePermission.objects.filter(
        group=translators, page=home, permission__codename="publish_page"
    ).exists()
    assert home.get_workflow() == other


def test_a_new_language_home_gets_the_roles_and_the_workflow(
    tr, django_capture_on_commit_callbacks
):
    from wagtail.models import GroupPagePermission, Locale

    from home.models import HomePage

    german = Locale.objects.create(language_code="de")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start", locale=german))
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    # German is neither the source nor the target language: only the workflow applies.
    assert not GroupPagePermission.objects.filter(page=home).exists()
    assert home.get_workflow().name == "Yayın onayı"


# Editors ------------------------------------------------------------------------------------


def test_editor_opens_a_turkish_page_in_the_editor(client, editor):
    response = client.get(f"/admin/pages/{turkish_page().pk}/edit/")
    assert response.status_code == 200


def test_editor_may_add_a_page_under_the_turkish_home(client, editor):
    response = client.get(f"/admin/pages/add/home/standardpage/{turkish_home().pk}/")
    assert response.status_code == 200


def test_editor_uploads_images_and_documents_for_their_pages(client, editor):
    assert client.get("/admin/images/multiple/add/").status_code == 200
    assert client.get("/admin/documents/multiple/add/").status_code == 200


def test_editor_is_refused_the_english_page_editor(client, editor):
    assert is_refused(client.get(f"/admin/pages/{english_page().pk}/edit/"))


def test_editor_is_refused_a_page_under_the_english_home(client, editor):
    assert is_refused(client.get(f"/admin/pages/add/home/standardpage/{english_home().pk}/"))


def test_editor_is_refused_deleting_a_turkish_page(client, editor):
    page = turkish_page()
    assert is_refused(client.get(f"/admin/pages/{page.pk}/delete/"))
    assert is_refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    assert Page.objects.filter(pk=page.pk).exists()


def test_editor_cannot_publish_without_a_moderator(editor):
    permissions = turkish_page().permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert permissions.can_submit_for_moderation()


def test_editor_is_refused_the_contact_form_inquiries(client, editor):
    # Only Inquiry handlers read visitors' personal data (KVKK art. 12).
    assert not editor.has_perm("forms_app.view_inquiry")
    assert client.get(reverse("forms_app_inquiry:index")).status_code == 403
    # Wagtail's per-page submissions view leads to the inbox, which refuses.
    _, response = reach(client, f"/admin/forms/submissions/{contact_page('tr').pk}/")
    assert response.status_code == 403


def test_editor_is_refused_the_translation_tools(client, editor):
    assert is_refused(client.get(f"/admin/localize/submit/page/{turkish_page().pk}/"))


def test_editor_edits_the_turkish_footer_but_not_the_english_one(client, editor):
    turkish = ContactDetails.objects.get(locale__language_code="tr")
    english = ContactDetails.objects.get(locale__language_code="en")
    assert client.get(f"/admin/snippets/core/contactdetails/edit/{turkish.pk}/").status_code == 200
    assert is_refused(client.get(f"/admin/snippets/core/contactdetails/edit/{english.pk}/"))


# Translators --------------------------------------------------------------------------------


def test_translator_opens_the_english_page_in_the_translation_editor(client, translator):
    response = client.get(f"/admin/pages/{english_page().pk}/edit/")
    assert response.status_code == 200
    assert b'class="js-translation-editor"' in response.content


def test_translator_starts_a_translation_of_a_turkish_page(client, translator):
    response = client.get(f"/admin/localize/submit/page/{turkish_page().pk}/")
    assert response.status_code == 200


def test_translator_is_refused_the_turkish_page_editor(client, translator):
    page = turkish_page()
    assert is_refused(client.get(f"/admin/pages/{page.pk}/edit/"))
    response = client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Değiştirildi"})
    assert is_refused(response)
    assert Page.objects.get(pk=page.pk).title == page.title


def test_translator_is_refused_uploading_images(client, translator):
    assert is_refused(client.get("/admin/images/multiple/add/"))


def test_translator_is_refused_adding_pages_in_either_language(client, translator):
    assert is_refused(client.get(f"/admin/pages/add/home/standardpage/{turkish_home().pk}/"))
    assert is_refused(client.get(f"/admin/pages/add/home/standardpage/{english_home().pk}/"))


def test_translator_is_refused_deleting_pages(client, translator):
    page = english_page()
    assert is_refused(client.get(f"/admin/pages/{page.pk}/delete/"))
    assert is_refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    assert is_refused(client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}"))
    assert Page.objects.filter(pk=page.pk).exists()


def test_translator_is_refused_the_inquiries_in_both_languages(client, translator):
    assert is_refused(client.get(reverse("forms_app_inquiry:index")))
    for language in ("tr", "en"):
        url = f"/admin/forms/submissions/{contact_page(language).pk}/"
        _, response = reach(client, url)
        assert response.status_code == 403, language
    listing = client.get("/admin/forms/")
    assert listing.status_code == 200
    assert f"/admin/forms/submissions/{contact_page('en').pk}/".encode() not in listing.content


def test_translator_translates_the_english_footer_but_cannot_edit_the_turkish_one(
    client, translator
):
    turkish = ContactDetails.objects.get(locale__language_code="tr")
    english = ContactDetails.objects.get(locale__language_code="en")
    assert is_refused(client.get(f"/admin/snippets/core/contactdetails/edit/{turkish.pk}/"))
    assert client.get(f"/admin/snippets/core/contactdetails/edit/{english.pk}/").status_code == 200


# Moderators ---------------------------------------------------------------------------------


def test_moderator_edits_and_publishes_in_both_languages(client, moderator):
    for page in (turkish_page(), english_page()):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        assert page.permissions_for_user(moderator).can_publish()


def test_moderator_is_refused_deleting_pages(client, moderator):
    assert is_refused(client.get(f"/admin/pages/{turkish_page().pk}/delete/"))


# The parity report --------------------------------------------------------------------------


@pytest.mark.parametrize("group", [EDITORS, TRANSLATORS, MODERATORS])
def test_each_role_sees_the_parity_report_in_the_reports_menu(client, group):
    client.force_login(UserFactory(groups=[group]))
    assert client.get("/admin/editorial/parity/").status_code == 200
    assert b"/admin/editorial/parity/" in client.get("/admin/").content


def test_an_admin_user_without_a_role_is_refused_the_parity_report(client):
    user = UserFactory()
    user.user_permissions.add(
        Group.objects.get(name=EDITORS).permissions.get(codename="access_admin")
    )
    client.force_login(user)
    assert is_refused(client.get("/admin/editorial/parity/"))
    assert b"/admin/editorial/parity/" not in client.get("/admin/").content
