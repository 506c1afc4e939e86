"""`make bench` and `make bench-scale`: what they measure is what the targets name.

The figures themselves are the benchmark's (never timed here); these tests check that the
ceiling is bare, that ratios and verdicts are read right, that the probes go through the real
code paths (the admin's publish, the inbox) and that make starts the scale benchmark."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import probes
from bench.hits import HIT_SHARE_OF_BARE, summarise_hits
from bench.load import parse_wrk
from bench.report import table, verdict
from bench.scale import combine_rounds
from bench.servers import database_copy
from tests.factories import InquiryFactory

ROOT = Path(__file__).resolve().parent.parent

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:40000/tr/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.10ms    2.00ms  40.00ms   90.00%
  Latency Distribution
     50%  812.00us
     75%    9.00ms
     90%   10.00ms
     99%    1.20s
  9000 requests in 5.00s, 20.00MB read
  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   1800.50
Transfer/sec:      4.00MB
"""


def run(rps, p99=10.0, errors=0):
    return {"rps": rps, "p99_ms": p99, "errors": errors, "tool": "wrk"}


def test_wrk_output_is_read_in_milliseconds_with_failed_requests_apart_from_closed_sockets():
    result = parse_wrk(WRK_OUTPUT)
    assert result["rps"] == 1800.50
    assert result["p50_ms"] == pytest.approx(0.812)
    assert result["p99_ms"] == 1200.0
    assert result["errors"] == 7
    assert result["socket_errors"] == 4


def test_a_hit_is_compared_with_the_median_of_every_bare_round():
    runs = {
        "bare": [run(1000), run(3000), run(2000), run(2000)],
        "middleware": [run(900), run(700)],
        "pages": {
            "home": {"identity": [run(1500), run(1700), run(1600)]},
            "directory": {"identity": [run(1590), run(1610), run(1200)]},
        },
    }
    summary = summarise_hits({"home": True, "directory": True, "contact": False}, runs)
    assert summary["bare"]["rps"] == 2000
    home, directory = (
        summary["pages"]["home"]["identity"],
        summary["pages"]["directory"]["identity"],
    )
    assert home["rps"] == 1600 and home["share_of_bare"] == pytest.approx(0.80)
    assert home["pass"] is True  # exactly the target passes
    assert directory["rps"] == 1590 and directory["pass"] is False
    assert summary["pages"]["contact"] == {"cached": False}
    assert HIT_SHARE_OF_BARE == 0.80


def test_full_renders_from_alternating_rounds_take_each_pages_median():
    def page(cpu, wall=1.0):
        return {"status": 200, "cpu_ms": cpu, "wall_ms": wall, "queries": 5, "bytes": 9}

    rounds = [
        {"home": page(10.0), "gone": {"status": 404}},
        {"home": page(30.0, 3.0), "gone": {"status": 404}},
        {"home": page(12.0, 2.0), "gone": {"status": 404}},
    ]
    combined = combine_rounds(rounds)
    assert combined["home"] == {**page(12.0, 2.0), "rounds": 3}
    assert combined["gone"] == {"status": 404}


def test_the_baseline_is_a_copy_of_the_database_as_it_was(tmp_path):
    import sqlite3

    original = tmp_path / "site.sqlite3"
    with sqlite3.connect(original) as connection:
        connection.execute("CREATE TABLE networks (name TEXT)")
        connection.execute("INSERT INTO networks VALUES ('AEBR')")
    connection.close()
    with database_copy(f"sqlite:///{original}", tmp_path, "baseline") as copy_url:
        with sqlite3.connect(original) as connection:
            connection.execute("INSERT INTO networks VALUES ('ALDA')")
        connection.close()
        copy = sqlite3.connect(copy_url.removeprefix("sqlite:///"))
        assert copy.execute("SELECT name FROM networks").fetchall() == [("AEBR",)]
        copy.close()


def test_verdicts_and_tables_a_human_can_paste():
    assert [verdict(True), verdict(False), verdict(None)] == ["PASS", "FAIL", "n/a"]
    lines = table(["page", "rps"], [["home", "1,600"], ["directory filtered", "9"]]).splitlines()
    assert lines[0] == "page                  rps"
    assert set(lines[1]) == {"-"}
    assert lines[2] == "home                1,600"
    assert lines[3] == "directory filtered      9"


def test_the_bare_ceiling_is_django_with_no_middleware_and_no_apps():
    script = (
        "import json\n"
        "from bench.bare import application\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "response = Client().get('/ceiling/')\n"
        "print(json.dumps([response.status_code, response.content.decode(),"
        " settings.MIDDLEWARE, settings.INSTALLED_APPS]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    assert json.loads(output.stdout) == [200, "ok", [], []]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["bench"], "bench/bench.py"),
        (["bench", "SCALE=1"], "bench/bench.py --scale"),
        (["bench-scale"], "bench/bench.py --scale"),
    ],
)
def test_make_starts_the_benchmark_and_its_scale_variant(arguments, expected):
    output = subprocess.run(
        ["make", "--dry-run", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    )
    (command,) = [line for line in output.stdout.splitlines() if "bench/bench.py" in line]
    assert command.split("python ", 1)[1].strip() == expected


@pytest.mark.django_db
def test_the_publish_probe_publishes_a_network_page_and_its_translation_through_the_admin(
    django_capture_on_commit_callbacks,
):
    from networks.models import NetworkPage

    results = probes.publish(
        "bench-probe",
        capture=lambda: django_capture_on_commit_callbacks(execute=True),
        warm=False,
        times=1,
    )
    pages = NetworkPage.objects.filter(
        translation_key=NetworkPage.objects.get(
            slug="bench-probe-0", locale__language_code="tr"
        ).translation_key
    )
    assert sorted((page.locale.language_code, page.live) for page in pages) == [
        ("en", True),
        ("tr", True),
    ]
    for figures in results.values():
        assert figures["queries"] > 0 and figures["wall_ms"] > 0


@pytest.mark.django_db
def test_the_inbox_probe_reads_the_inquiry_list_and_its_search():
    answers = {
        "adiniz_ve_soyadiniz": "Mehmet Demir",
        "e_posta_adresiniz": "mehmet@example.org",
        "kurumunuz": "Bursa Büyükşehir Belediyesi",
        "mesajiniz": "Bilgi almak istiyorum.",
    }
    InquiryFactory.create_batch(3, form_data=answers, confirmation_to="mehmet@example.org")
    InquiryFactory(confirmation_to="ayse@example.org")  # Ayşe Yılmaz, the newest
    results = probes.inbox("demir")
    assert results["list"]["matches"] == 4
    assert results["list"]["rows"] == 4
    assert results["search"]["matches"] == 3
    assert results["one row"]["rows"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_probe_writes_every_inquiry_and_counts_its_queries(fmt):
    from forms_app.models import Inquiry

    InquiryFactory.create_batch(12)
    result = probes.export(fmt)
    assert result["rows"] == result["expected_rows"] == Inquiry.objects.count() >= 12
    assert result["bytes"] > 0 and result["queries"] > 0
    assert result["rss_growth_mb"] >= 0
