"""A database that accepts connections and never answers: cached pages keep being served, and
everything else answers the designed 503 page with Retry-After after the connect timeout,
instead of waiting for as long as the database hangs."""

import http.client
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from tests.hanging import hanging_listener
from tests.served import Gunicorn, ServedDatabase
from tests.test_production import good_env, run_python

pytestmark = pytest.mark.django_db

HOST = "localhost"
CACHED_PAGES = ["/tr/", "/en/", "/tr/calisma-alanlarimiz/", "/en/our-work-areas/"]
UNCACHED_PAGE = "/en/our-work-areas/local-diplomacy/"  # nobody asked for it yet: not cached


def get(server, path, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": HOST})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


def wait_for(server, path):
    for _ in range(300):
        if server.process.poll() is not None:
            pytest.fail("gunicorn exited: " + server.process.stderr.read().decode()[-2000:])
        try:
            return get(server, path, timeout=2)
        except OSError:
            __import__("time").sleep(0.1)
    pytest.fail("gunicorn did not answer in time")


def test_cached_pages_keep_being_served_while_the_database_hangs(tmp_path):
    cache_dir = str(tmp_path / "cache")
    with ServedDatabase(tmp_path) as database:
        warm = Gunicorn(database.url, workers=1, options=(), SERVED_CACHE_DIR=cache_dir)
        try:
            wait_for(warm, "/healthz")
            served = {path: get(warm, path) for path in CACHED_PAGES}
            assert {
                path: get(warm, path)[1].get("X-Cache") for path in CACHED_PAGES
            } == dict.fromkeys(CACHED_PAGES, "HIT")
        finally:
            warm.stop()

    with hanging_listener() as port:
        hung = Gunicorn(
            f"postgres://postgres@127.0.0.1:{port}/mbb",
            workers=1,
            options=("--threads", "4", "--worker-class", "gthread"),
            SERVED_CACHE_DIR=cache_dir,
        )
        try:
            wait_for(hung, CACHED_PAGES[0])
            with ThreadPoolExecutor(max_workers=1) as pool:
                waiting = pool.submit(get, hung, UNCACHED_PAGE)  # needs the database
                for _ in range(5):
                    for path in CACHED_PAGES:
                        status, headers, body = get(hung, path)
                        assert (status, headers["X-Cache"]) == (200, "HIT")
                        assert body == served[path][2]
                # All of that while the uncached page was still waiting for the database.
                assert not waiting.done()
                status, headers, body = waiting.result()
            assert status == 503
            assert headers["Retry-After"] == "10"
            assert "Hizmete kısa bir ara verdik" in body
            # The database just timed out: the next request does not wait for it again.
            with ThreadPoolExecutor(max_workers=1) as pool:
                again = pool.submit(get, hung, UNCACHED_PAGE)
                status, _, _ = get(hung, "/healthz")
                assert status == 503
                assert again.result()[0] == 503
        finally:
            hung.stop()


SETTINGS = """
import django, json
django.setup()
from django.conf import settings
print(json.dumps(settings.DATABASES["default"]["OPTIONS"]))
"""


def test_connect_and_statement_timeouts_default_to_5_and_15_seconds_and_follow_the_environment():
    url = "postgres://postgres@127.0.0.1:5432/mbb"
    defaults = run_python(SETTINGS, **good_env(DATABASE_URL=url))
    assert defaults.returncode == 0, defaults.stderr
    assert json.loads(defaults.stdout.splitlines()[-1]) == {
        "connect_timeout": 5,
        "options": "-c statement_timeout=15000",
    }
    chosen = run_python(
        SETTINGS,
        **good_env(DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="2", DATABASE_STATEMENT_TIMEOUT="0"),
    )
    assert json.loads(chosen.stdout.splitlines()[-1]) == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=0",
    }
    wrong = run_python(SETTINGS, **good_env(DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="soon"))
    assert wrong.returncode != 0
    assert "DATABASE_CONNECT_TIMEOUT must be a whole number of seconds" in wrong.stderr


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a statement timeout of PostgreSQL")
def test_a_statement_cancelled_by_the_timeout_answers_503(client, tr, monkeypatch):
    def slow_page(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 100")
            cursor.execute("SELECT pg_sleep(2)")

    monkeypatch.setattr("home.models.HomePage.serve", slow_page)
    client.raise_request_exception = False
    response = client.get("/tr/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"


class FailingSessionMiddleware:
    """Stands for middleware whose query times out after the view (a session being saved)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self.get_response(request)
        raise OperationalError("canceling statement due to statement timeout")


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_database_timeout_in_middleware_answers_503_too(client, tr, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.FailingSessionMiddleware"]
    client.raise_request_exception = False
    response = client.get("/tr/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "We will be back in a moment" in response.content.decode()
