"""System checks for the conventions the rest of the code relies on."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register
from wagtail.models import Page, get_page_models


@register()
def every_page_type_inherits_base_page(app_configs=None, **kwargs):
    """SEO, listings, slugs and the translation rules read BasePage's fields and methods: a
    page type without it would publish half-translated or with a percent-encoded slug."""
    from .pages import BasePage

    checked = {config.label for config in app_configs} if app_configs else None
    errors = []
    for model in get_page_models():
        if model is Page or (checked is not None and model._meta.app_label not in checked):
            continue
        if not _is_the_projects(model):
            continue
        if not issubclass(model, BasePage):
            errors.append(
                Error(
                    f"{model._meta.label} does not inherit core.pages.BasePage.",
                    hint="Every page type of the project inherits BasePage (README: "
                    "Adding a page type).",
                    obj=model,
                    id="core.E001",
                )
            )
    return errors


def _is_the_projects(model):
    """Defined in this repository (not by Wagtail or another installed package)."""
    return Path(settings.BASE_DIR, model.__module__.split(".")[0]).is_dir()
