"""`make bench`: how fast the site answers, cached and uncached, against a bare Django ceiling.

Builds a seeded database in a temporary folder (SQLite; a new database on the PostgreSQL server
DATABASE_URL names, when it names one, dropped afterwards), collects the static files there,
then runs gunicorn with the production settings on 127.0.0.1:

  cache hits, in interleaved rounds: the bare ceiling (bench/bare.py: Django with no middleware
      and no apps, a view that returns "ok"), the cached pages, the bare ceiling again, the
      cached pages asked with `Accept-Encoding: gzip, br`, round after round; each figure is
      the median of its rounds, each hit's ratio is to the bare ceiling's median. The old
      ceiling through the site's whole middleware (bench/ceiling.py) is a second reference.
  rendered: PAGE_CACHE_SECONDS=0, so every request is routed by Wagtail and its template
      rendered, with the fragment cache ({% wagtailcache %}, {% wagtailpagecache %}).
  full render: also FRAGMENT_CACHE_SECONDS=0, so every template of the page is rendered.

Each page is loaded for a fixed time with wrk (Debian's package) or, when wrk is missing, a
small Python load generator. SQL queries per page are counted in a separate process with
Django's test client on the same database (bench/probes.py): for a rendered page, and for the
first request after a publish of the contact details (which every page shows). Prints tables
with each target's PASS/FAIL; writes bench/results/bench.json.

`--scale` runs bench/scale.py instead: 1,000 networks and 100,000 inquiries (see there).

Usage: python bench/bench.py [--scale] [--rounds N] [--seconds N] [--connections N] [--workers N]
"""

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

# Run as a script, this folder comes first on the path; the project root is what it imports.
ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from bench import report  # noqa: E402
from bench.hits import (  # noqa: E402
    ENCODINGS,
    FULL_RENDER,
    HIT_SHARE_OF_BARE,
    PAGES,
    RENDERED,
    hit_rounds,
    summarise_hits,
)
from bench.load import load, tool  # noqa: E402
from bench.servers import (  # noqa: E402
    SITE_APP,
    Gunicorn,
    base_environment,
    describe,
    prepare,
    probe,
    throwaway_database,
)

# Targets (issue 15).
DEMO_HOME_RPS = 55  # the reference Wagtail demo's home page on this machine (front-end issue)
RENDERED_TIMES_DEMO = 5  # a rendered page serves at least 5 times the demo's requests/s
# Full renders before issue 15 (requests/s; main at 7714838, 2 workers, wrk -c16 -d8s): a full
# render must serve no fewer.
FULL_RENDER_BEFORE = {
    "home": 75,
    "work area": 91,
    "directory": 66,
    "directory filtered": 80,
    "network": 108,
    "contact": 85,
}


def hits_table(summary, rounds):
    header = ["cache hits (median of rounds)"]
    for encoding in ENCODINGS:
        header += [f"{encoding} rps", "/bare", "p99 ms", f">={HIT_SHARE_OF_BARE:.0%}"]
    rows = []
    for name, figures in summary["pages"].items():
        if not figures["cached"]:
            rows.append([name] + ["-", "-", "-", "n/a"] * len(ENCODINGS))
            continue
        row = [name]
        for encoding in ENCODINGS:
            f = figures[encoding]
            row += [
                report.number(f["rps"]),
                f"{f['share_of_bare']:.0%}",
                report.number(f["p99_ms"], 1),
                report.verdict(f["pass"]),
            ]
        rows.append(row)
    for label, key in (
        ("bare Django (no middleware)", "bare"),
        ("site middleware + view", "middleware"),
    ):
        figures = summary[key]
        share = f"{figures['rps'] / summary['bare']['rps']:.0%}"
        rows.append(
            [label, report.number(figures["rps"]), share, report.number(figures["p99_ms"], 1)]
        )
    return (
        f"{report.table(header, rows)}\n"
        f"{rounds} interleaved rounds; ratio = page's median / bare Django's median "
        f"(target: hits >= {HIT_SHARE_OF_BARE:.0%}); n/a: not answered by the page cache"
    )


def measure_renders(env, workers, seconds, connections):
    results = {}
    with Gunicorn(SITE_APP, env, workers) as site:
        for name, path in PAGES.items():
            status, _headers, body = site.get(path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            results[name] = {
                **load(site.port, path, seconds, connections),
                "bytes": len(body),
                "bytes_gzip": len(gzip.compress(body, compresslevel=6)),
            }
    return results


def renders_table(rendered, full, queries):
    target = DEMO_HOME_RPS * RENDERED_TIMES_DEMO
    header = [
        "renders (rps)",
        "rendered",
        "p99 ms",
        f">={target}",
        "full",
        "p99 ms",
        "before",
        ">=before",
        "queries r/p",
        "bytes",
        "gzip",
    ]
    rows = []
    for name in PAGES:
        r, f = rendered[name], full[name]
        rows.append(
            [
                name,
                report.number(r["rps"]),
                report.number(r["p99_ms"], 1),
                report.verdict(r["rps"] >= target),
                report.number(f["rps"]),
                report.number(f["p99_ms"], 1),
                FULL_RENDER_BEFORE[name],
                report.verdict(f["rps"] >= FULL_RENDER_BEFORE[name]),
                f"{queries['rendered'][name]}/{queries['after publish'][name]}",
                r["bytes"],
                r["bytes_gzip"],
            ]
        )
    return (
        f"{report.table(header, rows)}\n"
        f"rendered: page cache off, fragments on (target: {RENDERED_TIMES_DEMO} x the Wagtail "
        f"demo's {DEMO_HOME_RPS} rps); full: every template rendered (target: no fewer than "
        "before issue 15)\nqueries r/p: rendered / first request after a footer publish"
    )


def failed_requests(rendered, full, rounds):
    """Requests answered with an error (or not at all), by run: a figure with errors is void."""
    runs = {
        "bare": rounds["bare"],
        "middleware": rounds["middleware"],
        **{
            f"hit {name} ({encoding})": page_runs
            for name, page in rounds["pages"].items()
            for encoding, page_runs in page.items()
        },
        **{f"rendered {name}": [result] for name, result in rendered.items()},
        **{f"full render {name}": [result] for name, result in full.items()},
    }
    failures = {label: sum(run["errors"] for run in results) for label, results in runs.items()}
    return {label: count for label, count in failures.items() if count}


def bench(args):
    with tempfile.TemporaryDirectory(prefix="mbb-bench-") as folder:
        workdir = Path(folder)
        with throwaway_database(workdir, os.environ.get("DATABASE_URL")) as database_url:
            env = base_environment(workdir, database_url)
            print(f"Seeding a throwaway database ({describe(env)}) ...")
            prepare(env)
            queries = {
                "rendered": probe({**env, **RENDERED}, "queries", PAGES),
                "after publish": probe({**env, **RENDERED}, "queries", PAGES, "after-publish"),
            }
            run = (args.workers, args.seconds, args.connections)
            print(f"Cache hits against bare Django, {args.rounds} rounds ({tool()}) ...")
            hits, rounds = hit_rounds(
                env, args.workers, args.rounds, args.seconds, args.connections
            )
            print("Rendered and full renders ...")
            rendered = measure_renders({**env, **RENDERED}, *run)
            full = measure_renders({**env, **FULL_RENDER}, *run)
    summary = summarise_hits(hits, rounds)
    print()
    print(hits_table(summary, args.rounds))
    print()
    print(renders_table(rendered, full, queries))
    failures = failed_requests(rendered, full, rounds)
    path = report.save(
        "bench.json",
        {
            "settings": vars(args),
            "run": describe(env),
            "tool": tool(),
            "targets": {
                "hit_share_of_bare": HIT_SHARE_OF_BARE,
                "rendered_rps": DEMO_HOME_RPS * RENDERED_TIMES_DEMO,
                "full_render_rps_before": FULL_RENDER_BEFORE,
            },
            "queries": queries,
            "hits": summary,
            "hit_rounds": rounds,
            "rendered": rendered,
            "full render": full,
            "failed_requests": failures,
        },
    )
    print(f"\nResults: {path.relative_to(ROOT)}")
    if failures:
        print(f"Failed requests: {failures}")
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", action="store_true", help="1,000 networks, 100,000 inquiries")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved hit rounds (3)")
    parser.add_argument("--seconds", type=int, help="load time per run (default 5; 3 with --scale)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (16)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers (CPU count)"
    )
    scale_options = parser.add_argument_group("--scale")
    scale_options.add_argument("--networks", type=int, default=1000, help="networks (1,000)")
    scale_options.add_argument("--inquiries", type=int, default=100_000, help="inquiries (100,000)")
    args = parser.parse_args()
    if args.scale:
        from bench import scale

        args.seconds = args.seconds or scale.HIT_SECONDS
        return scale.run(args)
    args.seconds = args.seconds or 5
    return bench(args)


if __name__ == "__main__":
    sys.exit(main())
