from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource

from core.compat import WAGTAIL_LOCALIZE_PO_UPLOAD_PATH
from core.complete_translations import (
    may_publish_incomplete,
    page_translation,
    refusal_message,
    untranslated_string_count,
    untranslated_strings,
)

from .models import TurkishOnlyPage
from .roles import SOURCE_LANGUAGE, language_homes
from .translated_slugs import settle_slug_string
from .views import ParityReportView, upload_pofile, user_can_view_parity


@hooks.register("register_admin_urls")
def register_parity_urls():
    urls = [path("parity/", ParityReportView.as_view(), name="parity_report")]
    return [
        path("editorial/", include((urls, "editorial"), namespace="editorial")),
        # Same address as wagtail-localize's upload view, registered first so it wins.
        path(WAGTAIL_LOCALIZE_PO_UPLOAD_PATH, upload_pofile, name="editorial_upload_pofile"),
    ]


@hooks.register("insert_global_admin_js")
def translate_upstream_screen_reader_labels():
    """Wagtail's "Search" and "Actions" screen-reader labels are English in its templates;
    the script gives them the catalogue's words (instead of copies of three templates)."""
    return format_html(
        '<script src="{}" data-search-label="{}" data-actions-label="{}"></script>',
        static("js/admin_labels.js"),
        gettext("Search"),
        gettext("Actions"),
    )


class ParityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_parity(request.user)


@hooks.register("register_reports_menu_item")
def register_parity_report_menu_item():
    return ParityReportMenuItem(
        _("Translation parity"),
        reverse("editorial:parity_report"),
        icon_name="site",
        order=9100,
    )


class TurkishOnlyPageViewSet(ModelViewSet):
    """The list of Turkish pages that deliberately have no English version."""

    model = TurkishOnlyPage
    name = "editorial_turkish_only"
    icon = "site"
    add_to_admin_menu = False
    form_fields = ["page", "reason"]
    list_display = ["page", "reason", "created_at"]


@hooks.register("register_admin_viewset")
def register_turkish_only_viewset():
    return TurkishOnlyPageViewSet()


def user_can_delete_pages(user):
    # Wagtail lets anyone who may edit and publish a page delete it; here deleting pages is
    # kept for site administrators (the model permission "Can delete page").
    return user.has_perm("wagtailcore.delete_page")


@hooks.register("before_delete_page")
def only_administrators_delete_pages(request, page):
    if not user_can_delete_pages(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def only_administrators_bulk_delete_pages(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        if not user_can_delete_pages(request.user):
            return permission_denied(request)
    return None


@hooks.register("filter_form_submissions_for_user")
def only_inquiry_readers_see_submissions(user, form_pages):
    # Wagtail shows a form's submissions to anyone who may edit the form page; translators
    # edit the English contact page but must not read visitors' messages.
    if user.has_perm("forms_app.view_inquiry"):
        return form_pages
    return form_pages.none()


@hooks.register("before_edit_snippet")
def snippet_language_follows_page_tree(request, instance):
    """A translatable snippet in a language may be edited by whoever may edit that language's
    pages: editors change the Turkish footer, translators only translate the English one."""
    if not isinstance(instance, TranslatableMixin) or request.user.is_superuser:
        return None
    home = language_homes(apps).get(instance.locale.language_code)
    if home is None or not home.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return None


@hooks.register("after_edit_snippet")
def sync_translated_snippet(request, instance):
    # A snippet without a publish step: a saved Turkish snippet is synced at once, so the
    # English version shows the changed strings as untranslated. Snippets with drafts (the
    # footer) are synced when they are published (signals.py), like pages.
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, DraftStateMixin):
        return
    if instance.locale.language_code != SOURCE_LANGUAGE:
        return
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and source.translations.filter(enabled=True).exists():
        source.update_from_db()


# A translation goes live only when every string is translated (complete_translations.py).
# These hooks refuse the admin's publish paths with a message; the page models refuse the rest.


def is_publish_request(request):
    # "action=publish": the translation editor's "Publish in English";
    # "action-publish": the page editor's publish action.
    return request.method == "POST" and (
        request.POST.get("action") == "publish" or "action-publish" in request.POST
    )


# Runs before wagtail-localize's own hook (order 0), which publishes from the translation editor.
@hooks.register("before_edit_page", order=-10)
def refuse_publishing_an_incomplete_translation(request, page):
    if not is_publish_request(request):
        return None
    translation = page_translation(page)
    if translation is not None and translation.enabled and request.POST.get("action") == "publish":
        settle_slug_string(page, translation, request.user)
    if translation is None or may_publish_incomplete(request.user):
        return None
    count = untranslated_string_count(translation)
    if not count:
        return None
    messages.error(request, refusal_message(count))
    return redirect(request.get_full_path())


@hooks.register("before_bulk_action", order=-10)
def refuse_bulk_publishing_incomplete_translations(request, action_type, objects, action):
    if action_type != "publish" or not objects or not isinstance(objects[0], Page):
        return None
    if may_publish_incomplete(request.user):
        return None
    pages = list(objects)
    if request.POST.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().not_live()
    refused = [(page, count) for page in pages if (count := untranslated_strings(page))]
    if not refused:
        return None
    for page, count in refused:
        messages.error(request, f"{page.get_admin_display_title()}: {refusal_message(count)}")
    return redirect(action.next_url)
