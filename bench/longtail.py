"""The long-tail scenario of `make bench` (docs/PERFORMANCE.md, "The long-tail scenario"):
readers spread over every published review and list page, a few popular and most rarely
asked for (a Zipf distribution), with the page cache on, while an editor publishes a review
or edits a story every 30 seconds and a checker verifies that the pages each change affects
show it at once.

bench/run.py runs it (`--scenario longtail`). Two of its parts need Django set up on one
archive's database, so they run as child processes of run.py, with that database's
environment:

    python bench/longtail.py paths FILE       list the pages, ranked, into FILE for wrk
    python bench/longtail.py editor --port P  write every --every seconds, check the pages

The pages file has one `<cumulative probability><TAB><path>` line per page, most popular
first; bench/longtail.lua (wrk) draws each request's path from it. Popularity: the front
pages (home, the feeds, the first page of each list) first, then the newest reviews, then
every other page (each published review, the further pages of the lists, the archives, each
outlet, expert and tag) in a shuffled order, since readers who land on an old page from a
search engine pick it by topic, not by age.
"""

import json
import math
import random
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import harness
from harness import say

LUA = Path(__file__).resolve().parent / "longtail.lua"
MARK_START = "<!-- bench:longtail:start -->"
MARK_END = "<!-- bench:longtail:end -->"
# Every request of the scenario and of the checker is sent with this Host, so that both
# read and fill the same stored pages (a stored page's key includes the host).
HOST = "127.0.0.1"
# How many of the newest reviews rank right after the front pages.
RECENT_REVIEWS = 20
TARGETS = {"p95_ms": 50.0}


# The pages and their popularity (no Django needed: tested in tests/ops/test_bench_longtail.py)


@dataclass
class Pages:
    """The public pages of an archive, by how readers come to them."""

    front: list[str] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)
    rest: dict[str, list[str]] = field(default_factory=dict)


def ranked(pages: Pages, *, seed: int = 1848) -> list[str]:
    """Every page once, most popular first: the front pages, the newest reviews, then the
    rest shuffled (the same order for the same pages and seed)."""
    rest = [path for paths in pages.rest.values() for path in paths]
    random.Random(seed).shuffle(rest)
    seen: set[str] = set()
    order = []
    for path in [*pages.front, *pages.recent, *rest]:
        if path not in seen:
            seen.add(path)
            order.append(path)
    return order


def zipf_weights(count: int, exponent: float) -> list[float]:
    """The share of requests for the pages ranked 1 to `count`: proportional to
    1 / rank ** exponent, adding up to 1."""
    if count < 1:
        raise ValueError("a Zipf distribution needs at least one page")
    raw = [1 / rank**exponent for rank in range(1, count + 1)]
    total = math.fsum(raw)
    return [weight / total for weight in raw]


def cumulative(weights: list[float]) -> list[float]:
    """Running totals of `weights`, the last exactly 1.0 (what the Lua side searches)."""
    bounds, running = [], 0.0
    for weight in weights:
        running += weight
        bounds.append(running)
    bounds[-1] = 1.0
    return bounds


def paths_file_text(paths: list[str], exponent: float) -> str:
    """The file wrk reads: `<cumulative probability>\\t<path>` a line, most popular first."""
    bounds = cumulative(zipf_weights(len(paths), exponent))
    return "".join(f"{bound:.12f}\t{path}\n" for bound, path in zip(bounds, paths, strict=True))


def draw(bounds: list[float], paths: list[str], chance: float) -> str:
    """The path whose cumulative probability is the first at or above `chance` (0 <= chance
    < 1): what bench/longtail.lua does for each request, in Python for the tests."""
    low, high = 0, len(bounds) - 1
    while low < high:
        middle = (low + high) // 2
        if bounds[middle] < chance:
            low = middle + 1
        else:
            high = middle
    return paths[low]


def top_shares(count: int, exponent: float, tops=(1, 10, 100, 1000)) -> dict[str, float]:
    """The share of requests that go to the `top` most popular pages, for each top."""
    weights = zipf_weights(count, exponent)
    return {str(top): round(math.fsum(weights[:top]), 3) for top in tops if top <= count}


# The figures: the site's own page-cache counters


def page_cache_answers(metrics_text: str) -> Counter:
    """{hit, miss, bypass, off: count} from a /metrics answer (Prometheus text format), and
    `requests`: every request the site counted (django-prometheus)."""
    from prometheus_client.parser import text_string_to_metric_families

    answers: Counter = Counter()
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if not sample.name.endswith("_total"):
                continue
            if family.name == "pressreview_page_cache_answers":
                answers[sample.labels["status"]] += int(sample.value)
            elif family.name == "django_http_requests_before_middlewares":
                answers["requests"] += int(sample.value)
    return answers


def hit_ratio(hits: int, misses: int) -> float | None:
    return round(hits / (hits + misses), 4) if hits + misses else None


# The report


def verdicts(results: dict) -> list[dict]:
    checks = []
    for size, data in sorted(results["sizes"].items(), key=lambda item: int(item[0])):
        label = f"{int(size):,}"
        p95, errors, stale = data["p95_ms"], data["errors"], len(data["stale"])
        failed = len(data["editor_failures"])
        checks += [
            {
                "check": f"{label}: long-tail p95 ≤ {TARGETS['p95_ms']:.0f} ms",
                "passed": p95 <= TARGETS["p95_ms"],
                "shown": f"{p95:,.1f} ms",
            },
            {"check": f"{label}: zero errors", "passed": errors == 0, "shown": f"{errors}"},
            {
                "check": f"{label}: zero stale pages",
                "passed": stale == 0 and not failed,
                "shown": f"{stale} of {data['pages_checked']} checked"
                + (f", {failed} writes failed" if failed else ""),
            },
        ]
    return checks


def markdown(results: dict) -> str:
    """The results section of docs/PERFORMANCE.md for the long-tail scenario."""
    s = results["settings"]
    m = results["machine"]
    lines = [
        MARK_START,
        "",
        f"Run of {results['finished']}, commit {results.get('commit') or '?'}, on {m['cpu']} "
        f"({m['cores']} cores), gunicorn {s['workers']} workers, wrk {s['threads']} threads and "
        f"{s['connections']} connections for {s['duration']} s per size after {s['warmup']} s "
        f"of warm-up; Zipf exponent {s['exponent']}; one write every {s['every']} s.",
        "",
        "| reviews | pages | req/s | p50 ms | p95 ms | p99 ms | errors | page-cache hits "
        "| writes | stale pages | load before → after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for size, d in sorted(results["sizes"].items(), key=lambda item: int(item[0])):
        cache = d["page_cache"]
        ratio = cache["hit_ratio"]
        shown_ratio = f"{ratio:.1%}" if ratio is not None else "—"
        writes = ", ".join(f"{count} {kind}" for kind, count in sorted(d["writes"].items()))
        load = d["load_average"]
        earlier = f" ({d['from_earlier_run']})" if d.get("from_earlier_run") else ""
        lines.append(
            f"| {int(size):,}{earlier} | {d['paths']['count']:,} | "
            f"{d['requests_per_second']:,.0f} | {d['p50_ms']:,.1f} | {d['p95_ms']:,.1f} | "
            f"{d['p99_ms']:,.1f} | {d['errors']} | {shown_ratio} ({cache['hit']:,} of "
            f"{cache['hit'] + cache['miss']:,}) | {writes or 'none'} | "
            f"{len(d['stale'])} of {d['pages_checked']} | {load['before']} → {load['after']} |"
        )
    lines += ["", "| check | result | |", "|---|---|---|"]
    for item in results["verdicts"]:
        lines.append(f"| {item['check']} | {item['shown']} | {'✅' if item['passed'] else '❌'} |")
    stale = [
        f"{int(size):,}: {line}" for size, d in results["sizes"].items() for line in d["stale"]
    ]
    if stale:
        lines += ["", "Stale pages (the first ten):", ""]
        lines += [f"- {line}" for line in stale[:10]]
    lines += ["", MARK_END]
    return "\n".join(lines)


# The scenario, run by bench/run.py for one archive size


def run(args, size: int, database: dict, log_folder: Path) -> dict:
    """Measure the scenario on `database` (from run.prepare_database); the figures."""
    env = dict(database["env"])
    paths_file = log_folder / f"longtail-{size}.paths"
    say(f"  long tail: listing and ranking the public pages into {paths_file}")
    listed = child(env, "paths", str(paths_file), "--exponent", str(args.zipf_exponent))
    kinds = ", ".join(f"{number:,} {kind}" for kind, number in listed["kinds"].items())
    say(
        f"  {listed['count']:,} pages ({kinds}); "
        f"the top 10 take {listed['top_shares'].get('10', 0):.0%} of requests, the top 100 "
        f"{listed['top_shares'].get('100', 0):.0%}"
    )
    metrics_dir = log_folder / f"longtail-{size}-metrics"
    if metrics_dir.exists():
        for stale_file in metrics_dir.iterdir():
            stale_file.unlink()
    metrics_dir.mkdir(exist_ok=True)
    harness.flush_redis(args.redis)
    # The server's workers add up their counters there; the editor's own (its pages rendered
    # afresh) stay out of it.
    server = harness.Server(
        env | {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)},
        log=log_folder / f"{size}-longtail.log",
        workers=args.workers,
        port=args.port,
        ready_path="/robots.txt",
        options=harness.LOAD_TEST_OPTIONS,
    )
    say(f"  starting gunicorn (page cache on, cache empty) on port {server.port}")
    with server:
        editor = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "editor",
                f"--port={server.port}",
                f"--duration={args.longtail_duration}",
                f"--every={args.write_every}",
            ],
            cwd=harness.ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(log_folder / f"{size}-longtail-editor.log").open("w"),
            text=True,
        )
        try:
            return measure(args, server, editor, paths_file, listed)
        finally:
            if editor.poll() is None:
                editor.kill()
                editor.wait()


def measure(args, server, editor, paths_file: Path, listed: dict) -> dict:
    expect_line(editor, "READY")
    url = server.url("/")
    if args.warmup:
        say(f"  warming up for {args.warmup} s (not counted)")
        wrk(args, url, paths_file, args.warmup)
    harness.wait_until_quiet(args.wait_quiet)
    before = scrape(server)
    load_before = harness.load_average()
    say(
        f"  {args.longtail_duration} s of Zipf-spread reading, one write every "
        f"{args.write_every} s (load average {load_before})"
    )
    editor.stdin.write("GO\n")
    editor.stdin.flush()
    figures = wrk(args, url, paths_file, args.longtail_duration)
    load_after = harness.load_average()
    # The checker may still be at its last change's pages: its requests are counted once it
    # is done, and then taken out, since they are not the readers'.
    written = json.loads(expect_line(editor, "RESULT "))
    editor.wait(timeout=60)
    after = scrape(server)
    own = Counter(written["page_cache"])
    hits = after["hit"] - before["hit"] - own["hit"]
    misses = after["miss"] - before["miss"] - own["miss"]
    result = figures | {
        "paths": listed,
        "page_cache": {
            "hit": hits,
            "miss": misses,
            "hit_ratio": hit_ratio(hits, misses),
            "other": {
                status: after[status] - before[status] - own[status] for status in ("bypass", "off")
            },
            "checker": dict(own),
            "requests_counted": after["requests"] - before["requests"],
        },
        "writes": written["writes"],
        "pages_checked": written["pages_checked"],
        "stale": written["stale"],
        "editor_failures": written["failures"],
        "server_log_errors": server.log_errors(),
        "load_average": {"before": load_before, "after": load_after},
    }
    cache = result["page_cache"]
    say(
        f"  longtail {result['requests_per_second']:>8,.0f} req/s  p50 {result['p50_ms']:.1f} ms  "
        f"p95 {result['p95_ms']:.1f} ms  p99 {result['p99_ms']:.1f} ms  {result['errors']} errors  "
        f"hit ratio {cache['hit_ratio'] if cache['hit_ratio'] is not None else '-'} "
        f"({hits:,} hits, {misses:,} misses)  writes {written['writes']}  "
        f"stale {len(written['stale'])} of {written['pages_checked']}  (load {load_after})"
    )
    for line in written["stale"][:5] + written["failures"][:5]:
        say(f"    {line}")
    return result


def wrk(args, url: str, paths_file: Path, seconds: int) -> dict:
    return harness.wrk(
        url,
        threads=args.threads,
        connections=args.connections,
        seconds=seconds,
        script=LUA,
        headers=(f"Host: {HOST}",),
        script_arguments=(str(paths_file),),
    )


def scrape(server) -> Counter:
    answer = harness.fetch(server.port, "/metrics")
    if answer.status != 200:
        harness.fail(f"/metrics answered HTTP {answer.status} on port {server.port}")
    return page_cache_answers(answer.body.decode())


def expect_line(process, prefix: str) -> str:
    """The rest of the first line `process` prints that starts with `prefix`."""
    for line in process.stdout:
        if line.startswith(prefix):
            return line.removeprefix(prefix).strip()
    harness.fail(f"the editor stopped before saying {prefix.strip()} (see bench/logs/)")


def child(env: dict, *arguments: str) -> dict:
    """Run this script as a child with `env`; the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, __file__, *arguments],
        cwd=harness.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode:
        harness.fail(f"longtail.py {arguments[0]} failed:\n{done.stdout}{done.stderr}"[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


# The child processes (Django set up on one archive's database)


def public_pages() -> Pages:
    """Every public page of the archive a reader may land on."""
    from django.urls import reverse

    from reviews.models import Expert, Outlet, Review, Section, Story, published_tags
    from reviews.site import views
    from reviews.site.paginators import READER_MAX_PAGES

    def pages(name: str, count: int, per_page: int) -> list[str]:
        last = min(READER_MAX_PAGES, max(1, math.ceil(count / per_page)))
        return [f"{reverse(name)}?page={number}" for number in range(2, last + 1)]

    reviews = Review.objects.published().order_by("-review_date", "-publish_at", "-pk")
    addresses = [review.get_absolute_url() for review in reviews.only("review_date", "slug")]
    review_count, story_count = len(addresses), Story.objects.published().count()
    months = reviews.dates("review_date", "month", order="DESC")
    return Pages(
        front=[
            reverse("reviews:home"),
            reverse("reviews:review-feed-rss"),
            reverse("reviews:review-list"),
            reverse("reviews:story-list"),
            reverse("reviews:review-feed-atom"),
        ],
        recent=addresses[:RECENT_REVIEWS],
        rest={
            "reviews": addresses[RECENT_REVIEWS:],
            "list pages": [
                *pages("reviews:home", review_count, views.HomeView.paginate_by),
                *pages("reviews:review-list", review_count, views.ReviewListView.paginate_by),
                *pages("reviews:story-list", story_count, views.StoryListView.paginate_by),
                *(section.get_absolute_url() for section in Section.objects.all()),
                *(reverse("reviews:review-year", args=[year]) for year in {m.year for m in months}),
                *(reverse("reviews:review-month", args=[m.year, m.month]) for m in months),
            ],
            "subject pages": [
                reverse("reviews:outlet-list"),
                reverse("reviews:expert-list"),
                reverse("reviews:tag-list"),
                *(outlet.get_absolute_url() for outlet in Outlet.objects.published()),
                *(expert.get_absolute_url() for expert in Expert.objects.published()),
                *(
                    reverse("reviews:tag-detail", args=[slug])
                    for slug in published_tags().values_list("slug", flat=True)
                ),
            ],
        },
    )


def list_paths(args) -> None:
    pages = public_pages()
    order = ranked(pages)
    Path(args.file).write_text(paths_file_text(order, args.exponent))
    kinds = {"front pages": len(pages.front), "newest reviews": len(pages.recent)}
    kinds |= {kind: len(paths) for kind, paths in pages.rest.items()}
    summary = {
        "count": len(order),
        "exponent": args.exponent,
        "kinds": kinds,
        "top_shares": top_shares(len(order), args.exponent),
    }
    print(json.dumps(summary))


def main() -> int:
    parser = harness.arguments(__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    paths = commands.add_parser("paths", help="list and rank the public pages into a file")
    paths.add_argument("file")
    paths.add_argument("--exponent", type=float, default=1.0, help="the Zipf exponent")
    editor = commands.add_parser("editor", help="write and check, after GO on standard input")
    editor.add_argument("--port", type=harness.positive, required=True)
    editor.add_argument("--duration", type=harness.positive, default=60)
    editor.add_argument("--every", type=harness.positive, default=30, help="seconds per write")
    args = parser.parse_args()
    harness.setup_django()
    harness.require_database(postgresql=False)
    if args.command == "paths":
        list_paths(args)
    else:
        from longtail_editor import run_editor

        run_editor(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
