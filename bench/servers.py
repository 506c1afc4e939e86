"""The benchmark's throwaway site: a seeded database, production settings, gunicorn on a free
local port, and the two ceilings served by the same gunicorn command."""

import contextlib
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
SITE_APP = "mbbcms.wsgi:application"
# Django with no middleware and no apps: what a page-cache hit is measured against.
BARE_APP = "bench.bare:application"
# The site's settings and whole middleware stack around a view that returns "ok".
MIDDLEWARE_APP = "bench.ceiling:application"
CEILING_PATH = "/ceiling/"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def throwaway_database(workdir, server_url=None):
    """A database URL for one run: SQLite in `workdir`, or, when `server_url` names a
    PostgreSQL server (DATABASE_URL=postgres://…), a new database on it, dropped afterwards."""
    if not server_url or not server_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    with postgres_database(server_url, f"mbb_bench_{secrets.token_hex(4)}") as url:
        yield url


@contextlib.contextmanager
def database_copy(database_url, workdir, name):
    """A copy of the database at `database_url` as it is now (SQLite: a copy of its file;
    PostgreSQL: a new database made from it as a template, dropped afterwards), so that two
    states of the site can be measured side by side, in alternating rounds."""
    if database_url.startswith("sqlite:///"):
        copy = workdir / f"{name}.sqlite3"
        shutil.copyfile(database_url.removeprefix("sqlite:///"), copy)
        yield f"sqlite:///{copy}"
        return
    source = urlsplit(database_url).path.lstrip("/")
    with postgres_database(database_url, f"{source}_{name}", template=source) as url:
        yield url


@contextlib.contextmanager
def postgres_database(server_url, name, template=None):
    """A new database `name` on the PostgreSQL server of `server_url` (a copy of `template`),
    its URL; dropped afterwards."""
    import psycopg  # only for the PostgreSQL variant

    parts = urlsplit(server_url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    copy_of = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copy_of}')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def base_environment(workdir, database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mbbcms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def describe(env):
    """Which database and cache a run used: figures differ between them."""
    database = env["DATABASE_URL"].split(":", 1)[0]
    cache = "Redis (REDIS_URL)" if env.get("REDIS_URL") else "local memory"
    return f"database {database}, cache {cache}"


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_seed_content", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


class Gunicorn:
    """gunicorn on a free local port, stopped (by its own process id) when done."""

    def __init__(self, app, env, workers):
        self.app = app
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                app,
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    code = self.process.returncode
                    raise RuntimeError(f"gunicorn {app} exited with {code}") from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn {app} did not start within 30 s")

    def get(self, path, headers=None):
        # A worker's first request imports and compiles templates: slow on a loaded machine.
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def probe(env, *args, timeout=None, echo=False):
    """Run `python -m bench.probes ARGS` on the benchmark's database; its JSON answer, or
    {"timeout": seconds} when it did not finish in time. Dicts are passed as JSON; `echo`
    shows the probe's progress (its stderr) as it goes."""
    args = [arg if isinstance(arg, str) else json.dumps(arg) for arg in args]
    try:
        result = subprocess.run(
            [PYTHON, "-m", "bench.probes", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=None if echo else subprocess.PIPE,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if result.returncode:
        sys.stderr.write((result.stderr or "")[-3000:])
        raise RuntimeError(f"probe {args[0]} failed with {result.returncode}")
    return json.loads(result.stdout.strip().splitlines()[-1])
