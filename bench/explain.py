"""Check every public page's SQL against PostgreSQL's plans: `make explain`.

    DATABASE_URL=postgres://... python bench/explain.py [--only detail]

Each public page is requested once with the page cache off; each of its queries is run again
under EXPLAIN ANALYZE. Printed per page: the number of queries, their total time, and for
each query slower than a millisecond or reading a large table sequentially, its plan's
outline. A sequential scan of a table of more than 20,000 rows fails the check (exit status
1). `--only` (default EXPLAIN_ONLY) keeps the pages whose name contains it.
"""

import json
import re
import sys

import harness

LARGE = 20_000
SLOW_MS = 1.0


def options():
    parser = harness.arguments(__doc__)
    harness.env_option(
        parser, "--only", env="EXPLAIN_ONLY", default="", help="pages whose name contains this"
    )
    return parser.parse_args()


def pages() -> dict[str, str]:
    from reviews.models import Review

    # The 21st newest, as before (the oldest of them when there are fewer).
    review = list(Review.objects.published().latest_first()[:21])[-1]
    subjects = harness.subjects()
    outlet, expert, tag = subjects.outlet, subjects.expert, subjects.tag
    year = review.review_date.year
    return {
        "home": "/",
        "home, page 2": "/?page=2",
        "review list": "/reviews/",
        "review list, 3 filters": (
            f"/reviews/?section=business&tag=strikes&date_after={year - 1}-01-01"
        ),
        "review list, outlet and expert": f"/reviews/?outlet={outlet.slug}&expert={expert.slug}",
        "review list, words": "/reviews/?q=strike",
        "year archive": f"/reviews/{year}/",
        "month archive": f"/reviews/{year}/{review.review_date.month:02d}/",
        "review detail": review.get_absolute_url(),
        "story list": "/stories/",
        "story list, tag and words": f"/stories/?tag={tag.slug}&q=minister",
        "outlets": "/outlets/",
        "outlet": outlet.get_absolute_url(),
        "experts": "/experts/",
        "expert": expert.get_absolute_url(),
        "tags": "/tags/",
        "tag": f"/tags/{tag.slug}/",
        "search, common word": "/search/?q=government",
        "search, rare word": "/search/?q=automation",
        "rss": "/feeds/reviews/rss/",
        "outlet feed": f"/outlets/{outlet.slug}/feed/",
        "expert feed": f"/experts/{expert.slug}/feed/",
        "tag feed": f"/tags/{tag.slug}/feed/",
        "sitemap": "/sitemap.xml",
    }


def table_sizes() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r'")
        return dict(cursor.fetchall())


def nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def outline(plan: dict, depth: int = 0) -> list[str]:
    what = plan["Node Type"]
    if plan.get("Relation Name"):
        what += f" on {plan['Relation Name']}"
    if plan.get("Index Name"):
        what += f" using {plan['Index Name']}"
    rows = plan.get("Actual Rows", 0) * plan.get("Actual Loops", 1)
    lines = [f"{'  ' * depth}{what} (rows {rows:,}, {plan.get('Actual Total Time', 0):.1f} ms)"]
    for child in plan.get("Plans", []):
        lines += outline(child, depth + 1)
    return lines


def main() -> int:
    args = options()
    harness.setup_django()
    harness.require_database(postgresql=True)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    sizes = table_sizes()
    failures = 0
    chosen = {name: url for name, url in pages().items() if args.only in name}
    if not chosen:
        harness.fail(f"no page's name contains {args.only!r}: {', '.join(pages())}")
    for name, url in chosen.items():
        with (
            override_settings(PRESSREVIEW_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"]),
            CaptureQueriesContext(connection) as captured,
        ):
            status = Client().get(url).status_code
        total, notes = 0.0, []
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.startswith(("SAVEPOINT", "RELEASE", "EXPLAIN")):
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
                result = cursor.fetchone()[0]
            result = json.loads(result) if isinstance(result, str) else result
            plan = result[0]["Plan"]
            took = result[0]["Execution Time"] + result[0].get("Planning Time", 0)
            total += took
            scans = [
                node["Relation Name"]
                for node in nodes(plan)
                if node["Node Type"] == "Seq Scan" and sizes.get(node["Relation Name"], 0) > LARGE
            ]
            if scans:
                failures += 1
            if scans or took > SLOW_MS:
                label = "SEQ SCAN of " + ", ".join(scans) if scans else "slow"
                flat = re.sub(r"\s+", " ", sql)[:160]
                notes.append(f"    {label}: {took:.1f} ms  {flat}")
                notes += [f"      {line}" for line in outline(plan)[:14]]
        print(f"{name:<32} HTTP {status}  {len(captured):>2} queries  {total:7.1f} ms  {url}")
        for note in notes:
            print(note)
        sys.stdout.flush()
    print(f"\n{failures} queries scan a large table sequentially.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
