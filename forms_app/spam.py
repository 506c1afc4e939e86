"""Spam protection that sends nothing to third parties: a signed, single-use fill-time token
and a per-client rate limit kept in the rate-limit counters (core.throttles: not evicted by
cache pressure).

The token also records what the visitor was shown: the privacy-notice version and the
explicit-consent wording. Being signed, it tells the inquiry what was on the visitor's screen,
even when the notice changed while the form was open."""

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from core.client_address import client_ip
from core.throttles import counters

from .records import UsedFormToken

# A salt only keeps these signatures apart from others; the secret is SECRET_KEY.
TOKEN_SALT = "forms_app.contact-form-token"  # noqa: S105
# Tolerated clock difference between web workers when reading a token's issue time.
CLOCK_SKEW_SECONDS = 5


# A token carries the consent wording; this bounds what read() will try to decode.
TOKEN_MAX_LENGTH = 8000


@dataclass(frozen=True)
class FormToken:
    """When the form was shown, a random nonce, and the privacy-notice version and consent
    wording shown with it; signed so it cannot be forged."""

    issued_at: float
    nonce: str
    signed: str
    notice_version: str = ""
    consent_text: str = ""

    @classmethod
    def issue(cls, page=None, issued_at=None):
        issued_at = time.time() if issued_at is None else issued_at
        nonce = secrets.token_urlsafe(16)
        notice_version = page.privacy_notice_version if page is not None else ""
        consent_text = page.consent_label if page is not None else ""
        payload = {"t": round(issued_at, 3), "n": nonce, "v": notice_version, "c": consent_text}
        signed = signing.dumps(payload, salt=TOKEN_SALT, compress=True)
        return cls(issued_at, nonce, signed, notice_version, consent_text)

    @classmethod
    def read(cls, signed):
        """The token, or None when it is missing, tampered with or malformed."""
        if not signed or not isinstance(signed, str) or len(signed) > TOKEN_MAX_LENGTH:
            return None
        try:
            payload = signing.loads(signed, salt=TOKEN_SALT)
            issued_at, nonce = float(payload["t"]), str(payload["n"])
            notice_version, consent_text = str(payload["v"]), str(payload["c"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None
        if issued_at > time.time() + CLOCK_SKEW_SECONDS:
            return None
        return cls(issued_at, nonce, signed, notice_version, consent_text)

    def age(self):
        return time.time() - self.issued_at

    def expired(self):
        return self.age() > settings.CONTACT_FORM_TOKEN_MAX_AGE

    def is_used(self):
        """True once an inquiry has been stored with this token (on any replica)."""
        return UsedFormToken.objects.filter(nonce=self.nonce).exists()

    def mark_used(self):
        """Record the token as used; IntegrityError if it already was (call in a transaction)."""
        UsedFormToken.objects.create(nonce=self.nonce)

    def shows_notice_of(self, page):
        """Was the form shown with the notice and consent wording the page has now?"""
        return (self.notice_version, self.consent_text) == (
            page.privacy_notice_version,
            page.consent_label,
        )


class TokenAlreadyUsed(Exception):
    """A form token that has already sent an inquiry was sent with different answers."""


class RateLimiter:
    """At most CONTACT_RATE_LIMIT submissions per client in CONTACT_RATE_LIMIT_WINDOW seconds.

    The cache key holds a hash of the address, not the address itself.
    """

    def __init__(self, client):
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:32]
        self.key = f"forms_app:rate:{digest}"

    @classmethod
    def for_request(cls, request):
        return cls(client_ip(request))

    def allow(self):
        window = settings.CONTACT_RATE_LIMIT_WINDOW
        counters.add(self.key, 0, timeout=window)
        try:
            count = counters.incr(self.key)
        except ValueError:  # expired between add() and incr()
            counters.set(self.key, 1, timeout=window)
            count = 1
        if count is None:
            # The cache is down (core.cache_backends degrades to no answer): accept the
            # inquiry rather than lose it; the honeypot and fill time still apply.
            return True
        return count <= settings.CONTACT_RATE_LIMIT

    def retry_after(self):
        return settings.CONTACT_RATE_LIMIT_WINDOW

    @staticmethod
    def retry_after_minutes():
        return max(1, math.ceil(settings.CONTACT_RATE_LIMIT_WINDOW / 60))
