"""What the contact form stores: its topics, the inquiries, their e-mails and used form tokens.

These records sit below everything else in forms_app (the form, spam checks, storing,
e-mails, topics, the admin), which import them from here; the contact page itself
(models.py) sits on top. So nothing here imports the rest of the app.
"""

from anyascii import anyascii
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.folding import fold_i
from core.page_cache import memoised_for_request

# The topic list is not typed into the form: it is the Topic records of the page's language.
TOPIC_FIELD_TYPE = "topic"


def search_key(text):
    """Text as the inbox search compares it: lowercase, every kind of i the same, Turkish
    letters as plain ASCII, so "yilmaz" finds "YILMAZ" and "Yılmaz" on every database."""
    return anyascii(fold_i(str(text))).lower()


def answers_search_text(form_data):
    """Every text answer of an inquiry, folded by search_key(), one per line."""
    values = []
    for value in (form_data or {}).values():
        values.extend(value if isinstance(value, list) else [value])
    return "\n".join(search_key(value) for value in values if isinstance(value, str))


class Topic(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """ "Konu": one topic of the contact form, with the address its inquiries go to.

    Its translation key is the topic's identity in every language: inquiries store it, and
    routing looks the recipient up by it, never by the topic's place in a list. Its label is
    shown on the public form, so like the footer a change is a draft until a moderator
    publishes it: the form lists only live topics, with their live labels.
    """

    label = models.CharField(_("label"), max_length=200)
    recipient = models.EmailField(
        _("recipient e-mail address"),
        blank=True,
        help_text=_(
            "Inquiries on this topic go to this address; empty: to the general contact address."
        ),
    )
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Topics are listed from the lowest number up.")
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Set for the topic of an international network: it is listed only while the "
            "network's page is live in the form's language."
        ),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="topic")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="topic",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("label"),
        # Who receives an inquiry decides who reads personal data: administrators only.
        FieldPanel("recipient", permission="superuser"),
        FieldPanel("sort_order"),
        # The network link is set when a network page is published (forms_app.topics), and
        # shown in the topic list.
        PublishingPanel(),
    ]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("recipient"),
        SynchronizedField("sort_order"),
        SynchronizedField("network"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        # One line: a label pasted with a CRLF would otherwise differ from its translation.
        self.label = " ".join(self.label.split())
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions


def team_labels():
    """{translation key: label in the source language}, read once per request (the inbox
    shows one per row)."""

    def load():
        rows = Topic.objects.filter(locale=Locale.get_default())
        return {str(key): label for key, label in rows.values_list("translation_key", "label")}

    return memoised_for_request("contact-topic-labels", load)


def team_label(key):
    return team_labels().get(str(key), "") if key else ""


def first_answer_of_type(fields, form_data, field_type):
    """The first non-empty answer to a question of the type ("email", "singleline")."""
    for field in fields:
        if field.field_type == field_type and form_data.get(field.clean_name):
            return str(form_data[field.clean_name])
    return ""


def answer_map(fields, form_data, topic_name):
    """{clean_name: answer text} for the form's `fields` (in the team's language), option
    keys shown as their names, the topic as `topic_name()` (asked only when answered)."""
    answers = {}
    for field in fields:
        value = form_data.get(field.clean_name, "")
        if field.field_type == TOPIC_FIELD_TYPE:
            value = topic_name() if value else ""
        elif field.is_choice_field:
            labels = field.get_choice_labels()
            values = value if isinstance(value, list) else [value] if value else []
            value = ", ".join(str(labels.get(v, v)) for v in values)
        elif isinstance(value, bool):
            value = _("Yes") if value else _("No")
        answers[field.clean_name] = str(value)
    return answers


def email_status_text(total, unsent):
    """An inquiry's e-mails in a word: none, sent, or how many wait for a retry."""
    if not total:
        return _("none")
    if not unsent:
        return _("sent")
    return _("%(count)s waiting for retry") % {"count": unsent}


class Inquiry(AbstractFormSubmission):
    """A stored contact-form submission with what KVKK requires us to be able to show."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("inquiry state", "New")
        ANSWERED = "answered", pgettext_lazy("inquiry state", "Answered")
        ARCHIVED = "archived", pgettext_lazy("inquiry state", "Archived")

    # Declared by Wagtail with CASCADE: deleting the contact page must not delete inquiries.
    page = models.ForeignKey(
        Page, verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL
    )
    page_title = models.CharField(
        _("page title"),
        max_length=255,
        blank=True,
        help_text=_("The title of the form's page, kept should the page be deleted."),
    )
    language = models.CharField(_("language"), max_length=8, default="tr")
    topic = models.CharField(
        _("topic key"),
        max_length=100,
        blank=True,
        help_text=_("The translation key of the chosen topic: the same in every language."),
    )
    topic_label = models.CharField(
        _("topic as shown"),
        max_length=200,
        blank=True,
        help_text=_("The topic's label as the visitor saw it, in their language."),
    )
    notice_version = models.CharField(
        _("privacy notice version"),
        max_length=50,
        blank=True,
        help_text=_("The version of the privacy notice shown beside the form."),
    )
    consent_given = models.BooleanField(_("explicit consent given"), default=False)
    consent_text = models.TextField(
        _("consent wording"),
        blank=True,
        help_text=_("The explicit-consent statement as the visitor saw it, if they ticked it."),
    )
    # The address a confirmation went to (lower case), for the per-address daily limit.
    confirmation_to = models.EmailField(
        _("confirmation sent to"), blank=True, db_index=True, editable=False
    )
    # Hash of the form token and the answers: a double click or a re-sent page is one inquiry.
    # NULL, not "", for rows without one, so the unique constraint leaves them alone.
    submission_key = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    # The team's working state, and who last changed it when.
    status = models.CharField(
        _("state"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_changed_at = models.DateTimeField(_("state changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("state changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The answers folded by search_key(), so the inbox search behaves the same on SQLite and
    # PostgreSQL (neither folds Turkish letters, and the JSON would also match its keys).
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-submit_time"]
        indexes = [
            models.Index(fields=["submit_time"]),
            # The inbox opens on one state, newest first: a page of it reads 20 index entries
            # instead of sorting every inquiry in that state (96 ms -> 0.2 ms at 100,000).
            models.Index(fields=["status", "-submit_time"], name="inquiry_state_recent_idx"),
        ]

    def __str__(self):
        sent = timezone.localtime(self.submit_time)
        return f"{self.sender_name or self.sender_email} ({sent:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.page_id and not self.page_title:
            self.page_title = self.page.title
        self.search_text = answers_search_text(self.form_data)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "form_data" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def set_status(self, status, user):
        self.status = status
        self.status_changed_at = timezone.now()
        self.status_changed_by = user
        self.save(update_fields=["status", "status_changed_at", "status_changed_by"])

    @cached_property
    def source_form_fields(self):
        """The form's fields in the team's language (Turkish), for labels and option names.

        When the page has been deleted, the current contact form's fields (answers are stored
        under the same keys); with no contact form at all, none.
        """
        if self.page_id is not None:
            page = self.page.specific
            source = page.get_translation_or_none(Locale.get_default()) or page
        else:
            # The contact page (found by its table, as this module sits below models.py).
            source = (
                Page.objects.filter(locale=Locale.get_default(), contactformpage__isnull=False)
                .specific()
                .first()
            )
        return list(source.form_fields.order_by("sort_order", "pk")) if source is not None else []

    @property
    def sender_email(self):
        return first_answer_of_type(self.source_form_fields, self.form_data, "email")

    @property
    def sender_name(self):
        return first_answer_of_type(self.source_form_fields, self.form_data, "singleline")

    def get_answer_map(self):
        """{clean_name: answer text} in the team's language, option keys shown as names."""
        return answer_map(self.source_form_fields, self.form_data, lambda: self.topic_name)

    def get_answers(self):
        """[(label, answer text)] in the form's order, in the team's language."""
        answers = self.get_answer_map()
        if not self.source_form_fields:  # no contact form left to label the answers
            return [(name, str(value)) for name, value in self.form_data.items()]
        return [(field.label, answers[field.clean_name]) for field in self.source_form_fields]

    @property
    def sender_label(self):
        return self.sender_name or self.sender_email or str(self.pk)

    @property
    def email_status(self):
        emails = list(self.emails.all())
        return email_status_text(len(emails), sum(1 for email in emails if email.sent_at is None))

    @property
    def topic_name(self):
        """The topic in the team's language (its label now), else the label the visitor saw."""
        return team_label(self.topic) or self.topic_label

    @property
    def answers_html(self):
        return format_html(
            "<dl>{}</dl>",
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", self.get_answers()),
        )

    def get_language_display(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)


class OutgoingEmail(models.Model):
    """One e-mail waiting to go out, or sent. Written in the same transaction as its inquiry."""

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", _("Notification to the team")
        CONFIRMATION = "confirmation", _("Confirmation to the visitor")

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="emails", verbose_name=_("inquiry")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8)
    to_address = models.EmailField(_("to"), max_length=254)
    reply_to = models.CharField(_("reply-to"), max_length=400, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("plain-text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    message_id = models.CharField(max_length=255, editable=False)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), db_index=True)
    # A sender claims a row before sending so two workers never send the same e-mail.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to_address}"


def private_storage():
    """Where export files go: the "private" storage (settings.STORAGES), never public media.
    A file is served only by the inbox's download view, to inquiry handlers."""
    return storages["private"]


class InquiryExport(models.Model):
    """One export of the inbox (CSV or XLSX): who asked for it with which filters, and how the
    task that writes the file outside the request is getting on. The file is deleted with
    the record after INQUIRY_EXPORT_DAYS (forms_app.exports.delete_expired_exports)."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class State(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("export state", "Queued")
        RUNNING = "running", pgettext_lazy("export state", "Being written")
        READY = "ready", pgettext_lazy("export state", "Ready")
        FAILED = "failed", pgettext_lazy("export state", "Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    # The inbox's query parameters ({name: [values]}), so the task lists the same inquiries.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # The exporting user's admin language and time zone: the file is written in them.
    language = models.CharField(_("language"), max_length=8)
    time_zone = models.CharField(_("time zone"), max_length=64)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="inquiry-exports/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("inquiry export")
        verbose_name_plural = _("inquiry exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_file_format_display()} #{self.pk}"


class UsedFormToken(models.Model):
    """The nonce of a form token that has sent an inquiry: each form view sends one inquiry.

    Kept in the database, not the cache, so that every replica sees it and an evicted or
    unreachable cache cannot make a used token valid again. purge_inquiries deletes rows
    older than a token's lifetime, when the token is refused as expired anyway.
    """

    nonce = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("used form token")
        verbose_name_plural = _("used form tokens")

    def __str__(self):
        return self.nonce
