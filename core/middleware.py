"""Project middleware: health check, security headers, private pages, database outages,
compression."""

import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from .content_coding import accepted_codings

logger = logging.getLogger(__name__)


class HealthCheckMiddleware:
    """Answers `/healthz` before anything else runs: no host check, no HTTPS redirect, no
    session, so load balancers can poll it cheaply by IP over plain HTTP."""

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != self.path:
            return self.get_response(request)
        checks = {"database": self.database_ok(), "cache": self.cache_ok()}
        healthy = all(checks.values())
        body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
        body["status"] = "ok" if healthy else "unavailable"
        response = HttpResponse(
            json.dumps(body), content_type="application/json", status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def database_ok():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                return cursor.fetchone() == (1,)
        except Exception:
            logger.warning("health check: database unavailable", exc_info=True)
            return False

    @staticmethod
    def cache_ok():
        available = getattr(cache, "is_available", None)
        if available is not None:
            return available()
        try:
            cache.set("healthz", "1", 5)
            return cache.get("healthz") == "1"
        except Exception:
            logger.warning("health check: cache unavailable", exc_info=True)
            return False


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware doesn't set (the CSP is core.csp's)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = getattr(
            settings,
            "PERMISSIONS_POLICY",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=(), interest-cohort=()",
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


class SignedInPagesArePrivateMiddleware:
    """What a signed-in user sees (the user bar, drafts' links) is theirs alone: no CDN or
    shared cache may store it. Place after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class DatabaseUnavailableMiddleware:
    """A database outage (restart, failover, a connection or statement timeout) answers 503 with
    Retry-After, not a 500 page: clients and load balancers retry, and the error logs say what
    happened. Errors raised outside views reach the same page through core.errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError

        from .errors import database_unavailable

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return database_unavailable(exception)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view stays that view's 404.

    Django redirects an unprefixed address that answers 404 to /<language>/… whenever the
    prefixed address would match a URL pattern, and Wagtail's page pattern under the language
    prefixes matches every address. So the admin API's "no such page" (a JSON 404 at
    /admin/api/main/pages/<id>/) became a redirect to /tr/admin/api/… and an HTML 404 page,
    and the translation editor's page chooser failed on the HTML. Only addresses that no view
    answered at all are sent to a language.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's, except that a refused gzip stays refused: Django's looks for the word "gzip"
    in Accept-Encoding and so compresses for "gzip;q=0" too. It reads the header as the page
    cache does (core/content_coding.py), which answers its hits in the coding asked for."""

    def process_response(self, request, response):
        if "gzip" in accepted_codings(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return super().process_response(request, response)
        if not response.has_header("Content-Encoding"):
            patch_vary_headers(response, ("Accept-Encoding",))  # as Django's: it could have
        return response
