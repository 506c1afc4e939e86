"""The inbox's audit trail (KVKK art. 12): who read, exported, changed or deleted inquiries.

Entries go to Wagtail's audit log, which superusers read under Reports → Site history. An
entry is named by the inquiry's reference number only, never by the sender: the log outlives
an erased inquiry and must not keep its personal data.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

from .records import Inquiry

VIEWED = "forms_app.inquiry.view"
EXPORTED = "forms_app.inquiry.export"
STATE_CHANGED = "forms_app.inquiry.state"
DELETED = "forms_app.inquiry.delete"

# An export concerns many inquiries, not one; Wagtail needs a numeric object id to look the
# object up in Site history, and no inquiry has the number 0.
NO_SINGLE_INQUIRY = "0"


def reference(inquiry_pk):
    """What an entry is called in Site history: the reference number the team quotes."""
    return f"#{inquiry_pk}"


def log_viewed(inquiry, user):
    log(inquiry, VIEWED, user=user, title=reference(inquiry.pk))


def log_state_changed(inquiry, user, old_status):
    data = {"from": old_status, "to": inquiry.status}
    log(inquiry, STATE_CHANGED, user=user, title=reference(inquiry.pk), data=data)


def log_deleted(inquiry, user, email_count):
    # Logged before the row goes, in the same transaction; only numbers are kept.
    data = {"emails": email_count}
    log(inquiry, DELETED, user=user, title=reference(inquiry.pk), data=data, deleted=True)


def log_exported(user, file_format, filters, count):
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Inquiry),
        object_id=NO_SINGLE_INQUIRY,
        label=f"{file_format.upper()} ({count})",
        action=EXPORTED,
        user=user,
        data={"format": file_format, "filters": filters, "count": count},
        timestamp=timezone.now(),
    )


class ViewedFormatter(LogFormatter):
    label = _("View inquiry")
    message = _("Viewed the inquiry")


class ExportedFormatter(LogFormatter):
    label = _("Export inquiries")

    def format_message(self, log_entry):
        data = log_entry.data
        filters = ", ".join(f"{name}={value}" for name, value in data.get("filters", {}).items())
        message = ngettext(
            "Exported %(count)s inquiry as %(format)s",
            "Exported %(count)s inquiries as %(format)s",
            data.get("count", 0),
        ) % {"count": data.get("count", 0), "format": data.get("format", "").upper()}
        if filters:
            message += " (" + str(_("filter: %(filters)s")) % {"filters": filters} + ")"
        return message


class StateChangedFormatter(LogFormatter):
    label = _("Change inquiry state")

    def format_message(self, log_entry):
        labels = dict(Inquiry.Status.choices)
        data = log_entry.data
        return _("State changed from “%(old)s” to “%(new)s”") % {
            "old": labels.get(data.get("from"), data.get("from")),
            "new": labels.get(data.get("to"), data.get("to")),
        }


class DeletedFormatter(LogFormatter):
    label = _("Delete inquiry")

    def format_message(self, log_entry):
        count = log_entry.data.get("emails", 0)
        return ngettext(
            "Deleted the inquiry and its %(count)s e-mail",
            "Deleted the inquiry and its %(count)s e-mails",
            count,
        ) % {"count": count}


def register(actions):
    actions.register_action(VIEWED)(ViewedFormatter)
    actions.register_action(EXPORTED)(ExportedFormatter)
    actions.register_action(STATE_CHANGED)(StateChangedFormatter)
    actions.register_action(DELETED)(DeletedFormatter)
