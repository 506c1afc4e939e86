"""System checks for the conventions the rest of the code relies on."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
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


@register(Tags.caches)
def fragments_can_be_rendered_uncached(app_configs=None, **kwargs):
    """Pages name this cache whenever fragments must not be cached (previews, no version to
    trust): without it every page would fail to render."""
    from .templatetags.fragment_tags import NO_FRAGMENT_CACHE

    if NO_FRAGMENT_CACHE in settings.CACHES:
        return []
    return [
        Error(
            f"CACHES has no {NO_FRAGMENT_CACHE!r} cache.",
            hint=f'Add "{NO_FRAGMENT_CACHE}": {{"BACKEND": '
            '"django.core.cache.backends.dummy.DummyCache"} to CACHES.',
            id="core.E002",
        )
    ]
