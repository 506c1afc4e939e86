"""The public contact form: the editors' fields plus the spam traps and the consent box.

The fields editors build in the admin are "questions"; the form adds three of its own, which
are never stored as answers: a honeypot, a signed token that tells how long the visitor took
(and makes a re-sent page recognisable), and, if the page offers it, an optional, unticked
explicit-consent checkbox.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .choices import split_choices
from .records import Inquiry
from .spam import FormToken
from .submission import submission_key
from .topics import topic_choices

TOKEN_FIELD = "contact_form_token"  # noqa: S105 - a form field's name, not a secret
HONEYPOT_FIELD = "contact_homepage"
CONSENT_FIELD = "contact_consent"
SPECIAL_FIELDS = (TOKEN_FIELD, HONEYPOT_FIELD, CONSENT_FIELD)

# A used token gets the same answer as an expired one: the visitor just sends the form again.
TOKEN_REFUSED_MESSAGE = _(
    "This form was open for too long or could not be checked. Please check "
    "your entries and send the form again."
)

# Stored values longer than this are refused with a message; the database itself has no limit.
LINE_MAX_LENGTH = 255
EMAIL_MAX_LENGTH = 254


class ContactFormBase(BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        clash = set(SPECIAL_FIELDS) & set(self.fields)
        if clash:
            raise ValueError(f"A form field may not be called {', '.join(sorted(clash))}.")
        self.is_spam = False
        self.token = None
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TOKEN_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        if self.page is not None and self.page.consent_label:
            self.fields[CONSENT_FIELD] = forms.BooleanField(
                label=self.page.consent_label, required=False, initial=False
            )

    # What the template shows ---------------------------------------------------------------

    @property
    def question_fields(self):
        return [self[name] for name in self.fields if name not in SPECIAL_FIELDS]

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    @property
    def consent_field(self):
        return self[CONSENT_FIELD] if CONSENT_FIELD in self.fields else None

    def token_for_render(self):
        """Keep a still-valid, unused token across a re-shown form, so the fill time counts
        from the first view; otherwise (or if the notice changed meanwhile) start a new one."""
        token = FormToken.read(self.data.get(TOKEN_FIELD)) if self.is_bound else None
        if (
            token is None
            or token.expired()
            or (self.page is not None and not token.shows_notice_of(self.page))
            or token.is_used()
        ):
            token = FormToken.issue(page=self.page)
        return token.signed

    # Validation ------------------------------------------------------------------------------

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            self.is_spam = True
            raise ValidationError(_("The form could not be sent."), code="spam")
        token = FormToken.read(self.data.get(TOKEN_FIELD))
        if token is None or token.expired():
            raise ValidationError(TOKEN_REFUSED_MESSAGE, code="token")
        if token.age() < settings.CONTACT_MIN_FILL_SECONDS:
            raise ValidationError(
                _("The form was sent very quickly. Please check your entries and send it again."),
                code="too_fast",
            )
        self.token = token
        if token.is_used() and not self.is_resent(cleaned_data):
            raise ValidationError(TOKEN_REFUSED_MESSAGE, code="token_used")
        return cleaned_data

    def is_resent(self, cleaned_data):
        """The same form view sent again with the same answers (a double click, a reloaded
        result page): it gets its inquiry back instead of an error."""
        answers = {k: v for k, v in cleaned_data.items() if k not in SPECIAL_FIELDS}
        return Inquiry.objects.filter(submission_key=submission_key(self.token, answers)).exists()

    def get_answers(self):
        """The visitor's answers to the editors' questions, as stored on the inquiry."""
        return {
            name: value for name, value in self.cleaned_data.items() if name not in SPECIAL_FIELDS
        }

    @property
    def consent_given(self):
        # Consent counts only for a wording the visitor was shown (the token carries it).
        return bool(self.cleaned_data.get(CONSENT_FIELD)) and bool(self.token.consent_text)


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits and language-independent option values."""

    def get_form_class(self):
        return type("ContactForm", (ContactFormBase,), self.formfields)

    def create_singleline_field(self, field, options):
        options["max_length"] = LINE_MAX_LENGTH
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        options.setdefault("widget", forms.Textarea)
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        options["widget"] = forms.EmailInput(attrs={"autocomplete": "email"})
        return forms.EmailField(**options)

    def create_topic_field(self, field, options):
        options["choices"] = [("", _("Please choose")), *topic_choices(field.locale_id)]
        # A topic that left the list while the form was open (its network unpublished, or the
        # network topics no longer listed): never echo its key, a UUID, to the visitor.
        options["error_messages"] = {
            **options.get("error_messages", {}),
            "invalid_choice": _("That topic is no longer on the list. Please choose another."),
        }
        return forms.ChoiceField(**options)

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Please choose"))] + self.get_formatted_field_choices(field)
        return forms.ChoiceField(**options)

    def get_formatted_field_choices(self, field):
        return field.get_choice_pairs()

    def get_formatted_field_initial(self, field):
        # Editors write default options as labels; the form works with keys.
        keys_by_label = {label: key for key, label in field.get_choice_pairs()}
        defaults = split_choices(field.default_value)
        return [keys_by_label.get(default, default) for default in defaults]

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.is_choice_field:
            options["initial"] = self.get_formatted_field_initial(field)
            if field.field_type in ("dropdown", "radio"):
                options["initial"] = options["initial"][0] if options["initial"] else None
        return options
