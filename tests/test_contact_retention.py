"""Retention: purge_inquiries deletes what is older than the period the notice states."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from forms_app.models import Inquiry, OutgoingEmail
from tests.contact import contact_page, forget_rate_limit, valid_answers

pytestmark = pytest.mark.django_db


def inquiry_aged(client, page, days, message):
    forget_rate_limit()
    client.post(page.url, valid_answers(mesajiniz=message))
    inquiry = Inquiry.objects.get(form_data__mesajiniz=message)
    Inquiry.objects.filter(pk=inquiry.pk).update(submit_time=timezone.now() - timedelta(days=days))
    return inquiry


@pytest.fixture
def aged(client, tr, en):
    return {
        "old_tr": inquiry_aged(client, contact_page(tr), 731, "eski"),
        "old_en": inquiry_aged(client, contact_page(en), 800, "old"),
        "recent": inquiry_aged(client, contact_page(tr), 729, "yeni"),
    }


def test_inquiries_older_than_two_years_are_deleted_with_their_emails(aged):
    out = StringIO()
    call_command("purge_inquiries", stdout=out)
    assert list(Inquiry.objects.values_list("pk", flat=True)) == [aged["recent"].pk]
    assert set(OutgoingEmail.objects.values_list("inquiry_id", flat=True)) == {aged["recent"].pk}
    assert "Deleted 2 inquiry(ies) older than 730 days." in out.getvalue()


@override_settings(CONTACT_RETENTION_DAYS=365)
def test_the_period_follows_the_setting(aged):
    call_command("purge_inquiries", stdout=StringIO())
    assert Inquiry.objects.count() == 0


def test_a_dry_run_deletes_nothing(aged):
    out = StringIO()
    call_command("purge_inquiries", "--dry-run", stdout=out)
    assert Inquiry.objects.count() == 3
    assert "2 inquiry(ies) older than 730 days would be deleted." in out.getvalue()


def test_the_period_can_be_given_on_the_command_line_but_not_zero(aged):
    call_command("purge_inquiries", "--days", "750", stdout=StringIO())
    assert Inquiry.objects.count() == 2
    with pytest.raises(CommandError):
        call_command("purge_inquiries", "--days", "0")
