from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def short_name(network):
    """The network's short name, marked with its language when that differs from the page's
    (WCAG 3.1.2: "Energy Cities" on a Turkish page is read with English pronunciation)."""
    language = network.short_name_language
    if language and language != get_language():
        return format_html('<span lang="{}">{}</span>', language, network.short_name)
    return network.short_name
