"""The parity report (admin view and `manage.py translation_status`) and its exit codes."""

import json

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.utils.translation import override
from wagtail.models import Page

from editorial import parity
from editorial.models import TurkishOnlyPage
from editorial.testing import is_refused, turkish_home
from home.models import StandardPage
from home.seed import content as seed
from tests.factories import EditorFactory, TranslatorFactory

pytestmark = pytest.mark.django_db


def english_reasons(row):
    with override("en"):
        return [str(reason) for reason in row.reasons]


def run_status(*args):
    from io import StringIO

    out = StringIO()
    call_command("translation_status", *args, stdout=out)
    return out.getvalue()


def run_status_failing(*args):
    from io import StringIO

    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("translation_status", *args, stdout=out)
    return raised.value, out.getvalue()


def new_turkish_page(tr, slug="ihale-duyurusu"):
    page = turkish_home().add_child(
        instance=StandardPage(title="İhale duyurusu", slug=slug, locale=tr)
    )
    page.save_revision().publish()
    return page


def test_the_seeded_content_is_fully_in_step_and_the_command_exits_zero():
    output = run_status()
    assert "are in step" in output
    rows = json.loads(run_status("--json"))
    assert len(rows) >= len(seed.PAGES)  # every seeded page below the home page, the footer
    assert {row["state"] for row in rows} == {"up_to_date"}
    assert "/anasayfa/calisma-alanlarimiz/yerel-diplomasi/" in {row["turkish"] for row in rows}


def test_the_command_exits_one_through_manage_py_when_a_page_is_missing(tr):
    new_turkish_page(tr)
    with pytest.raises(SystemExit) as raised:
        execute_from_command_line(["manage.py", "translation_status"])
    assert raised.value.code == 1


def test_a_turkish_page_without_english_is_reported_missing(tr):
    page = new_turkish_page(tr)
    error, output = run_status_failing()
    assert error.returncode == 1
    line = next(line for line in output.splitlines() if page.url_path in line)
    assert "Missing" in line and "no English page" in line


def test_a_draft_turkish_page_is_not_listed(tr):
    page = turkish_home().add_child(
        instance=StandardPage(title="Taslak", slug="taslak", locale=tr, live=False)
    )
    assert page.url_path not in run_status()


def test_an_edited_turkish_page_is_reported_out_of_date(tr):
    page = Page.objects.get(locale=tr, slug="calisma-alanlarimiz").specific
    page.introduction = page.introduction + " Güncellendi."
    page.save_revision().publish()
    error, output = run_status_failing()
    assert error.returncode == 1
    line = next(line for line in output.splitlines() if line.startswith(page.url_path))
    assert "Out of date" in line and "1 of" in line


def test_a_page_marked_turkish_only_no_longer_fails_the_command(tr):
    page = new_turkish_page(tr)
    TurkishOnlyPage.objects.create(page=page, reason="Yalnızca Türkçe yayımlanan ihale.")
    output = run_status()
    line = next(line for line in output.splitlines() if page.url_path in line)
    assert "Turkish only" in line


def test_an_english_page_that_is_only_a_draft_counts_as_missing(tr, en):
    page = Page.objects.get(locale=tr, slug="gwopa")
    english = page.get_translation(en)
    english.unpublish()
    (row,) = [row for row in parity.page_rows() if row.source.pk == page.pk]
    assert row.state == parity.MISSING
    assert english_reasons(row) == ["the English page is not published"]


def test_a_deleted_english_footer_is_reported_missing(en):
    from core.models import ContactDetails

    ContactDetails.objects.filter(locale=en).delete()
    error, output = run_status_failing()
    assert "no English version" in output


# The admin view -----------------------------------------------------------------------------


def test_the_admin_report_lists_every_turkish_page_with_its_state(client, tr):
    page = new_turkish_page(tr)
    client.force_login(TranslatorFactory(username="translator"))
    response = client.get("/admin/editorial/parity/")
    assert response.status_code == 200
    rows = response.context["page_rows"]
    assert len(rows) == Page.objects.filter(locale=tr, depth__gt=1, live=True).count()
    content = response.content.decode()
    assert 'data-state="missing"' in content
    assert f'href="/admin/localize/submit/page/{page.pk}/"' in content
    snippets = response.context["snippet_rows"]  # the footer and the contact-form topics
    assert len(snippets) == 1 + len(seed.TOPICS) + len(seed.NETWORKS)
    assert content.count('data-state="up_to_date"') == len(rows) - 1 + len(snippets)


def test_the_admin_report_speaks_turkish_by_default(client):
    client.force_login(TranslatorFactory(username="translator"))
    content = client.get("/admin/editorial/parity/").content.decode()
    assert "Çeviri durumu" in content
    assert "Güncel" in content


def test_editors_manage_the_turkish_only_list_and_translators_cannot(client, tr):
    page = new_turkish_page(tr)
    client.force_login(EditorFactory(username="editor"))
    response = client.post(
        "/admin/editorial_turkish_only/new/",
        {"page": page.pk, "reason": "Yalnızca Türkçe yayımlanan ihale."},
    )
    assert response.status_code == 302
    assert TurkishOnlyPage.objects.filter(page=page).exists()

    client.force_login(TranslatorFactory(username="translator"))
    assert is_refused(client.get("/admin/editorial_turkish_only/new/"))


def test_an_english_page_cannot_be_marked_turkish_only(client, tr, en):
    client.force_login(EditorFactory(username="editor"))
    english = Page.objects.get(locale=en, depth=2)
    response = client.post(
        "/admin/editorial_turkish_only/new/", {"page": english.pk, "reason": "Yanlış dil."}
    )
    assert response.status_code == 200  # the form again, with an error
    assert not TurkishOnlyPage.objects.exists()
