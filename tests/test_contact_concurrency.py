"""Fifty visitors sending the form at the same moment to a real gunicorn: fifty inquiries
stored, none duplicated, none lost. Runs on the database the suite runs on (SQLite or
PostgreSQL): the test copies the seeded test database for the server's use."""

import http.cookiejar
import re
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.contact import topic_key
from tests.served import Gunicorn, ServedDatabase

pytestmark = pytest.mark.django_db

VISITORS = 50
TOKEN = re.compile(r'name="(csrfmiddlewaretoken|contact_form_token)" value="([^"]+)"')
REFERENCE = re.compile(r"(?:Başvuru numaranız: |Your reference number is )(\d+)\.")


class Visitor:
    """One browser: opens the form (cookies, CSRF and form token), then sends it."""

    def __init__(self, base, path, number, topic):
        self.url = base + path
        self.number = number
        self.topic = topic
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open_form(self):
        with self.opener.open(self.url, timeout=30) as response:
            self.hidden = dict(TOKEN.findall(response.read().decode()))

    def send(self):
        data = {
            **self.hidden,
            "adiniz_ve_soyadiniz": f"Ziyaretçi {self.number}",
            "e_posta_adresiniz": f"ziyaretci{self.number}@example.org",
            "konu": self.topic,
            "mesajiniz": f"Eşzamanlı mesaj #{self.number:02d} – ğüşıöçİ",
        }
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.url},
        )
        with self.opener.open(request, timeout=60) as response:
            body = response.read().decode()
            return response.status, REFERENCE.search(body)


def test_fifty_simultaneous_submissions_are_all_stored_exactly_once(tmp_path):
    started = time.monotonic()
    with ServedDatabase(tmp_path) as database:
        server = Gunicorn(database.url)
        try:
            server.wait_until_ready("/tr/iletisim/")
            topic = topic_key("Genel bilgi")
            visitors = [Visitor(server.base, "/tr/iletisim/", n, topic) for n in range(VISITORS)]
            with ThreadPoolExecutor(max_workers=VISITORS) as pool:
                list(pool.map(lambda v: v.open_form(), visitors))
                time.sleep(1.1)  # the form's minimum fill time in served_test
                gate = threading.Barrier(VISITORS)

                def send_together(visitor):
                    gate.wait()
                    return visitor.send()

                send_started = time.monotonic()
                results = list(pool.map(send_together, visitors))
                send_seconds = time.monotonic() - send_started
        finally:
            server.stop()
        stored = database.messages()

    statuses = [status for status, _ in results]
    references = [match.group(1) for _, match in results if match]
    expected = {f"Eşzamanlı mesaj #{n:02d} – ğüşıöçİ" for n in range(VISITORS)}
    duplicates = len(stored) - len(set(stored))
    lost = len(expected - set(stored))
    print(  # noqa: T201 - the figures the issue asks for, shown with pytest -s
        f"\n[{connection.vendor}] {VISITORS} concurrent POSTs: {len(stored)} stored, "
        f"{duplicates} duplicated, {lost} lost; sending took {send_seconds:.2f} s, "
        f"whole test {time.monotonic() - started:.1f} s"
    )
    assert statuses == [200] * VISITORS
    assert len(set(references)) == VISITORS  # every visitor saw their own reference number
    assert len(stored) == VISITORS
    assert duplicates == 0
    assert lost == 0
