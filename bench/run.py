"""`make bench`: how fast the public pages are, at 1,000 and at 100,000 reviews.

For each archive size it prepares a PostgreSQL database holding generated content
(`manage.py generate_content`, reused on later runs when it holds the right number of
reviews), starts the site under gunicorn with production settings twice (page cache on, and
off to measure the pages' own cost), and drives each kind of public page plus a small static
file with wrk at a fixed concurrency for a fixed time. It prints and records requests per
second, p50/p95/p99 latency, errors, SQL queries per request (counted on a separate,
instrumented request) and each page's throughput as a share of the static file's on the same
server. At the end it compares each page's p95
between the sizes, checks the targets of docs/PERFORMANCE.md, writes bench/results.json and
replaces the results table in docs/PERFORMANCE.md.

The long-tail scenario (`--scenario longtail`, bench/longtail.py) reads every published review
and list page with a Zipf-like popularity, page cache on, while an editor publishes or edits
every 30 seconds; it reports the page cache's hit ratio, requests per second, latency, errors
and stale pages, into bench/results-longtail.json and its own section of docs/PERFORMANCE.md.
`--scenario` (BENCH_SCENARIO) chooses: pages, longtail, or both (the default).

Every setting has an environment variable (see `--help`); the defaults suit a 2-core machine
with PostgreSQL and Redis on 127.0.0.1. The machine should be otherwise idle: the load
average is recorded next to every figure, and `--wait-quiet` waits for it to drop.
"""

import argparse
import contextlib
import datetime
import functools
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

import harness
import longtail
from harness import say

ROOT = harness.ROOT
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
MARK_START = "<!-- bench:results:start -->"
MARK_END = "<!-- bench:results:end -->"

# Seconds given to a server's workers to finish starting before it is measured.
SETTLE_SECONDS = 3

# Issue 15's targets (uncached detail and lists) beside the earlier ones (cached detail, search).
TARGETS = {
    "cached_detail_share": 0.60,
    "uncached_detail_share": 0.08,
    "uncached_list_share": 0.06,
    "p95_growth": 1.3,
    "search_vs_detail": 3.0,
}
SCENARIOS = ("pages", "longtail")
# The list pages the uncached-list target applies to.
LISTS = ("review list, 3 filters", "story list")


def scenarios(text: str) -> list[str]:
    """An argparse type: scenarios separated by commas (pages,longtail)."""
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in SCENARIOS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(SCENARIOS)}, e.g. longtail")
    return chosen


def exponent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 4:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 0 and 4")
    return value


def sizes(text: str) -> list[int]:
    """An argparse type: archive sizes separated by commas (1000,100_000)."""
    chosen = [harness.positive(size.strip()) for size in text.split(",") if size.strip()]
    if not chosen:
        raise argparse.ArgumentTypeError("give at least one size, e.g. 1000,100000")
    return chosen


def options():
    parser = harness.arguments(__doc__)
    option = functools.partial(harness.env_option, parser)
    count = harness.positive
    option("--sizes", env="BENCH_SIZES", default="1000,100000", type=sizes, help="archive sizes")
    option(
        "--scenario",
        env="BENCH_SCENARIO",
        default="pages,longtail",
        type=scenarios,
        help="pages (each page alone), longtail (Zipf-spread reading with writes), or both",
    )
    option("--duration", env="BENCH_DURATION", default="10", type=count, help="seconds per page")
    option("--connections", env="BENCH_CONNECTIONS", default="8", type=count)
    option("--threads", env="BENCH_THREADS", default="2", type=count, help="wrk's threads")
    option("--workers", env="BENCH_WORKERS", default="4", type=count, help="gunicorn workers")
    option(
        "--postgres",
        env="BENCH_POSTGRES_URL",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server URL, without a database name",
    )
    option("--db-prefix", env="BENCH_DB_PREFIX", default="pr_bench", help="<prefix>_<size>")
    option("--redis", env="BENCH_REDIS_URL", default="redis://127.0.0.1:6379/6")
    option("--port", env="BENCH_PORT", default="8601", type=count, help="the first of two")
    parser.add_argument("--regenerate", action="store_true", help="Regenerate the content.")
    option(
        "--wait-quiet",
        env="BENCH_WAIT_QUIET",
        default="0",
        type=harness.whole_number(0),
        help="wait up to this many seconds for a load average under 1.0 before measuring",
    )
    option(
        "--longtail-duration",
        env="BENCH_LONGTAIL_DURATION",
        default="60",
        type=count,
        help="seconds of the long-tail scenario per size",
    )
    option(
        "--warmup",
        env="BENCH_LONGTAIL_WARMUP",
        default="15",
        type=harness.whole_number(0),
        help="seconds of long-tail reading before it is measured",
    )
    option(
        "--write-every",
        env="BENCH_WRITE_EVERY",
        default="30",
        type=count,
        help="seconds between the long-tail editor's changes",
    )
    option(
        "--zipf-exponent",
        env="BENCH_ZIPF_EXPONENT",
        default="1.0",
        type=exponent,
        help="how steeply popularity falls with rank in the long tail",
    )
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--longtail-output", default=str(ROOT / "bench" / "results-longtail.json"))
    parser.add_argument("--doc", default=str(ROOT / "docs" / "PERFORMANCE.md"))
    return parser.parse_args()


# The machine


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    version = harness.program_output
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": version(["psql", "--version"]),
        "redis": version(["redis-server", "--version"]).split(" sha=")[0],
        "gunicorn": version([str(Path(sys.executable).with_name("gunicorn")), "--version"]),
        "wrk": version(["wrk", "--version"]).splitlines()[0] if shutil.which("wrk") else "",
    }


# The database


def prepare_database(args, size: int) -> dict:
    """A database holding `size` generated reviews: reused if it has them, else made."""
    server: harness.PostgresServer = args.server
    name = f"{args.db_prefix}_{size}"
    env = harness.production_env(
        database_url=server.database_url(name),
        redis_url=args.redis,
        DATABASE_POOL_MIN_SIZE="1",
        DATABASE_POOL_MAX_SIZE="4",
    )
    reviews = None
    if server.exists(name) and not args.regenerate:
        try:
            reviews = server.value("SELECT count(*) FROM reviews_review", database=name)
        except Exception:  # not migrated yet: made afresh below
            reviews = None
    if reviews == size:
        say(f"  reusing database {name} ({size:,} reviews); applying any new migrations")
        harness.manage(env, "migrate", "--no-input", "-v0")
        comment = server.value(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        )
        generated = json.loads(comment) if comment and comment.startswith("{") else {}
        say("  ANALYZE")
        server.query("ANALYZE", database=name)
    else:
        say(f"  creating database {name}")
        server.create(name)
        harness.manage(env, "migrate", "--no-input", "-v0")
        say(f"  generating {size:,} reviews (progress below)")
        started = time.monotonic()
        harness.manage(env, "generate_content", "--reviews", str(size), stream=True)
        seconds = round(time.monotonic() - started, 1)
        say(f"  generated in {seconds:,} s; VACUUM ANALYZE")
        started = time.monotonic()
        server.query("VACUUM (ANALYZE)", database=name)
        generated = {
            "seconds": seconds,
            "vacuum_seconds": round(time.monotonic() - started, 1),
            "on": datetime.date.today().isoformat(),
            "load_average": harness.load_average(),
        }
        from psycopg import sql

        server.query(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(json.dumps(generated))
            )
        )
    counts = {
        table: server.value(f"SELECT count(*) FROM reviews_{table}", database=name)
        for table in ("review", "story", "citation", "taggedstory", "expert", "outlet")
    }
    size_pretty = server.value("SELECT pg_size_pretty(pg_database_size(%s))", [name])
    return {"name": name, "env": env, "generated": generated, "counts": counts, "size": size_pretty}


def pick_pages(args, database: str) -> dict[str, str]:
    """One address per kind of public page, chosen from the content."""
    value = args.server.value
    published = "r.status = 'published' AND r.publish_at <= now()"
    ((date, slug),) = args.server.query(
        f"SELECT r.review_date, r.slug FROM reviews_review r WHERE {published} "
        "ORDER BY r.review_date DESC, r.publish_at DESC OFFSET 20 LIMIT 1",
        database=database,
    ) or harness.fail(f"{database} holds fewer than 21 published reviews")
    outlet = value(
        "SELECT o.slug FROM reviews_outlet o JOIN reviews_story s ON s.outlet_id = o.id "
        "GROUP BY o.slug ORDER BY count(*) DESC LIMIT 1",
        database=database,
    )
    expert = value(
        "SELECT e.slug FROM reviews_expert e JOIN reviews_citation c ON c.expert_id = e.id "
        "GROUP BY e.slug ORDER BY count(*) DESC LIMIT 1",
        database=database,
    )
    tag = value(
        "SELECT t.slug FROM taggit_tag t JOIN reviews_taggedstory ts ON ts.tag_id = t.id "
        "GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1",
        database=database,
    )
    newest = value(
        f"SELECT max(r.review_date) FROM reviews_review r WHERE {published}", database=database
    )
    year_ago = (newest - datetime.timedelta(days=365)).isoformat()
    return {
        "home": "/",
        "review list, 3 filters": f"/reviews/?section=business&tag=strikes&date_after={year_ago}",
        "review detail": f"/reviews/{date:%Y/%m/%d}/{slug}/",
        "story list": "/stories/",
        "outlet": f"/outlets/{outlet}/",
        "expert": f"/experts/{expert}/",
        "tag": f"/tags/{tag}/",
        "search": "/search/?q=strike",
        "feed": "/feeds/reviews/rss/",
    }


def static_path() -> str:
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    paths = json.loads(manifest.read_text())["paths"]
    return "/static/" + paths.get("favicon.svg", "favicon.svg")


COUNT_QUERIES = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
counts = {}
for name, url in json.loads(sys.stdin.read()).items():
    client = Client()
    with CaptureQueriesContext(connection) as first:
        status = client.get(url).status_code
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    counts[name] = {"status": status, "uncached": len(first), "cached": len(second)}
print("COUNTS " + json.dumps(counts))
"""


def count_queries(args, env: dict, pages: dict[str, str]) -> dict:
    """SQL queries per request: the first request (rendered) and the second (stored)."""
    harness.flush_redis(args.redis)
    output = harness.manage(env, "shell", "-v0", "-c", COUNT_QUERIES, stdin=json.dumps(pages))
    line = next(line for line in output.splitlines() if line.startswith("COUNTS "))
    harness.flush_redis(args.redis)
    return json.loads(line.removeprefix("COUNTS "))


# Load generation


def measure(args, server: harness.Server, path: str) -> dict:
    # Warm up: compile templates, fill connection pools (and the page cache when on).
    # A failure here is counted by the measurement itself.
    for _ in range(3 * args.workers):
        with contextlib.suppress(OSError):
            server.get(path)
    return run_wrk(args, server.url(path))


def run_wrk(args, url: str) -> dict:
    return harness.wrk(
        url,
        threads=args.threads,
        connections=args.connections,
        seconds=args.duration,
        script=LUA,
    )


# One archive size


def bench_size(args, size: int, database: dict, log_folder: Path) -> dict:
    pages = pick_pages(args, database["name"])
    say("  counting SQL queries per page (one instrumented request each)")
    queries = count_queries(args, database["env"], pages)
    for name, count in queries.items():
        say(
            f"    {name:<24} HTTP {count['status']}, {count['uncached']} queries rendered, "
            f"{count['cached']} when stored"
        )
    harness.flush_redis(args.redis)
    results: dict = {
        "database": {key: database[key] for key in ("name", "generated", "counts", "size")},
        "pages": pages,
        "queries": queries,
        "runs": {},
    }
    static = static_path()
    # One server at a time: a server booting its workers beside another's measurement
    # would take half the machine from it (seen: the static file at half its speed).
    for number, mode in enumerate(["cached", "uncached"]):
        env = dict(database["env"])
        if mode == "uncached":
            env["PRESSREVIEW_PAGE_CACHE_SECONDS"] = "0"
        server = harness.Server(
            env,
            log=log_folder / f"{size}-{mode}.log",
            workers=args.workers,
            port=args.port + number,
            ready_path=static,
            options=harness.LOAD_TEST_OPTIONS,
        )
        say(f"  starting gunicorn ({mode}) on port {server.port}")
        with server:
            time.sleep(SETTLE_SECONDS)
            runs = results["runs"][mode] = {}
            # The static file first and last: the ceiling is the better of the two, so that
            # a moment of background work (autovacuum, say) does not lower it.
            for name, path in {
                "static file": static,
                **pages,
                "static file, again": static,
            }.items():
                harness.wait_until_quiet(args.wait_quiet)
                load = harness.load_average()
                figures = measure(args, server, path)
                figures["load_average_before"] = load
                runs[name] = figures
                say(
                    f"  {mode:<8} {name:<24} {figures['requests_per_second']:>8,.0f} req/s  "
                    f"p50 {figures['p50_ms']:7.1f} ms  p95 {figures['p95_ms']:7.1f} ms  "
                    f"p99 {figures['p99_ms']:7.1f} ms  {figures['errors']} errors  "
                    f"(load {load})"
                )
            again = runs.pop("static file, again")
            if again["requests_per_second"] > runs["static file"]["requests_per_second"]:
                runs["static file"] = again | {"measured": "last"}
            ceiling = runs["static file"]["requests_per_second"] or 1
            for figures in runs.values():
                figures["share_of_static"] = round(figures["requests_per_second"] / ceiling, 3)
    return results


# Verdicts and the report


def verdicts(results: dict) -> list[dict]:
    sizes = sorted(results["sizes"], key=int)
    checks = []
    for size in sizes:
        runs = results["sizes"][size]["runs"]
        cached = runs["cached"]["review detail"]["share_of_static"]
        uncached = runs["uncached"]["review detail"]["share_of_static"]
        search = runs["uncached"]["search"]["p95_ms"]
        detail = runs["uncached"]["review detail"]["p95_ms"]
        errors = sum(f["errors"] for mode in runs.values() for f in mode.values())
        checks += [
            check(
                f"{int(size):,}: cached review detail ≥ 60 % of static req/s",
                cached,
                cached >= TARGETS["cached_detail_share"],
                f"{cached:.0%}",
            ),
            check(
                f"{int(size):,}: uncached review detail ≥ 8 % of static req/s",
                uncached,
                uncached >= TARGETS["uncached_detail_share"],
                f"{uncached:.1%}",
            ),
            *(
                check(
                    f"{int(size):,}: uncached {name} ≥ 6 % of static req/s",
                    share,
                    share >= TARGETS["uncached_list_share"],
                    f"{share:.1%}",
                )
                for name in LISTS
                for share in [runs["uncached"][name]["share_of_static"]]
            ),
            check(
                f"{int(size):,}: search p95 ≤ 3 x uncached review detail p95",
                search / detail if detail else None,
                detail and search <= TARGETS["search_vs_detail"] * detail,
                f"{search:.1f} ms vs {detail:.1f} ms ({search / detail:.1f}x)" if detail else "",
            ),
            check(f"{int(size):,}: zero errors", errors, errors == 0, f"{errors} errors"),
        ]
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for mode in ("uncached", "cached"):
            for name, figures in results["sizes"][large]["runs"][mode].items():
                before = results["sizes"][small]["runs"][mode][name]["p95_ms"]
                growth = figures["p95_ms"] / before if before else None
                checks.append(
                    check(
                        f"p95 growth {int(small):,} → {int(large):,}, {mode} {name} ≤ 1.3x",
                        growth,
                        growth is not None and growth <= TARGETS["p95_growth"],
                        f"{before:.1f} → {figures['p95_ms']:.1f} ms ({growth:.2f}x)"
                        if growth
                        else "",
                    )
                )
    return checks


def check(name, value, passed, shown) -> dict:
    return {"check": name, "value": value, "passed": bool(passed), "shown": shown}


def markdown(results: dict) -> str:
    lines = [MARK_START, ""]
    m = results["machine"]
    lines += [
        f"Measured {results['finished']} on {m['cpu']} ({m['cores']} cores, {m['memory']}), "
        f"{m['os']}; Python {m['python']}, {m['postgresql']}, {m['redis']}, gunicorn "
        f"{m['gunicorn'].split()[-1] if m['gunicorn'] else '?'} ({results['settings']['workers']} "
        f"workers), commit {results.get('commit') or '?'}, load generator wrk with "
        f"{results['settings']['connections']} connections for {results['settings']['duration']} s "
        "per page.",
        "",
    ]
    for size, data in sorted(results["sizes"].items(), key=lambda item: int(item[0])):
        counts = data["database"]["counts"]
        generated = data["database"]["generated"]
        lines += [
            f"### {int(size):,} reviews ({counts['story']:,} stories, {counts['citation']:,} "
            f"citations, {counts['taggedstory']:,} story tags; {data['database']['size']})",
            "",
        ]
        if generated.get("seconds"):
            lines += [
                f"Generated in {generated['seconds']:,} s (then VACUUM ANALYZE "
                f"{generated.get('vacuum_seconds', '?')} s), load average "
                f"{generated.get('load_average', '?')} at the end.",
                "",
            ]
        lines += [
            "| page | mode | req/s | share of static | p50 ms | p95 ms | p99 ms | errors "
            "| SQL queries | load |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for mode in ("cached", "uncached"):
            for name, f in data["runs"][mode].items():
                queries = data["queries"].get(name, {})
                count = queries.get("cached" if mode == "cached" else "uncached", 0)
                lines.append(
                    f"| {name} | {mode} | {f['requests_per_second']:,.0f} | "
                    f"{f['share_of_static']:.0%} | {f['p50_ms']:.1f} | {f['p95_ms']:.1f} | "
                    f"{f['p99_ms']:.1f} | {f['errors']} | {count} | "
                    f"{f['load_average_before']} |"
                )
        lines.append("")
    lines += ["### Targets", "", "| check | result | |", "|---|---|---|"]
    for item in results["verdicts"]:
        lines.append(f"| {item['check']} | {item['shown']} | {'✅' if item['passed'] else '❌'} |")
    lines += ["", MARK_END]
    return "\n".join(lines)


def write_doc(path: Path, table: str, marks: tuple[str, str] = (MARK_START, MARK_END)) -> None:
    start, end = marks
    text = path.read_text() if path.exists() else "# Performance\n\n## Results\n\n"
    if start in text and end in text:
        before = text.split(start)[0]
        after = text.split(end, 1)[1]
        text = before + table + after
    else:
        text = text.rstrip() + "\n\n" + table + "\n"
    path.write_text(text)


def commit() -> str:
    """The commit measured, `+` when the work tree holds changes not committed."""
    git = ["git", "-C", str(ROOT)]
    head = harness.program_output([*git, "rev-parse", "--short", "HEAD"])
    changed = harness.program_output([*git, "status", "--porcelain", "--untracked-files=no"])
    return f"{head}+" if head and changed else head


def new_results(args, settings: dict) -> dict:
    return {
        "machine": machine(),
        "commit": commit(),
        "settings": {
            "workers": args.workers,
            "connections": args.connections,
            "threads": args.threads,
            **settings,
        },
        "started": datetime.datetime.now().isoformat(timespec="seconds"),
        "sizes": {},
    }


def finish(results: dict, output: Path, judge, report, doc: Path, marks: tuple) -> None:
    """Sizes not measured this time keep their last figures (so the comparison stays whole);
    the verdicts; the JSON file and the section of the doc."""
    previous = json.loads(output.read_text()) if output.exists() else {}
    if previous.get("settings", {}).get("loadgen", "wrk") != "wrk":
        previous = {}  # figures of the old Python load generator: not comparable, not kept
    for size, data in previous.get("sizes", {}).items():
        earlier = data.get("from_earlier_run") or previous.get("finished")
        results["sizes"].setdefault(size, data | {"from_earlier_run": earlier})
    results["finished"] = datetime.datetime.now().isoformat(timespec="seconds")
    results["verdicts"] = judge(results)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    write_doc(doc, report(results), marks)
    say(f"Results: {output} and {doc}")
    for item in results["verdicts"]:
        print(f"  {'PASS' if item['passed'] else 'MISS'}  {item['check']}: {item['shown']}")


def main() -> int:
    args = options()
    sizes = args.sizes
    # Every service first, so that a missing one is said before minutes of generating.
    args.server = harness.PostgresServer(args.postgres)
    harness.require_redis(args.redis)
    harness.gunicorn()
    harness.require_program("wrk", "apt-get install -y wrk (make bench installs it)")
    say(f"Benchmark: {', '.join(args.scenario)} at {', '.join(f'{s:,}' for s in sizes)} reviews")
    load = harness.load_average()
    say(f"Load average now {load} (figures are only comparable on an idle machine)")
    log_folder = ROOT / "bench" / "logs"
    log_folder.mkdir(exist_ok=True)
    say("collectstatic")
    harness.manage(
        harness.production_env(database_url=args.server.maintenance_url),
        "collectstatic",
        "--no-input",
        "-v0",
    )
    pages = new_results(args, {"duration": args.duration, "loadgen": "wrk"})
    tail = new_results(
        args,
        {
            "duration": args.longtail_duration,
            "warmup": args.warmup,
            "every": args.write_every,
            "exponent": args.zipf_exponent,
        },
    )
    for size in sizes:
        say(f"== {size:,} reviews ==")
        database = prepare_database(args, size)
        counts = database["counts"]
        say(
            f"  database {database['name']}: {counts['review']:,} reviews, {counts['story']:,} "
            f"stories, {counts['citation']:,} citations, {counts['taggedstory']:,} story tags, "
            f"{database['size']}"
        )
        if "pages" in args.scenario:
            pages["sizes"][str(size)] = bench_size(args, size, database, log_folder)
        if "longtail" in args.scenario:
            tail["sizes"][str(size)] = longtail.run(args, size, database, log_folder) | {
                "database": {key: database[key] for key in ("name", "counts", "size")}
            }
    doc = Path(args.doc)
    if "pages" in args.scenario:
        print()
        finish(pages, Path(args.output), verdicts, markdown, doc, (MARK_START, MARK_END))
    if "longtail" in args.scenario:
        print()
        marks = (longtail.MARK_START, longtail.MARK_END)
        finish(tail, Path(args.longtail_output), longtail.verdicts, longtail.markdown, doc, marks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
