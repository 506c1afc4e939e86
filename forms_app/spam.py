"""Spam protection that sends nothing to third parties: a signed fill-time token and a
per-client rate limit kept in the rate-limit counters (mbbcms.throttles: not evicted by cache
pressure)."""

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from mbbcms.client_address import client_ip
from mbbcms.throttles import counters

TOKEN_SALT = "forms_app.contact-form-token"
# Tolerated clock difference between web workers when reading a token's issue time.
CLOCK_SKEW_SECONDS = 5


@dataclass(frozen=True)
class FormToken:
    """When the form was shown, plus a random nonce; signed so it cannot be forged."""

    issued_at: float
    nonce: str
    signed: str

    @classmethod
    def issue(cls, issued_at=None):
        issued_at = time.time() if issued_at is None else issued_at
        nonce = secrets.token_urlsafe(16)
        signed = signing.dumps({"t": round(issued_at, 3), "n": nonce}, salt=TOKEN_SALT)
        return cls(issued_at=issued_at, nonce=nonce, signed=signed)

    @classmethod
    def read(cls, signed):
        """The token, or None when it is missing, tampered with or malformed."""
        if not signed or not isinstance(signed, str) or len(signed) > 500:
            return None
        try:
            payload = signing.loads(signed, salt=TOKEN_SALT)
            issued_at, nonce = float(payload["t"]), str(payload["n"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None
        if issued_at > time.time() + CLOCK_SKEW_SECONDS:
            return None
        return cls(issued_at=issued_at, nonce=nonce, signed=signed)

    def age(self):
        return time.time() - self.issued_at

    def expired(self):
        return self.age() > settings.CONTACT_FORM_TOKEN_MAX_AGE


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
            # The cache is down (mbbcms.cache_backends degrades to no answer): accept the
            # inquiry rather than lose it; the honeypot and fill time still apply.
            return True
        return count <= settings.CONTACT_RATE_LIMIT

    def retry_after(self):
        return settings.CONTACT_RATE_LIMIT_WINDOW

    @staticmethod
    def retry_after_minutes():
        return max(1, math.ceil(settings.CONTACT_RATE_LIMIT_WINDOW / 60))
