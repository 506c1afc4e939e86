"""A live server and headless Chromium for the front-end browser tests.

The server is Django's LiveServerThread, started once per module, over the session's seeded
database. pytest-django's `live_server` fixture is not used on purpose: it makes every test
transactional, and the flush after such a test empties the database that the whole suite
shares (the seed is loaded once per session). These tests only read, so the ordinary `db`
fixture is enough: on in-memory SQLite the server shares the test's connection, and on
PostgreSQL the seed is committed before any test runs.
"""

import os
from pathlib import Path

import pytest

from core.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

CHROMIUM = Path(CHROMIUM_PATH)


@pytest.fixture(scope="module")
def site_url(django_db_setup, django_db_blocker):
    """The base URL of a live server, with a standard page in each language that uses every
    StreamField block; the pages are removed again afterwards."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    from tests.browser.site_pages import create_standard_pages, delete_standard_pages

    with django_db_blocker.unblock():
        create_standard_pages()
        shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in shared.values():
            conn.inc_thread_sharing()
        server = LiveServerThread(
            "127.0.0.1", static_handler=StaticFilesHandler, connections_override=shared
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield f"http://127.0.0.1:{server.port}"
        finally:
            server.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()
            delete_standard_pages()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; while it is open, Django would
    # refuse the tests' own (synchronous) database setup and teardown. Only for these tests:
    # the variable must not leak into the rest of the suite.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
