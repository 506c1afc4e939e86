"""`make bench`: how fast the site answers, cached and uncached, against a bare Django ceiling.

Builds a seeded SQLite database in a temporary folder, collects the static files there, then
runs gunicorn with the production settings four times on 127.0.0.1:
  1. the site with its full-page cache (the production default),
  2. "rendered": PAGE_CACHE_SECONDS=0, so every request is routed by Wagtail and its template
     rendered; the parts of pages that are the same for every visitor come from the fragment
     cache ({% wagtailcache %}, {% wagtailpagecache %}), as for the requests the page cache
     cannot answer (query strings, sessions, forms),
  3. "full render": also FRAGMENT_CACHE_SECONDS=0, so every request renders every template
     of the page in full (only the footer's contact details and the contact form's fields
     still come from the cache),
  4. bench/ceiling.py: the same settings and middleware with a view that returns "ok".
Each page is loaded for a fixed time with wrk (Debian's package) or, when wrk is missing, a
small Python load generator. SQL queries per page are counted in a separate process with
Django's test client on the same database: for a rendered page, and for the first request
after a publish of the contact details (which every page shows, so every fragment is rendered
again). Prints one table; writes bench/results/bench.json.

Usage: python bench/bench.py [--seconds N] [--connections N] [--workers N]
"""

import argparse
import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
PAGES = {
    "home": "/tr/",
    "work area": "/tr/calisma-alanlarimiz/yerel-diplomasi/",
    "directory": "/en/our-work-areas/international-memberships/",
    "directory filtered": "/en/our-work-areas/international-memberships/?sort=name&joined=2023",
    "network": "/en/our-work-areas/international-memberships/nalas/",
    "contact": "/tr/iletisim/",
}
CEILING_PATH = "/ceiling/"
# The reference Wagtail demo's home page on this machine, as the front-end issue measured it.
DEMO_HOME_RPS = 55
RENDERED = {"PAGE_CACHE_SECONDS": "0"}
FULL_RENDER = {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def base_environment(workdir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mbbcms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_seed_content", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


class Gunicorn:
    """gunicorn on a free local port, stopped (by its own process id) when done."""

    def __init__(self, app, env, workers):
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

    def get(self, path):
        # A worker's first request imports and compiles templates: slow on a loaded machine.
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        connection.request("GET", path)
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


WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def load_with_wrk(port, path, seconds, connections):
    result = subprocess.run(
        [
            "wrk",
            "--latency",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    latency = {p: float(v) * UNIT_MS[u] for p, v, u in WRK_LATENCY.findall(result.stdout)}
    errors = WRK_ERRORS.search(result.stdout)
    return {
        "rps": float(WRK_RATE.search(result.stdout).group(1)),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": int(errors.group(1)) if errors else 0,
        "tool": "wrk",
    }


def load_with_python(port, path, seconds, connections):
    """Keep-alive HTTP/1.1 clients in threads; latency of every request is recorded."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1],
        "errors": errors[0],
        "tool": "python",
    }


def load(port, path, seconds, connections):
    if shutil.which("wrk"):
        return load_with_wrk(port, path, seconds, connections)
    return load_with_python(port, path, seconds, connections)


QUERY_COUNTER = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from core.models import ContactDetails
client = Client(HTTP_HOST="127.0.0.1")
after_publish = sys.argv[2] == "after-publish"
counts = {}
for name, path in json.loads(sys.argv[1]).items():
    client.get(path)  # warm what Wagtail keeps between requests
    if after_publish:
        # What every page shows: its publish retires every fragment (autocommit, so the
        # invalidation that waits for the commit runs at once).
        ContactDetails.objects.filter(live=True).first().save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    counts[name] = len(queries)
print(json.dumps(counts))
"""


def count_queries(env, mode="rendered"):
    result = subprocess.run(
        [PYTHON, "-c", QUERY_COUNTER, json.dumps(PAGES), mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_site(env, workers, seconds, connections, cached):
    server = Gunicorn("mbbcms.wsgi:application", env, workers)
    try:
        results = {}
        for name, path in PAGES.items():
            status, headers, body = server.get(path)  # also fills the cache
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            results[name] = {
                **load(server.port, path, seconds, connections),
                "bytes": len(body),
                "bytes_gzip": len(gzip.compress(body, compresslevel=6)),
                "x_cache": server.get(path)[1].get("X-Cache", "-") if cached else "-",
            }
        return results
    finally:
        server.stop()


def measure_ceiling(env, workers, seconds, connections):
    server = Gunicorn("bench.ceiling:application", env, workers)
    try:
        status, _headers, body = server.get(CEILING_PATH)
        if status != 200 or body != b"ok":
            raise RuntimeError(f"the ceiling view answered {status} {body[:40]!r}")
        return load(server.port, CEILING_PATH, seconds, connections)
    finally:
        server.stop()


def print_table(runs, ceiling, queries):
    cached, rendered, full = runs["cached"], runs["rendered"], runs["full render"]
    header = (
        f"{'page':20} {'cached':>7} {'rendered':>8} {'full':>7}  {'p99 ms c/r/f':>17} "
        f"{'queries r/p':>11} {'bytes':>6} {'gzip':>5} {'cached/ceil':>11} "
        f"{'rendered/demo':>13} {'full/demo':>12}"
    )
    lines = ["requests per second", header, "-" * len(header)]
    for name in PAGES:
        c, r, f = cached[name], rendered[name], full[name]
        p99 = f"{c['p99_ms']:.1f}/{r['p99_ms']:.1f}/{f['p99_ms']:.1f}"
        count = f"{queries['rendered'][name]}/{queries['after publish'][name]}"
        lines.append(
            f"{name:20} {c['rps']:>7.0f} {r['rps']:>8.0f} {f['rps']:>7.0f}  {p99:>17} "
            f"{count:>11} {r['bytes']:>6} {r['bytes_gzip']:>5} "
            f"{c['rps'] / ceiling['rps']:>11.2f} {r['rps'] / DEMO_HOME_RPS:>13.1f} "
            f"{f['rps'] / DEMO_HOME_RPS:>12.1f}"
        )
    lines.append(
        f"{'ceiling (bare view)':20} {ceiling['rps']:>7.0f} {'':>8} {'':>7}  "
        f"{ceiling['p99_ms']:>17.1f}"
    )
    lines.append(f"demo: the reference Wagtail demo's home page, {DEMO_HOME_RPS} requests/s")
    lines.append(
        "full: every template rendered; queries r/p: rendered / first after a footer publish"
    )
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=8, help="load time per page (default 8)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (16)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers (CPU count)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mbb-bench-") as folder:
        workdir = Path(folder)
        env = base_environment(workdir)
        prepare(env)
        queries = {
            "rendered": count_queries({**env, **RENDERED}),
            "after publish": count_queries({**env, **RENDERED}, "after-publish"),
        }
        run = (args.workers, args.seconds, args.connections)
        runs = {
            "cached": measure_site({**env, "PAGE_CACHE_SECONDS": "600"}, *run, cached=True),
            "rendered": measure_site({**env, **RENDERED}, *run, cached=False),
            "full render": measure_site({**env, **FULL_RENDER}, *run, cached=False),
        }
        ceiling = measure_ceiling(env, *run)
    print_table(runs, ceiling, queries)
    failures = {
        f"{run_name}: {name}": results[name]["errors"]
        for run_name, results in runs.items()
        for name in PAGES
        if results[name]["errors"]
    }
    results = {
        "settings": vars(args),
        "tool": ceiling["tool"],
        "queries": queries,
        **runs,
        "ceiling": ceiling,
        "demo_home_rps": DEMO_HOME_RPS,
        "failed_requests": failures,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, indent=2))
    if failures:
        print(f"Failed requests: {failures}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
