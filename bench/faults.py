"""Load and fault test: production settings on PostgreSQL and Redis, under a mixed load.

    make faults          (or: .venv/bin/python bench/faults.py [--seconds 60])

Runs gunicorn (production settings) against a fresh PostgreSQL database and Redis on this
machine, with page-view threads and contact-form threads (GET the form, wait like a person,
POST), and measures three phases:

  a) steady load for --seconds: throughput, p50/p99, and the number of 5xx (must be 0);
  b) PostgreSQL restarted during the load: time until requests succeed again, and that every
     inquiry the site acknowledged is in the database (none lost);
  c) Redis stopped during the load: the site keeps serving (no 5xx), Redis is started again.

Only 127.0.0.1 is contacted. Needs root for restarting PostgreSQL (pg_ctlcluster) and Redis,
as on the project's machines.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
HOST = "127.0.0.1"
PG_URL = "postgres://postgres@127.0.0.1:5432/mbb_faults"
REDIS_URL = "redis://127.0.0.1:6379/7"
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip
PAGES = [
    "/tr/",
    "/en/",
    "/tr/calisma-alanlarimiz/",
    "/tr/calisma-alanlarimiz/yerel-diplomasi/",
    "/en/our-work-areas/international-memberships/",
    "/en/our-work-areas/international-memberships/nalas/",
    "/tr/calisma-alanlarimiz/uluslararasi-uyelikler/tdbb/",
    "/en/our-work-areas/international-memberships/?sort=name",
]
CONTACT = "/tr/iletisim/"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class FormParser(HTMLParser):
    """Collects the contact form's fields so the load client fills it like a browser."""

    def __init__(self):
        super().__init__()
        self.fields, self.select, self.in_form = {}, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                return  # optional consent stays unticked
            self.fields[name] = (kind, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.fields[name] = ("textarea", "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and attrs.get("value"):
            self.fields.setdefault(self.select, ("select", attrs["value"]))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "form":
            self.in_form = False


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (time, kind, status, seconds)
        self.acknowledged = []  # markers of inquiries the site said it received

    def add(self, kind, status, seconds):
        with self.lock:
            self.samples.append((time.monotonic(), kind, status, seconds))

    def window(self, start, end):
        return [s for s in self.samples if start <= s[0] < end]


def request(conn, method, path, body=None, headers=None):
    started = time.monotonic()
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response, data, time.monotonic() - started


def page_worker(port, recorder, stop):
    conn, i = http.client.HTTPConnection(HOST, port, timeout=10), 0
    while not stop.is_set():
        path = PAGES[i % len(PAGES)]
        i += 1
        try:
            try:
                response, _, seconds = request(conn, "GET", path)
            except http.client.RemoteDisconnected:
                # The server closed an idle keep-alive connection, as browsers see daily:
                # reconnect once, like they do, before counting a failure.
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
                response, _, seconds = request(conn, "GET", path)
            recorder.add("page", response.status, seconds)
        except (OSError, http.client.HTTPException):
            recorder.add("page", 0, 0.0)
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=10)
            time.sleep(0.05)


def form_worker(port, recorder, stop, worker_id):
    n = 0
    while not stop.is_set():
        conn = http.client.HTTPConnection(HOST, port, timeout=15)
        n += 1
        marker = f"yuk-{worker_id}-{n}-{secrets.token_hex(3)}"
        client_ip = f"10.{worker_id}.{n // 250 % 250}.{n % 250 + 1}"
        try:
            response, html, _ = request(conn, "GET", CONTACT)
            cookies = "; ".join(
                part.split(";")[0] for part in response.headers.get_all("Set-Cookie") or []
            )
            parser = FormParser()
            parser.feed(html.decode())
            data = {}
            for name, (kind, value) in parser.fields.items():
                if kind in ("hidden", "select"):
                    data[name] = value
                elif kind == "email":
                    data[name] = f"{marker}@example.org"
                elif kind == "textarea":
                    data[name] = f"Yük testi mesajı {marker}: ğüşıöçİ"
                elif name != "contact_homepage":  # the honeypot stays empty
                    data[name] = f"Test {marker}"
            time.sleep(3.3)  # a person needs a few seconds; the form refuses faster senders
            conn.close()  # gunicorn drops idle keep-alive connections after 2 s
            conn = http.client.HTTPConnection(HOST, port, timeout=15)
            body = urllib.parse.urlencode(data)
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookies,
                "X-Forwarded-For": client_ip,
                "Referer": f"http://{HOST}:{port}{CONTACT}",
            }
            response, html, seconds = request(conn, "POST", CONTACT, body, headers)
            recorder.add("form", response.status, seconds)
            if response.status == 200 and b"error-summary" not in html:
                with recorder.lock:
                    recorder.acknowledged.append(marker)
        except (OSError, http.client.HTTPException):
            recorder.add("form", 0, 0.0)
            time.sleep(0.2)
        finally:
            conn.close()


def health(port):
    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=2)
        response, _, _ = request(conn, "GET", "/healthz")
        conn.close()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0


def summarise(samples, seconds):
    statuses = Counter(s[2] for s in samples)
    latencies = sorted(s[3] for s in samples if 200 <= s[2] < 400)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return {
        "requests": len(samples),
        "throughput_rps": round(len(samples) / seconds, 1),
        "p50_ms": round(pick(0.50), 1) if latencies else None,
        "p99_ms": round(pick(0.99), 1) if latencies else None,
        "5xx": sum(n for status, n in statuses.items() if status >= 500),
        "connection_errors": statuses.get(0, 0),
        "statuses": dict(sorted(statuses.items())),
    }


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute("DROP DATABASE IF EXISTS mbb_faults WITH (FORCE)")
        c.execute("CREATE DATABASE mbb_faults")
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], check=True, capture_output=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_seed_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def inquiries_stored(markers):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/mbb_faults") as conn:
        rows = conn.execute("SELECT form_data::text FROM forms_app_inquiry").fetchall()
    text = "\n".join(row[0] for row in rows)
    found = set(re.findall(r"yuk-\d+-\d+-[0-9a-f]{6}", text))
    return len(rows), [m for m in markers if m not in found]


def run_phase(port, seconds, fault=None):
    recorder, stop = Recorder(), threading.Event()
    threads = [threading.Thread(target=page_worker, args=(port, recorder, stop)) for _ in range(6)]
    threads += [
        threading.Thread(target=form_worker, args=(port, recorder, stop, i)) for i in range(1, 5)
    ]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    fault_report = fault(port, recorder, started) if fault else {}
    remaining = seconds - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    elapsed = time.monotonic() - started
    return recorder, summarise(recorder.samples, elapsed), fault_report


def postgres_restart(port, recorder, started):
    time.sleep(10)
    cluster = sorted(os.listdir("/etc/postgresql"))[-1]
    t0 = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],
        check=True,
        capture_output=True,
    )
    restarted = time.monotonic()
    while health(port) != 200 and time.monotonic() - t0 < 60:
        time.sleep(0.1)
    healthy = time.monotonic()
    # First successful form POST after the restart began: the write path is back too.
    while time.monotonic() - t0 < 60:
        recent = recorder.window(t0, time.monotonic())
        writes = [s for s in recent if s[1] == "form" and s[2] == 200]
        if writes:
            break
        time.sleep(0.2)
    failures = [s for s in recorder.window(t0, healthy + 1) if not 200 <= s[2] < 400]
    return {
        "restart_command_s": round(restarted - t0, 2),
        "healthy_again_after_s": round(healthy - t0, 2),
        "first_stored_inquiry_after_s": round(writes[0][0] - t0, 2) if writes else None,
        "failed_requests_during_outage": len(failures),
        "failure_statuses": dict(Counter(s[2] for s in failures)),
    }


def redis_outage(port, recorder, started):
    time.sleep(10)
    t0 = time.monotonic()
    subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], capture_output=True)
    time.sleep(15)
    served = recorder.window(t0, time.monotonic())
    t1 = time.monotonic()
    subprocess.run(REDIS_START, check=True, capture_output=True)
    time.sleep(1)
    return {
        "redis_down_s": round(t1 - t0, 1),
        "requests_while_down": len(served),
        "rps_while_down": round(len(served) / (t1 - t0), 1),
        "5xx_while_down": sum(1 for s in served if s[2] >= 500),
        "ok_while_down": sum(1 for s in served if 200 <= s[2] < 400),
        "health_after_restart": health(port),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the steady phase")
    args = parser.parse_args()
    if not shutil.which("pg_ctlcluster") or not shutil.which("redis-cli"):
        sys.exit("needs PostgreSQL (pg_ctlcluster) and Redis (redis-cli) on this machine")

    static_root = tempfile.mkdtemp(prefix="mbb-faults-static-")
    smtp_port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mbbcms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": PG_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": static_root,
        "EMAIL_HOST": HOST,
        "EMAIL_PORT": str(smtp_port),
        "CONTACT_TRUSTED_PROXY_COUNT": "1",
    }
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    smtp = Controller(Sink(), hostname=HOST, port=smtp_port)
    smtp.start()
    prepare(env)
    port = free_port()
    # gunicorn's log goes to a file: an unread pipe fills up and blocks the workers.
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    server_log = (out / "faults-gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "mbbcms.wsgi", "--bind", f"{HOST}:{port}",
         "--workers", "2", "--threads", "4", "--worker-class", "gthread",
         "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while health(port) != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("gunicorn did not become healthy")
            time.sleep(0.2)
        before, _ = inquiries_stored([])
        results = {}
        all_acknowledged = []
        for name, seconds, fault in (
            ("a_steady", args.seconds, None),
            ("b_postgres_restart", 40, postgres_restart),
            ("c_redis_stopped", 40, redis_outage),
        ):
            recorder, summary, fault_report = run_phase(port, seconds, fault)
            all_acknowledged += recorder.acknowledged
            summary["inquiries_acknowledged"] = len(recorder.acknowledged)
            results[name] = {**summary, **fault_report}
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)}", flush=True)
        after, missing = inquiries_stored(all_acknowledged)
        results["inquiries"] = {
            "acknowledged": len(all_acknowledged),
            "stored": after - before,
            "acknowledged_but_missing": len(missing),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server_log.close()
        smtp.stop()
        shutil.rmtree(static_root, ignore_errors=True)
        if subprocess.run(["redis-cli", "ping"], capture_output=True).returncode != 0:
            subprocess.run(REDIS_START, capture_output=True)

    print()
    print(f"{'phase':22} {'req':>6} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'5xx':>5}  notes")
    for name in ("a_steady", "b_postgres_restart", "c_redis_stopped"):
        r = results[name]
        if name == "a_steady":
            notes = f"inquiries acknowledged {r['inquiries_acknowledged']}"
        elif name == "b_postgres_restart":
            notes = (
                f"healthy again after {r['healthy_again_after_s']} s, first inquiry stored "
                f"after {r['first_stored_inquiry_after_s']} s, "
                f"{r['failed_requests_during_outage']} failed requests {r['failure_statuses']}"
            )
        else:
            notes = (
                f"{r['ok_while_down']} ok / {r['5xx_while_down']} 5xx in "
                f"{r['redis_down_s']} s without Redis ({r['rps_while_down']} req/s, uncached)"
            )
        print(
            f"{name:22} {r['requests']:>6} {r['throughput_rps']:>7} {r['p50_ms']:>7} "
            f"{r['p99_ms']:>7} {r['5xx']:>5}  {notes}"
        )
    inquiries = results["inquiries"]
    print(
        f"inquiries: {inquiries['acknowledged']} acknowledged, {inquiries['stored']} stored, "
        f"{inquiries['acknowledged_but_missing']} lost"
    )
    (out / "faults.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    steady_ok = (
        results["a_steady"]["5xx"] == 0 and results["c_redis_stopped"]["5xx_while_down"] == 0
    )
    return 0 if steady_ok and inquiries["acknowledged_but_missing"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
