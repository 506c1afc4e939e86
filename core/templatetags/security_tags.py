from django import template

from core.middleware import current_csp_nonce

register = template.Library()


@register.simple_tag
def csp_nonce():
    """The request's CSP nonce, also where no request is in the context (form widgets)."""
    return current_csp_nonce()
