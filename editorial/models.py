from django.db import models
from django.utils.translation import gettext_lazy as _


class TurkishOnlyPage(models.Model):
    """A Turkish page that deliberately has no English counterpart.

    The parity report lists these as "Turkish only" instead of "missing", so a page such as a
    Turkish-language procurement notice does not keep the report red forever.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Turkish page"),
        limit_choices_to={"locale__language_code": "tr", "depth__gt": 1},
    )
    reason = models.CharField(
        _("reason"),
        max_length=255,
        help_text=_("Why this page is not translated, for the translators."),
    )
    created_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Turkish-only page")
        verbose_name_plural = _("Turkish-only pages")
        permissions = [
            ("view_translation_parity", _("Can view the translation parity report")),
        ]

    def __str__(self):
        return str(self.page)
