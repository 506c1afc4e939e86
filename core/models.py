"""Models every page shows (MBB's contact details: footer and contact page), and the
invalidations the cache has yet to take."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class ContactDetails(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    models.Model,
):
    """MBB's contact details in the footer and on the contact page, one per language
    (translated with wagtail-localize). Like pages, a change is a draft until a moderator
    publishes it: the public site shows only the live version."""

    organisation = models.CharField(_("organisation"), max_length=200)
    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_(
            "As MBB publishes it, e.g. “Sarıdemir Mah., … 34134 Eminönü, Fatih / İstanbul”."
        ),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    kep_address = models.EmailField(
        _("KEP address"),
        blank=True,
        help_text=_("The registered electronic mail (KEP) address, e.g. name@hs01.kep.tr."),
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("A link to the address on a map (OpenStreetMap, Google Maps …)."),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("A short line such as how to get in touch.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="contactdetails")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="contactdetails",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("kep_address"),
        FieldPanel("map_url"),
        FieldPanel("note"),
        PublishingPanel(),
    ]
    # Words are translated; numbers and addresses a machine reads stay the same in both.
    translatable_fields = [
        TranslatableField("organisation"),
        TranslatableField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("kep_address"),
        SynchronizedField("map_url"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return f"{self.organisation} ({self.locale})"

    @property
    def revisions(self):
        return self._revisions

    @property
    def has_contact_details(self):
        return any((self.address, self.phone, self.email, self.kep_address, self.map_url))

    def get_preview_template(self, request, mode_name):
        return "previews/contact_details.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "footer": self}


class PendingPurge(models.Model):
    """An invalidation the cache did not take (a publish while Redis was unreachable): the
    URL paths and whether the site version was to change, kept until a process applies them.
    While any exists, no process trusts the cache (core/page_cache.py)."""

    created_at = models.DateTimeField(auto_now_add=True)
    paths = models.JSONField(default=list)
    site = models.BooleanField(default=False)
    urls = models.JSONField(default=list)  # the same changes at the CDN, purged again

    def __str__(self):
        return f"{len(self.paths)} paths{' and the site' if self.site else ''}"
