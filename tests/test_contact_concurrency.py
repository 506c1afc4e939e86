"""Fifty visitors sending the form at the same moment to a real gunicorn: fifty inquiries
stored, none duplicated, none lost. Runs on the database the suite runs on (SQLite or
PostgreSQL): the test copies the seeded test database for the server's use."""

import http.cookiejar
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from tests.contact import free_port

pytestmark = pytest.mark.django_db

VISITORS = 50
ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
TOKEN = re.compile(r'name="(csrfmiddlewaretoken|contact_form_token)" value="([^"]+)"')
REFERENCE = re.compile(r"(?:Başvuru numaranız: |Your reference number is )(\d+)\.")


class ServedDatabase:
    """A copy of the seeded test database that a separate server process can open."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.vendor = connection.vendor
        self.settings = connection.settings_dict

    def __enter__(self):
        connection.ensure_connection()
        if self.vendor == "sqlite":
            self.path = self.tmp_path / "served.sqlite3"
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()
            self.url = f"sqlite:///{self.path}"
        elif self.vendor == "postgresql":
            self.name = f"{self.settings['NAME']}_served"
            self.admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
            dump = subprocess.run(
                ["pg_dump", "--no-owner", *self.pg_args(self.settings["NAME"])],
                capture_output=True,
                check=True,
            )
            subprocess.run(
                ["psql", "-q", "-v", "ON_ERROR_STOP=1", *self.pg_args(self.name)],
                input=dump.stdout,
                capture_output=True,
                check=True,
            )
            s = self.settings
            auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
            self.url = (
                f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{self.name}"
            )
        else:
            pytest.fail(f"no served copy for {self.vendor}")
        return self

    def __exit__(self, *exc):
        if self.vendor == "postgresql":
            self.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def pg_args(self, name):
        s = self.settings
        return ["-h", s["HOST"] or "127.0.0.1", "-p", str(s["PORT"] or 5432), "-U", s["USER"], name]

    def admin(self, *statements):
        import psycopg

        s = self.settings
        with psycopg.connect(
            dbname="postgres",
            host=s["HOST"] or "127.0.0.1",
            port=s["PORT"] or 5432,
            user=s["USER"],
            password=s["PASSWORD"] or None,
            autocommit=True,
        ) as admin:
            for statement in statements:
                admin.execute(statement)

    def messages(self):
        """The stored message texts, read by the server's own database, not through Django."""
        query = "SELECT form_data FROM forms_app_inquiry"
        if self.vendor == "sqlite":
            import json

            with sqlite3.connect(self.path) as db:
                return [json.loads(row[0])["mesajiniz"] for row in db.execute(query)]
        import psycopg

        with psycopg.connect(self.url) as db:
            return [row[0]["mesajiniz"] for row in db.execute(query)]


class Gunicorn:
    def __init__(self, database_url, workers=4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mbbcms.settings.served_test",
            "DATABASE_URL": database_url,
        }
        self.process = subprocess.Popen(
            [str(GUNICORN), "mbbcms.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(workers), "--preload", "--graceful-timeout", "1"]
            + ["--timeout", "60", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_until_ready(self, path, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail("gunicorn exited: " + self.process.stderr.read().decode()[-2000:])
            try:
                with urllib.request.urlopen(self.base + path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        pytest.fail("gunicorn did not answer in time")

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # quick shutdown: nothing is in flight now
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Visitor:
    """One browser: opens the form (cookies, CSRF and form token), then sends it."""

    def __init__(self, base, path, number):
        self.url = base + path
        self.number = number
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
            "konu": "genel-bilgi",
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
            visitors = [Visitor(server.base, "/tr/iletisim/", n) for n in range(VISITORS)]
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
