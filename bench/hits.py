"""Cache hits against the bare ceiling, in interleaved rounds: bare Django, the cached pages,
bare Django again, the cached pages asked with `Accept-Encoding: gzip, br`, round after round.
Every server stays up (an idle sync worker costs nothing), so the rounds interleave within
seconds; each figure is the median of its rounds, each hit's ratio is to bare Django's median."""

from bench import report
from bench.load import COMPRESSED, load
from bench.servers import BARE_APP, CEILING_PATH, MIDDLEWARE_APP, SITE_APP, Gunicorn

PAGES = {
    "home": "/tr/",
    "work area": "/tr/calisma-alanlarimiz/yerel-diplomasi/",
    "directory": "/en/our-work-areas/international-memberships/",
    "directory filtered": "/en/our-work-areas/international-memberships/?sort=name&joined=2023",
    "network": "/en/our-work-areas/international-memberships/nalas/",
    "contact": "/tr/iletisim/",
}
CACHED = {"PAGE_CACHE_SECONDS": "600"}
RENDERED = {"PAGE_CACHE_SECONDS": "0"}
FULL_RENDER = {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}
ENCODINGS = {"identity": {}, "gzip, br": COMPRESSED}
# Target (issue 15): a cache hit serves at least 80 % of bare Django's requests/s.
HIT_SHARE_OF_BARE = 0.80


def cached_pages(site, pages, workers):
    """The pages the page cache answers (X-Cache: HIT), warmed in every encoding, and those it
    does not (the contact page: its form carries per-visitor tokens). Without Redis each
    worker has a cache of its own: a page is asked until every worker has had it."""
    hits = {}
    for name, path in pages.items():
        answers = []
        for _ in range(2 * workers + 1):
            for headers in ENCODINGS.values():
                status, response_headers, _body = site.get(path, headers)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
                answers.append(response_headers.get("X-Cache"))
        hits[name] = "HIT" in answers
    return hits


def hit_rounds(env, workers, rounds, seconds, connections, pages=PAGES, say=print):
    """Bare, hits, bare, hits with gzip/br, ... in `rounds` rounds; every server stays up (an
    idle sync worker costs nothing) so the rounds interleave within seconds."""
    runs = {"bare": [], "middleware": [], "pages": {}}
    with (
        Gunicorn(BARE_APP, env, workers) as bare,
        Gunicorn(MIDDLEWARE_APP, env, workers) as middleware,
        Gunicorn(SITE_APP, {**env, **CACHED}, workers) as site,
    ):
        for server in (bare, middleware):
            status, _headers, body = server.get(CEILING_PATH)
            if status != 200 or body != b"ok":
                raise RuntimeError(f"{server.app} answered {status} {body[:40]!r}")
        hits = cached_pages(site, pages, workers)
        cached = [name for name, ok in hits.items() if ok]
        for round_number in range(1, rounds + 1):
            say(f"  round {round_number}/{rounds}")
            for encoding, headers in ENCODINGS.items():
                runs["bare"].append(load(bare.port, CEILING_PATH, seconds, connections))
                for name in cached:
                    result = load(site.port, pages[name], seconds, connections, headers)
                    runs["pages"].setdefault(name, {}).setdefault(encoding, []).append(result)
            runs["middleware"].append(load(middleware.port, CEILING_PATH, seconds, connections))
    return hits, runs


def summarise_hits(hits, runs):
    """Median requests/s of each page and encoding over the rounds, and its share of the bare
    ceiling's median."""
    bare = report.median(run["rps"] for run in runs["bare"])
    summary = {
        "bare": {"rps": bare, "p99_ms": report.median(r["p99_ms"] for r in runs["bare"])},
        "middleware": {
            "rps": report.median(run["rps"] for run in runs["middleware"]),
            "p99_ms": report.median(run["p99_ms"] for run in runs["middleware"]),
        },
        "pages": {},
    }
    for name, cached in hits.items():
        summary["pages"][name] = {"cached": cached}
        for encoding, page_runs in runs["pages"].get(name, {}).items():
            rps = report.median(run["rps"] for run in page_runs)
            summary["pages"][name][encoding] = {
                "rps": rps,
                "p99_ms": report.median(run["p99_ms"] for run in page_runs),
                "share_of_bare": rps / bare,
                "pass": rps / bare >= HIT_SHARE_OF_BARE,
            }
    return summary
