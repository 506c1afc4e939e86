"""The site served by a real gunicorn in a separate process, on a copy of the test database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.contact import free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


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
    def __init__(self, database_url, workers=4, options=("--preload",), **environment):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mbbcms.settings.served_test",
            "DATABASE_URL": database_url,
            **environment,
        }
        self.process = subprocess.Popen(
            [str(GUNICORN), "mbbcms.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(workers), *options, "--graceful-timeout", "1"]
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
