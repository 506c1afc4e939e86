"""Load and fault test: production settings on PostgreSQL and Redis, under a mixed load.

    make faults          (or: .venv/bin/python bench/faults.py [--seconds 60])

Runs gunicorn (production settings) and the task worker (db_worker) against a fresh PostgreSQL
database and Redis on this machine, with page-view threads and contact-form threads (GET the
form, wait like a person, POST), and measures these phases:

  a) steady load for --seconds: throughput, p50/p99, and the number of 5xx (must be 0);
  b) PostgreSQL restarted during the load: time until requests succeed again, and that every
     inquiry the site acknowledged is in the database (none lost);
  c) Redis stopped during the load: the site keeps serving (no 5xx), Redis is started again;
  d) the SMTP server hangs (accepts connections, never answers) for most of the phase: page
     views and contact posts answer as before; once it answers again every e-mail goes out once;
  e) PostgreSQL hangs (a proxy in front of it cuts its connections and then accepts new ones
     and never answers) for 20 s: cached page views keep answering (p99 under 1 s, no failure),
     the rest answers 503 with Retry-After, and the site recovers when the database answers.

Only 127.0.0.1 is contacted. Phases b and c need root for restarting PostgreSQL (pg_ctlcluster)
and Redis and disturb everyone using them; d and e leave the real services running. Choose
phases with --phases or FAULTS_PHASES (e.g. steady,smtp_hang,postgres_hang), the database name
with FAULTS_DATABASE (default mbb_faults) and the Redis database with FAULTS_REDIS_DB (7).
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
DATABASE = os.environ.get("FAULTS_DATABASE", "mbb_faults")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_DB = os.environ.get("FAULTS_REDIS_DB", "7")
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
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


class HangingProxy:
    """Forwards a local port to a real service. hang() turns it into a service that accepts
    connections and never answers (the connections it was forwarding are cut, as when a server
    goes away); resume() forwards again."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.server = socket.socket()
        self.server.bind((HOST, 0))
        self.server.listen(256)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.hanging, self.closing = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        self.forwarding, self.held = set(), []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.closing.is_set():
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            if self.hanging.is_set():
                with self.lock:
                    self.held.append(client)
                continue
            try:
                upstream = socket.create_connection((HOST, self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            pair = (client, upstream)
            with self.lock:
                self.forwarding.add(pair)
            for source, target in (pair, pair[::-1]):
                threading.Thread(target=self.pump, args=(source, target, pair), daemon=True).start()

    def pump(self, source, target, pair):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            self.cut(pair)

    def cut(self, sockets):
        with self.lock:
            self.forwarding.discard(sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def hang(self):
        self.hanging.set()
        with self.lock:
            forwarding = list(self.forwarding)
        for pair in forwarding:
            self.cut(pair)

    def resume(self):
        self.hanging.clear()
        with self.lock:
            held, self.held = self.held, []
        self.cut(tuple(held))

    def close(self):
        self.closing.set()
        self.resume()
        self.hang()
        self.server.close()


class CountingSMTPHandler:
    """The mail server: counts the messages it accepts and their Message-IDs (duplicates)."""

    def __init__(self):
        self.message_ids = []

    async def handle_DATA(self, server, session, envelope):
        import email

        self.message_ids.append(email.message_from_bytes(envelope.content)["Message-ID"])
        return "250 OK"


class Supervisor:
    """Keeps the task worker running, as compose's restart policy does: a worker whose database
    connection breaks exits, and is started again (after handing it the unsent e-mails)."""

    def __init__(self, env, log):
        self.env, self.log = env, log
        self.restarts, self.stopping, self.process = 0, threading.Event(), None
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        command = (
            f"{PYTHON} manage.py send_queued_email --enqueue && "
            f"exec {PYTHON} manage.py db_worker --no-reload --no-startup-delay"
        )
        while not self.stopping.is_set():
            self.process = subprocess.Popen(
                ["sh", "-c", command], cwd=ROOT, env=self.env, stdout=self.log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
            self.process.wait()
            if not self.stopping.is_set():
                self.restarts += 1
                time.sleep(1)

    def stop(self):
        self.stopping.set()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.thread.join(timeout=30)


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


def page_worker(port, recorder, stop, pages=PAGES):
    conn, i = http.client.HTTPConnection(HOST, port, timeout=10), 0
    while not stop.is_set():
        path = pages[i % len(pages)]
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
            response, html, seconds = request(conn, "GET", CONTACT)
            if response.status != 200:
                # No form to fill in (the database is away): a person would try again later.
                recorder.add("form", response.status, seconds)
                time.sleep(1)
                continue
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
        c.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{DATABASE}"')
    subprocess.run(["redis-cli", "-n", REDIS_DB, "flushdb"], check=True, capture_output=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_seed_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def inquiries_stored(markers):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as conn:
        rows = conn.execute("SELECT form_data::text FROM forms_app_inquiry").fetchall()
    text = "\n".join(row[0] for row in rows)
    found = set(re.findall(r"yuk-\d+-\d+-[0-9a-f]{6}", text))
    return len(rows), [m for m in markers if m not in found]


def run_phase(port, seconds, fault=None, pages=PAGES):
    recorder, stop = Recorder(), threading.Event()
    threads = [
        threading.Thread(target=page_worker, args=(port, recorder, stop, pages)) for _ in range(6)
    ]
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


def split(samples):
    """Page views and contact-form requests, each: count, failures, p99 of the answered."""
    report = {}
    for kind in ("page", "form"):
        mine = [s for s in samples if s[1] == kind]
        failed = [s for s in mine if not 200 <= s[2] < 400]
        answered = sorted(s[3] for s in mine if s[2] != 0)
        p99 = answered[min(len(answered) - 1, int(0.99 * len(answered)))] if answered else 0
        report[kind] = {
            "requests": len(mine),
            "failed": len(failed),
            "failure_statuses": dict(Counter(s[2] for s in failed)),
            "p99_ms": round(p99 * 1000, 1),
            "max_ms": round(answered[-1] * 1000, 1) if answered else None,
        }
    return report


def smtp_hang(smtp_proxy):
    def fault(port, recorder, started):
        time.sleep(5)
        t0 = time.monotonic()
        smtp_proxy.hang()
        time.sleep(30)
        t1 = time.monotonic()
        smtp_proxy.resume()
        return {"smtp_hung_s": round(t1 - t0, 1), "during_hang": split(recorder.window(t0, t1))}

    return fault


def postgres_hang(pg_proxy):
    def fault(port, recorder, started):
        time.sleep(10)
        t0 = time.monotonic()
        pg_proxy.hang()
        time.sleep(20)
        t1 = time.monotonic()
        health_during = health(port)
        pg_proxy.resume()
        while health(port) != 200 and time.monotonic() - t1 < 60:
            time.sleep(0.1)
        healthy = time.monotonic()
        return {
            "postgres_hung_s": round(t1 - t0, 1),
            "health_during_hang": health_during,
            "healthy_again_after_s": round(healthy - t1, 2),
            "during_hang": split(recorder.window(t0, t1)),
        }

    return fault


def queued_tasks():
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as conn:
        return conn.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
        ).fetchone()[0]


def outbox_state(env):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as conn:
        total, unsent = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE sent_at IS NULL) FROM forms_app_outgoingemail"
        ).fetchone()
    return total, unsent


PHASES = ("steady", "postgres_restart", "redis_stopped", "smtp_hang", "postgres_hang")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the steady phase")
    parser.add_argument(
        "--phases",
        default=os.environ.get("FAULTS_PHASES", ",".join(PHASES)),
        help="comma-separated, of: " + ", ".join(PHASES),
    )
    args = parser.parse_args()
    phases = [name.strip() for name in args.phases.split(",") if name.strip()]
    if unknown := set(phases) - set(PHASES):
        sys.exit(f"unknown phases: {', '.join(sorted(unknown))}")
    if not shutil.which("pg_ctlcluster") or not shutil.which("redis-cli"):
        sys.exit("needs PostgreSQL (pg_ctlcluster) and Redis (redis-cli) on this machine")

    static_root = tempfile.mkdtemp(prefix="mbb-faults-static-")
    smtp_port = free_port()
    # The site reaches PostgreSQL and the mail server through proxies that can hang.
    pg_proxy, smtp_proxy = HangingProxy(5432), HangingProxy(smtp_port)
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
        "EMAIL_PORT": str(smtp_proxy.port),
        "CONTACT_TRUSTED_PROXY_COUNT": "1",
    }
    from aiosmtpd.controller import Controller

    mailbox = CountingSMTPHandler()
    smtp = Controller(mailbox, hostname=HOST, port=smtp_port)
    smtp.start()
    prepare(env)
    served_env = {
        **env,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_proxy.port}/{DATABASE}",
    }
    port = free_port()
    # gunicorn's log goes to a file: an unread pipe fills up and blocks the workers.
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    server_log = (out / "faults-gunicorn.log").open("w")
    worker_log = (out / "faults-worker.log").open("w")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "mbbcms.wsgi", "--bind", f"{HOST}:{port}",
         "--workers", "2", "--threads", "4", "--worker-class", "gthread", "--timeout", "30",
         "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=served_env, stdout=server_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = Supervisor(served_env, worker_log)
    try:
        deadline = time.monotonic() + 60
        while health(port) != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("gunicorn did not become healthy")
            time.sleep(0.2)
        # Loading the content queued Wagtail's index updates: the worker finishes them first.
        deadline = time.monotonic() + 300
        while queued_tasks() and time.monotonic() < deadline:
            time.sleep(1)
        before, _ = inquiries_stored([])
        results = {}
        all_acknowledged = []
        plan = {
            "steady": ("a_steady", args.seconds, None, PAGES),
            "postgres_restart": ("b_postgres_restart", 40, postgres_restart, PAGES),
            "redis_stopped": ("c_redis_stopped", 40, redis_outage, PAGES),
            "smtp_hang": ("d_smtp_hang", 40, smtp_hang(smtp_proxy), PAGES),
            "postgres_hang": ("e_postgres_hang", 40, postgres_hang(pg_proxy), PAGES),
        }
        for phase in phases:
            name, seconds, fault, pages = plan[phase]
            recorder, summary, fault_report = run_phase(port, seconds, fault, pages)
            all_acknowledged += recorder.acknowledged
            summary["inquiries_acknowledged"] = len(recorder.acknowledged)
            summary["by_kind"] = split(recorder.samples)
            results[name] = {**summary, **fault_report}
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)}", flush=True)
        after, missing = inquiries_stored(all_acknowledged)
        results["inquiries"] = {
            "acknowledged": len(all_acknowledged),
            "stored": after - before,
            "acknowledged_but_missing": len(missing),
        }
        # The mail server answers again: what the worker has not sent yet goes out now, as an
        # operator would do after an outage (the queue alone retries 1, 2, 4 … minutes later).
        time.sleep(12)  # an attempt the worker is making now ends within EMAIL_TIMEOUT
        for _ in range(5):
            subprocess.run(
                [str(PYTHON), "manage.py", "send_queued_email", "--now"],
                cwd=ROOT, env=served_env, check=True, capture_output=True,
            )  # fmt: skip
            total, unsent = outbox_state(env)
            if not unsent:
                break
            time.sleep(5)
        results["emails"] = {
            "stored": total,
            "unsent_at_end": unsent,
            "received_by_mail_server": len(mailbox.message_ids),
            "duplicates": len(mailbox.message_ids) - len(set(mailbox.message_ids)),
            "worker_restarts": worker.restarts,
        }
    finally:
        worker.stop()
        worker_log.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server_log.close()
        smtp.stop()
        pg_proxy.close()
        smtp_proxy.close()
        shutil.rmtree(static_root, ignore_errors=True)
        if subprocess.run(["redis-cli", "ping"], capture_output=True).returncode != 0:
            subprocess.run(REDIS_START, capture_output=True)

    print()
    print(f"{'phase':22} {'req':>6} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'5xx':>5}  notes")
    for name in (plan[phase][0] for phase in phases):
        r = results[name]
        pages, forms = r["by_kind"]["page"], r["by_kind"]["form"]
        if name in ("d_smtp_hang", "e_postgres_hang"):
            during = r["during_hang"]
            notes = (
                f"page views: {pages['requests']}, {pages['failed']} failed, p99 "
                f"{pages['p99_ms']} ms (while hung: {during['page']['requests']}, "
                f"{during['page']['failed']} failed, p99 {during['page']['p99_ms']} ms); "
                f"form requests: {forms['requests']}, p99 {forms['p99_ms']} ms, "
                f"failed {forms['failure_statuses'] or 0}; inquiries acknowledged "
                f"{r['inquiries_acknowledged']}"
            )
            if name == "e_postgres_hang":
                notes += (
                    f"; /healthz while hung {r['health_during_hang']}, healthy again "
                    f"{r['healthy_again_after_s']} s after"
                )
        elif name == "a_steady":
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
    inquiries, emails = results["inquiries"], results["emails"]
    print(
        f"inquiries: {inquiries['acknowledged']} acknowledged, {inquiries['stored']} stored, "
        f"{inquiries['acknowledged_but_missing']} lost"
    )
    print(
        f"e-mails: {emails['stored']} stored, {emails['received_by_mail_server']} received by the "
        f"mail server ({emails['duplicates']} duplicates), {emails['unsent_at_end']} unsent at "
        f"the end; the worker was restarted {emails['worker_restarts']} times"
    )
    (out / "faults.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    ok = inquiries["acknowledged_but_missing"] == 0 and not emails["unsent_at_end"]
    ok = ok and emails["duplicates"] == 0
    if "a_steady" in results:
        ok = ok and results["a_steady"]["5xx"] == 0
    if "c_redis_stopped" in results:
        ok = ok and results["c_redis_stopped"]["5xx_while_down"] == 0
    for name in ("d_smtp_hang", "e_postgres_hang"):
        if name in results:
            pages = results[name]["by_kind"]["page"]
            ok = ok and pages["failed"] == 0 and pages["p99_ms"] < 1000
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
