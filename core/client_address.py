"""The visitor's address behind the proxies the README requires, for every per-client limit
(the contact form's rate limit, the admin sign-in lockout, password-reset and page-password
throttles)."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the address our own proxies saw.

    With TRUSTED_PROXY_COUNT = n, the n-th address from the right of X-Forwarded-For is the
    one the outermost trusted proxy received the request from; the addresses left of it are
    whatever the client chose to send and cannot be trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote
