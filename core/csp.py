"""Two Content-Security-Policies: a strict one for the public site, a looser one for the admin.

The public site runs no inline script (tests/test_security.py checks), so its policy allows
scripts from this site and, where a template asks for one, the request's nonce. Wagtail's
admin writes inline scripts in its templates and in Python (choosers, panels, date pickers,
wagtail-localize's editors) and is not built for a nonce policy, so the admin gets
`ADMIN_CONTENT_SECURITY_POLICY`: inline scripts allowed, everything else as strict as the
public site (no other origin, no plugins, no <base>, forms only to this site). README,
"Content Security Policy", says why.

Both go through django-csp's documented extension point, `CSPMiddleware.get_policy_parts`.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    @cached_property
    def admin_prefix(self):
        # Found once, from the URLconf: a moved admin keeps its policy.
        return reverse("wagtailadmin_home")

    def is_admin_request(self, request):
        return request.path_info.startswith(self.admin_prefix)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        # A view's own @csp_* decorator still wins over the admin policy.
        if parts.config is None and self.is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            # Wagtail's preview views allow same-origin framing; the CSP says the same (browsers
            # obey frame-ancestors over X-Frame-Options).
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
