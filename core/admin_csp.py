"""Let the Wagtail admin run under a CSP without 'unsafe-inline' scripts.

Most of the admin's inline scripts live in templates, which the project overrides under
templates/ to add the request's nonce. Chooser widgets (page, image, document, snippet
choosers on foreign keys) build their `<script>` in Python (`BaseChooser.render`), so that one
method is wrapped here to add the same nonce.
"""

from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

from core.middleware import current_csp_nonce


def add_nonce_to_chooser_scripts():
    if getattr(BaseChooser.render, "adds_csp_nonce", False):
        return
    original_render = BaseChooser.render

    def render(self, *args, **kwargs):
        html = str(original_render(self, *args, **kwargs))
        nonce = current_csp_nonce()
        before, tag, after = html.rpartition("<script>")
        if nonce and tag:
            html = f'{before}<script nonce="{nonce}">{after}'
        return mark_safe(html)  # noqa: S308 - only the script tag Wagtail itself wrote changes

    render.adds_csp_nonce = True
    BaseChooser.render = render
