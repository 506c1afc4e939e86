"""What the benchmark measures inside Django, in a process of its own on the benchmark's
database: `python -m bench.probes COMMAND [JSON]` prints one JSON object on its last line.

  queries JSON-PAGES [after-publish]  SQL queries of each page (after a footer publish: the
                                      first request once every fragment is retired)
  pages JSON-PAGES                    per page: CPU and wall ms per request, queries, HTML size
  load NETWORKS INQUIRIES             bench/scale_data.py's load into this database
  publish [SLUG]                      an editor publishes a new network page, then its English
                                      translation: request time and queries of each publish
  inbox                               the inquiry list and its search: time, queries, rows
  export FORMAT                       the export of every inquiry: time, queries, rows, peak RSS
                                      growth (tracemalloc's peak with --tracemalloc)
"""

import contextlib
import gzip
import json
import statistics
import sys
import time

import django

# Requests per page for the CPU figure: at least MIN, at most MAX, stopping after CPU_BUDGET s.
MIN_REQUESTS, MAX_REQUESTS, CPU_BUDGET = 3, 40, 2.0


def expect(condition, detail):
    """A probe that measured the wrong thing must fail loudly (and asserts vanish under -O)."""
    if not condition:
        raise RuntimeError(detail)


def client(superuser=False):
    from django.test import Client

    browser = Client(HTTP_HOST="127.0.0.1")
    if superuser:
        from django.contrib.auth import get_user_model

        user, _ = get_user_model().objects.get_or_create(
            username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
        )
        browser.force_login(user)
    return browser


class QueryCounter:
    """Counts queries without keeping them (an export runs many thousands of rows)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self.wrapper = connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)


def timed(function):
    """(result, wall ms, CPU ms, queries) of one call."""
    with QueryCounter() as queries:
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        cpu = (time.process_time() - cpu) * 1000
        wall = (time.perf_counter() - wall) * 1000
    return result, wall, cpu, queries.count


def queries(pages, mode="rendered"):
    from core.models import ContactDetails

    browser = client()
    counts = {}
    for name, path in pages.items():
        browser.get(path)  # warm what Wagtail keeps between requests
        if mode == "after-publish":
            # What every page shows: its publish retires every fragment (autocommit, so the
            # invalidation that waits for the commit runs at once).
            ContactDetails.objects.filter(live=True).first().save_revision().publish()
        response, _wall, _cpu, count = timed(lambda path=path: browser.get(path))
        expect(response.status_code == 200, (path, response.status_code))
        counts[name] = count
    return counts


def pages(paths):
    browser = client()
    results = {}
    for name, path in paths.items():
        response, _wall, _cpu, count = timed(lambda path=path: browser.get(path))
        if response.status_code != 200:
            results[name] = {"status": response.status_code}
            continue
        walls, cpus, counts = [], [], [count]
        while len(cpus) < MAX_REQUESTS and (
            len(cpus) < MIN_REQUESTS or sum(cpus) < CPU_BUDGET * 1000
        ):
            _response, wall, cpu, count = timed(lambda path=path: browser.get(path))
            walls.append(wall)
            cpus.append(cpu)
            counts.append(count)
        body = response.content
        results[name] = {
            "status": 200,
            "cpu_ms": statistics.median(cpus),
            "wall_ms": statistics.median(walls),
            "requests": len(cpus),
            # A view's own queries: each process also looks for publishes the cache missed,
            # every PAGE_CACHE_PENDING_CHECK_SECONDS, in whichever request comes then.
            "queries": min(counts),
            "bytes": len(body),
            "bytes_gzip": len(gzip.compress(body, compresslevel=6)),
        }
    return results


def publish(slug="bench-agi", capture=contextlib.nullcontext, warm=True, times=3):
    """An editor's publish through the admin, as the browser posts it: a new network page
    under the Turkish directory, then its English translation (wagtail-localize's editor:
    every string translated, then Publish). Deferred work stays queued for the task worker.
    `capture` wraps each request (tests run the on-commit work the database would).

    Measured in a warm process, as a running worker is: with `warm`, a first network page
    and its translation are published unmeasured (the first publish of a process also
    compiles the URL and e-mail validators' regular expressions, loads templates and
    wagtail-localize's segment extractors: some 150 ms that a worker pays once). Then
    `times` pages, each figure the median of theirs (one request is at the mercy of a
    neighbour on a shared machine, or of autovacuum after a bulk load)."""
    browser = client(superuser=True)
    if warm:
        publish_once(browser, f"{slug}-warm", capture)
    runs = [publish_once(browser, f"{slug}-{number}", capture) for number in range(times)]
    return {
        name: {
            "wall_ms": statistics.median(run[name]["wall_ms"] for run in runs),
            "cpu_ms": statistics.median(run[name]["cpu_ms"] for run in runs),
            "queries": max(run[name]["queries"] for run in runs),
            "runs": times,
        }
        for name in runs[0]
    }


def publish_once(browser, slug, capture):
    from django.urls import reverse
    from wagtail.models import Locale

    from editorial.testing import page_form_data, translate_string, translation_editor
    from networks.models import NetworkIndexPage, NetworkPage

    directory = NetworkIndexPage.objects.get(locale__language_code="tr")
    url = f"/admin/pages/add/networks/networkpage/{directory.pk}/"
    data = page_form_data(
        browser,
        url,
        title="Akdeniz Göç İşbirliği Ağı",
        slug=slug,
        short_name="AGİ",
        full_name="Akdeniz Göç İşbirliği Ağı",
        joined_year="2024",
        website="https://example.org/agi",
        introduction="Akdeniz kentlerinin göç alanında bilgi ve deneyim paylaştığı ağ.",
        **{"action-publish": "action-publish"},
    )
    with capture():
        response, wall, cpu, count = timed(lambda: browser.post(url, data))
    expect(response.status_code == 302, response.content[:3000])
    page = NetworkPage.objects.get(slug=slug, locale__language_code="tr")
    expect(page.live, "the network page was not published")
    results = {"publish": {"wall_ms": wall, "cpu_ms": cpu, "queries": count}}

    english = Locale.objects.get(language_code="en")
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with capture():
        response = browser.post(submit, {"locales": [english.pk]})
    expect(response.status_code == 302, response.content[:3000])
    translated = page.get_translation(english)
    segments, _translations = translation_editor(browser, translated)
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    for segment_id, text in segments.items():
        english_text = f"{text}/en" if text.startswith("https://") else f"{text} (EN)"
        translate_string(browser, translation, segment_id, english_text)
    edit = f"/admin/pages/{translated.pk}/edit/"
    with capture():
        response, wall, cpu, count = timed(lambda: browser.post(edit, {"action": "publish"}))
    expect(response.status_code == 302, response.content[:3000])
    translated.refresh_from_db()
    expect(translated.live, "the English translation was not published")
    results["publish translation"] = {"wall_ms": wall, "cpu_ms": cpu, "queries": count}
    return results


def inbox(search="yilmaz"):
    """The inquiry handler's inbox (it opens on the new ones), a search, and a search that
    finds one row (the newest new inquiry's e-mail address): a page of one row runs as many
    queries as a full one when no query is made per row. Each the median of three requests
    after a first one."""
    from django.urls import reverse

    from forms_app.models import Inquiry

    browser = client(superuser=True)
    url = reverse("forms_app_inquiry:index")
    one = (
        Inquiry.objects.filter(status=Inquiry.Status.NEW)
        .exclude(confirmation_to="")
        .order_by("-submit_time")
        .values_list("confirmation_to", flat=True)
        .first()
    )
    cases = {"list": {}, "search": {"q": search}}
    if one:
        cases["one row"] = {"q": one}
    results = {}
    for name, params in cases.items():
        browser.get(url, params)
        runs = [timed(lambda params=params: browser.get(url, params)) for _ in range(3)]
        response = runs[-1][0]
        expect(response.status_code == 200, (url, params, response.status_code))
        page = response.context_data["page_obj"]
        results[name] = {
            "wall_ms": statistics.median(run[1] for run in runs),
            "cpu_ms": statistics.median(run[2] for run in runs),
            "queries": runs[-1][3],
            "rows": len(page.object_list),
            "matches": page.paginator.count,
        }
    return results


def memory_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def export(fmt, trace=False):
    """Every inquiry exported into a temporary file, as the export task writes it."""
    import tempfile
    import tracemalloc

    try:
        from forms_app.exports import write_export
    except ImportError as error:
        return {"missing": str(error)}
    from forms_app.models import Inquiry

    queryset = Inquiry.objects.all()
    expected = queryset.count()
    with tempfile.TemporaryFile() as output:
        # Peak RSS from here on: writing 5 to clear_refs resets VmHWM to the current RSS.
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        before = memory_kb("VmRSS")
        if trace:
            tracemalloc.start()
        rows, wall, cpu, count = timed(lambda: write_export(queryset, fmt, output))
        result = {
            "rows": rows,
            "expected_rows": expected,
            "wall_ms": wall,
            "cpu_ms": cpu,
            "queries": count,
            "rss_growth_mb": (memory_kb("VmHWM") - before) / 1024,
            "bytes": output.tell(),
        }
        if trace:
            result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    return result


def main(command, *args):
    django.setup()
    if command == "queries":
        return queries(json.loads(args[0]), *args[1:])
    if command == "pages":
        return pages(json.loads(args[0]))
    if command == "publish":
        return publish(*args)
    if command == "load":
        from bench.scale_data import load

        networks, inquiries = (int(arg) for arg in args)
        return load(networks=networks, inquiries=inquiries, stdout=sys.stderr)
    if command == "inbox":
        return inbox(*args)
    if command == "export":
        return export(args[0], trace="--tracemalloc" in args)
    raise SystemExit(f"unknown probe {command!r}")


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:])))
