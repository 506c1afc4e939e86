"""Load generators: wrk (Debian's package) when it is installed, else keep-alive HTTP/1.1
clients in Python threads. Both return requests/s, p50 and p99 latency and failed requests."""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time

HOST = "127.0.0.1"
# What a browser sends: a cached page's compressed body is served from the entry.
COMPRESSED = {"Accept-Encoding": "gzip, br"}

WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")
WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def tool():
    return "wrk" if shutil.which("wrk") else "python"


def parse_wrk(output):
    latency = {p: float(v) * UNIT_MS[u] for p, v, u in WRK_LATENCY.findall(output)}
    errors = WRK_ERRORS.search(output)
    socket_errors = WRK_SOCKET_ERRORS.search(output)
    return {
        "rps": float(WRK_RATE.search(output).group(1)),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": int(errors.group(1)) if errors else 0,
        # Connections gunicorn's sync workers closed under wrk: counted, not failures.
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "tool": "wrk",
    }


def load_with_wrk(port, path, seconds, connections, headers):
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://{HOST}:{port}{path}")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(result.stdout)


def load_with_python(port, path, seconds, connections, headers):
    """Keep-alive HTTP/1.1 clients in threads; latency of every request is recorded."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
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
        "p99_ms": latencies[max(int(len(latencies) * 0.99) - 1, 0)],
        "errors": errors[0],
        "tool": "python",
    }


def load(port, path, seconds, connections, headers=None):
    run = load_with_wrk if tool() == "wrk" else load_with_python
    return run(port, path, seconds, connections, headers or {})
