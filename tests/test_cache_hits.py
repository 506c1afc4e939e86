"""Page-cache hits answered first: by the first middleware (the test client) and by the WSGI
application in front of Django (gunicorn). A hit carries exactly the headers the rendered page
carried, its body in the coding the browser prefers (compressed when it was stored), and never
reaches a visitor with a session, an http request under HTTPS redirection or a refused host."""

import gzip
from unittest import mock

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import Client, RequestFactory

from core import page_cache
from core.content_coding import accepted_codings, preferred_coding
from core.page_cache_middleware import PageCacheApplication, PageCacheMiddleware
from home.models import WorkAreaPage
from tests.test_security import assert_security_headers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}
# Worked out for each answer: the length and coding of the body sent, and the hit or miss.
PER_ANSWER = {"content-length", "content-encoding", "x-cache"}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CDN_CACHE_SECONDS = 600


@pytest.fixture
def production_https(settings):
    """As mbbcms.settings.production behind a TLS proxy: HTTPS redirect, HSTS."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


@pytest.fixture
def url(tr):
    return WorkAreaPage.objects.get(locale=tr).url


def headers(response):
    return {name.lower(): value for name, value in response.items()}


def page_headers(response):
    return {name: value for name, value in headers(response).items() if name not in PER_ANSWER}


def decoded(response):
    body = response.content
    coding = response.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "br":
        return brotli.decompress(body)
    assert coding is None, coding
    return body


class Front:
    """The WSGI application gunicorn runs (mbbcms/wsgi.py), around Django's handler, counting
    the requests that reach Django."""

    def __init__(self):
        self.django = WSGIHandler()
        self.reached_django = 0
        self.application = PageCacheApplication(self.counting)

    def counting(self, environ, start_response):
        """Django's handler, without closing the test's database connection (as the test
        client does): its request signals would, and the test runs in a transaction."""
        self.reached_django += 1
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            chunks = self.django(environ, start_response)
            body = b"".join(chunks)
            chunks.close()  # sends request_finished
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]

    def get(self, path, **extra):
        environ = RequestFactory().get(path, **extra).environ
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = {name.lower(): value for name, value in response_headers}

        chunks = self.application(environ, start_response)
        answer["body"] = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
        return answer


# The headers of a hit --------------------------------------------------------------------


def test_a_hit_carries_the_same_headers_as_the_rendered_page_with_hsts_on_https(
    url, production_https
):
    miss, hit = Client(**HTTPS).get(url), Client(**HTTPS).get(url)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert page_headers(hit) == page_headers(miss)
    assert_security_headers(hit)
    assert hit["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert hit["Cross-Origin-Opener-Policy"] == "same-origin"
    assert hit["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["Content-Language"] == "tr"
    assert hit["Content-Length"] == str(len(hit.content))
    assert hit.content == miss.content


def test_the_wsgi_front_answers_a_hit_without_django_and_with_the_same_headers(
    url, production_https
):
    front = Front()
    miss = front.get(url, **HTTPS)
    assert (miss["status"], miss["headers"]["x-cache"]) == (200, "MISS")
    assert front.reached_django == 1
    hit = front.get(url, **HTTPS)
    assert (hit["status"], hit["headers"]["x-cache"]) == (200, "HIT")
    assert front.reached_django == 1  # answered in front of Django
    assert hit["body"] == miss["body"]
    assert hit["headers"] == miss["headers"] | {"x-cache": "HIT"}
    assert hit["headers"] == headers(Client(**HTTPS).get(url))  # the middleware's hit


def test_a_miss_through_the_front_reads_the_cache_once(url):
    front = Front()
    with mock.patch(
        "core.page_cache_middleware.read_entry", wraps=page_cache.read_entry
    ) as read_entry:
        assert front.get(url)["headers"]["x-cache"] == "MISS"
    assert read_entry.call_count == 1  # the middleware used the front's lookup


def test_an_http_request_under_https_redirection_is_redirected_not_answered(url, production_https):
    assert Client(**HTTPS).get(url)["X-Cache"] == "MISS"
    for response in (Client().get(url), Client().get(url)):
        assert response.status_code == 301
        assert response["Location"] == f"https://testserver{url}"
    front = Front()
    assert front.get(url)["status"] == 301
    assert front.reached_django == 1


def test_a_host_the_site_refuses_gets_no_hit(url, settings):
    assert Client().get(url)["X-Cache"] == "MISS"
    settings.ALLOWED_HOSTS = ["www.example.org"]
    assert Client(raise_request_exception=False).get(url).status_code == 400
    front = Front()
    assert front.get(url)["status"] == 400
    assert front.reached_django == 1


def test_a_head_request_is_answered_with_the_pages_length(url):
    Client().get(url)
    response = Client().head(url)
    assert response["X-Cache"] == "HIT"
    assert int(response["Content-Length"]) > 1000


# Codings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        ("", None),
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0", None),
        ("gzip;q=0, br;q=0", None),
        ("br;q=0.5, gzip;q=1.0", "br"),
        ("*", "br"),
        ("br;q=0, *", "gzip"),
        ("*;q=0, identity", None),
    ],
)
def test_a_hit_is_sent_in_the_best_coding_the_browser_accepts(url, accept_encoding, coding):
    rendered = Client().get(url, HTTP_ACCEPT_ENCODING="identity")
    assert rendered["X-Cache"] == "MISS"
    hit = Client().get(url, HTTP_ACCEPT_ENCODING=accept_encoding)
    assert hit["X-Cache"] == "HIT"
    assert hit.get("Content-Encoding") == coding
    assert hit["Content-Length"] == str(len(hit.content))
    assert decoded(hit) == rendered.content


def test_the_page_is_stored_uncompressed_when_its_first_visitor_asked_for_gzip(url):
    first = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert (first["X-Cache"], first["Content-Encoding"]) == ("MISS", "gzip")
    plain = Client().get(url)
    assert plain["X-Cache"] == "HIT"
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(first.content)


def test_pages_not_stored_are_not_gzipped_when_gzip_is_refused(tr):
    # Query strings the pages do not read are answered from the cache, never stored; a page
    # that is never cached (a 404) goes through GZipMiddleware.
    response = Client().get("/tr/olmayan-sayfa/", HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert response.status_code == 404
    assert "Content-Encoding" not in response
    assert "Accept-Encoding" in response["Vary"]
    gzipped = Client().get("/tr/olmayan-sayfa/", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"


def test_accept_encoding_is_read_as_rfc_9110_says():
    assert accepted_codings("") == {"identity"}
    assert accepted_codings("GZIP") == {"gzip", "identity"}
    assert accepted_codings("x-gzip") == {"gzip", "identity"}
    assert accepted_codings("gzip;q=0.000, br") == {"br", "identity"}
    assert accepted_codings("identity;q=0") == set()
    assert accepted_codings("*;q=0") == set()
    assert accepted_codings("br;q=oops") == {"identity"}
    assert preferred_coding("identity;q=0") == "identity"  # nothing acceptable: no coding


# Vary and Cache-Control ------------------------------------------------------------------


def vary(response):
    return {part.strip().lower() for part in response["Vary"].split(",")}


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("accept_encoding", ["", "gzip", "br"])
def test_a_hit_varies_on_cookie_and_accept_encoding_and_is_public(url, accept_encoding):
    miss = Client().get(url, HTTP_ACCEPT_ENCODING=accept_encoding)
    hit = Client().get(url, HTTP_ACCEPT_ENCODING=accept_encoding)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert {"cookie", "accept-encoding"} <= vary(hit)
    assert vary(hit) == vary(miss)
    assert cache_control(hit) == cache_control(miss) == {"public", "max-age=60", "s-maxage=600"}


# Never for one visitor ---------------------------------------------------------------------


def test_a_visitor_with_a_session_cookie_never_gets_a_hit(url, admin_user, settings):
    Client().get(url)
    assert Client().get(url)["X-Cache"] == "HIT"
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert "X-Cache" not in visitor.get(url)
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(url)
    assert "X-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()
    front = Front()
    cookie = f"{settings.SESSION_COOKIE_NAME}={editor.cookies[settings.SESSION_COOKIE_NAME].value}"
    answer = front.get(url, HTTP_COOKIE=cookie)
    assert "x-cache" not in answer["headers"]
    assert b"wagtail-userbar" in answer["body"]
    assert front.reached_django == 1


def page_middleware(response):
    return PageCacheMiddleware(lambda request: response)


def test_a_page_whose_csp_carries_a_nonce_is_neither_stored_nor_public(settings):
    response = HttpResponse("<p>nonce</p>" * 50)
    response["Content-Security-Policy"] = "script-src 'self' 'nonce-b2s5a3Rlc3Q='"
    middleware = page_middleware(response)
    for _ in range(2):
        answer = middleware(RequestFactory().get("/tr/nonce/"))
        assert "X-Cache" not in answer
        assert "public" not in answer.get("Cache-Control", "")


def test_etag_and_cookies_are_not_stored_and_other_headers_are(settings):
    response = HttpResponse("<p>page</p>" * 50)
    response["ETag"] = '"abc"'
    response["Link"] = '<https://example.org/en/>; rel="alternate"; hreflang="en"'
    response["X-Robots-Tag"] = "noindex"
    miss = page_middleware(response)(RequestFactory().get("/tr/sayfa/"))
    assert miss["X-Cache"] == "MISS"
    hit = page_middleware(HttpResponse(status=500))(RequestFactory().get("/tr/sayfa/"))
    assert hit["X-Cache"] == "HIT"
    assert "ETag" not in hit
    assert hit["Link"] == response["Link"]
    assert hit["X-Robots-Tag"] == "noindex"


def test_a_request_the_front_cannot_read_is_left_to_django(url, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    front = Front()
    answer = front.get(f"{url}?sort=name&joined=2023&page=2")
    assert answer["status"] == 400  # Django's answer to too many fields
    assert front.reached_django == 1
