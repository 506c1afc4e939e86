"""What the inbox list and its exports share: the filters and search that choose inquiries,
and the contact forms' questions, read once for a whole page or export instead of once per
inquiry (a list of 20, or an export of 100,000, asks the same few questions)."""

import django_filters
from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import ContactFormPage, FormField, source_language
from .records import TOPIC_FIELD_TYPE, Inquiry, search_key, team_labels
from .topics import inbox_topic_choices


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("State"),
        choices=Inquiry.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        # The inbox opens on new inquiries; "All" is an explicit choice (status=).
        initial=Inquiry.Status.NEW,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    topic = django_filters.ChoiceFilter(
        label=_("Topic"),
        # Topics by their Turkish name; an inquiry stores the key, the same in both languages.
        choices=inbox_topic_choices,
        empty_label=_("All"),
    )

    class Meta:
        model = Inquiry
        fields = ["status", "language", "topic", "consent_given", "submit_time"]


def with_default_state(data):
    """The query parameters as the inbox reads them: with no state chosen, the new ones."""
    if "status" not in data:
        data = data.copy()
        data["status"] = Inquiry.Status.NEW
    return data


def search_inquiries(queryset, query):
    """Inquiries whose answers contain `query`, folded as they are stored ("ozturk" finds
    "Öztürk"). On PostgreSQL the LIKE is answered by the trigram index on search_text
    (migration 0010); SQLite reads the table, which is fast enough at the inbox's size."""
    query = (query or "").strip()
    if not query:
        return queryset
    return queryset.filter(search_text__contains=search_key(query))


# The inbox's search box (Wagtail's parameter name).
SEARCH_PARAMETER = "q"


def filtered_inquiries(params):
    """The inquiries the inbox lists for these query parameters (a dict of lists or a
    QueryDict): its filters, then its search. What an export job stores and runs again."""
    data = QueryDict(mutable=True)
    for name, values in dict(params).items():
        data.setlist(name, values if isinstance(values, list) else [values])
    filterset = InquiryFilterSet(data=with_default_state(data), queryset=Inquiry.objects.all())
    # An invalid value (an unknown state) filters nothing, as in the list.
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset
    return search_inquiries(queryset, data.get(SEARCH_PARAMETER))


class AnswerSchema:
    """The questions of every contact form, each knowing its Turkish twin: two queries.

    An inquiry's answers are labelled with the questions of its page in the team's language
    (Turkish), or of the Turkish contact page when its own page has been deleted. The fields
    come with their source field set, so option names cost no further query.
    """

    def __init__(self):
        source = source_language()
        pages = list(
            ContactFormPage.objects.order_by("path").values_list(
                "pk", "translation_key", "locale__language_code"
            )
        )
        self.source_page_of = {}
        source_pages = {key: pk for pk, key, language in pages if language == source}
        self.source_pages = list(source_pages.values())
        for pk, key, _language in pages:
            self.source_page_of[pk] = source_pages.get(key, pk)
        self.fallback_page = next(iter(source_pages.values()), None)

        rows = FormField.objects.filter(page__in=[pk for pk, _key, _language in pages])
        rows = list(rows.select_related("locale").order_by("sort_order", "pk"))
        sources = {row.translation_key: row for row in rows if row.locale.language_code == source}
        self.fields_of_page = {}
        for row in rows:
            row._source_field = sources.get(row.translation_key, row)
            self.fields_of_page.setdefault(row.page_id, []).append(row)
        self.topic_labels = team_labels()

    def fields_for(self, page_id):
        """The questions that label an inquiry sent from the page `page_id` (None: deleted)."""
        page = self.source_page_of.get(page_id, self.fallback_page)
        return self.fields_of_page.get(page, [])

    def attach(self, inquiries):
        """Give each inquiry its questions, so reading its answers queries nothing."""
        for inquiry in inquiries:
            inquiry.__dict__["source_form_fields"] = self.fields_for(inquiry.page_id)
        return inquiries

    def topic_name(self, key, label_shown):
        """The topic in the team's language, else the label the visitor saw."""
        return (self.topic_labels.get(str(key), "") if key else "") or label_shown

    def answer_columns(self):
        """{clean_name: Turkish label} of every question of the Turkish contact forms but the
        topic, which has a column of its own."""
        columns = {}
        for page in self.source_pages:
            for field in self.fields_of_page.get(page, []):
                if field.field_type != TOPIC_FIELD_TYPE:
                    columns.setdefault(field.clean_name, field.label)
        return columns
