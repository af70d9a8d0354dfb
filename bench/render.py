"""What each public page costs to render when the page cache cannot help: `make render-bench`.

    DATABASE_URL=postgres://... python bench/render.py [--repeat 30] [--warmup 3]
        [--only detail] [--profile file] [--calls]

Each page is requested in-process through Django's test client with the page cache off
(PRESSREVIEW_PAGE_CACHE_SECONDS=0) and debug off, --warmup times untimed, then --repeat
times timed. Printed per page: the median wall time, the median time spent in SQL (measured
around each query by a database execute wrapper), the least processor time of this process
over the requests (Python's share, best of --repeat as timeit does: the steadiest figure on a
busy machine), the queries per request and the HTTP status when it is not 200. `--only
detail` keeps the pages whose name contains "detail"; `--profile file` writes a cProfile of
the timed requests to `file` (read it with `python -m pstats file`). `--calls` adds the
Python function calls per request, counted by cProfile over 5 more requests: the same count
whatever else the machine is doing. The options' defaults come from RENDER_REPEAT,
RENDER_WARMUP, RENDER_ONLY, RENDER_PROFILE and RENDER_CALLS (any value but "" or "0").
"""

import cProfile
import functools
import os
import pstats
import sys

import harness


def options():
    parser = harness.arguments(__doc__)
    option = functools.partial(harness.env_option, parser)
    option("--repeat", env="RENDER_REPEAT", default="30", type=harness.positive)
    option("--warmup", env="RENDER_WARMUP", default="3", type=harness.whole_number(0))
    option("--only", env="RENDER_ONLY", default="", help="pages whose name contains this")
    option("--profile", env="RENDER_PROFILE", default="", help="write a cProfile to this file")
    parser.add_argument(
        "--calls",
        action="store_true",
        default=os.environ.get("RENDER_CALLS", "") not in ("", "0"),
        help="count the function calls per request",
    )
    return parser.parse_args()


def pages() -> dict[str, str]:
    from reviews.models import Review

    reviews = Review.objects.published()
    # The second of each, as the figures in docs/PERFORMANCE.md were measured (the first
    # when there is only one).
    newest = list(reviews.latest_first()[:2])[-1]
    oldest = list(reviews.order_by("review_date", "publish_at", "pk")[:2])[-1]
    subjects = harness.subjects()
    outlet, tag = subjects.outlet.slug, subjects.tag.slug
    year = newest.review_date.year
    return {
        "home": "/",
        "review list": "/reviews/",
        "review list, 3 filters": (
            f"/reviews/?section=business&tag=strikes&date_after={year - 1}-01-01"
        ),
        "review detail, newest": newest.get_absolute_url(),
        "review detail, oldest": oldest.get_absolute_url(),
        "story list": "/stories/",
        "story list, 3 filters": (
            f"/stories/?outlet={outlet}&tag={tag}&date_after={year - 1}-01-01"
        ),
        "outlet": subjects.outlet.get_absolute_url(),
        "expert": subjects.expert.get_absolute_url(),
        "tag": f"/tags/{tag}/",
        "search": "/search/?q=government",
        "rss": "/feeds/reviews/rss/",
        "outlets": "/outlets/",
        "experts": "/experts/",
        "tags": "/tags/",
        "trends": "/trends/",
    }


def calls_per_request(request, *, requests: int = 5) -> int:
    """The Python function calls one `request()` makes, on average over `requests`."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        request()
    profiler.disable()
    return pstats.Stats(profiler).total_calls // requests


def main() -> int:
    args = options()
    harness.setup_django()
    harness.require_database()

    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from reviews.models import Review, Story

    chosen = {name: url for name, url in pages().items() if args.only in name}
    if not chosen:
        harness.fail(f"no page's name contains {args.only!r}: {', '.join(pages())}")
    profiler = cProfile.Profile() if args.profile else None
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: "
        f"{Review.objects.count():,} reviews, {Story.objects.count():,} stories; "
        f"median of {args.repeat} requests after {args.warmup}",
        flush=True,
    )
    columns = [("page", 26), ("ms", 6), ("SQL ms", 6), ("CPU ms", 6), ("queries", 7)]
    table = harness.Table(*columns, *([("calls", 7)] if args.calls else []))
    with override_settings(
        PRESSREVIEW_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"], DEBUG=False
    ):
        client = Client()
        for name, url in chosen.items():
            timings = harness.timed(
                lambda url=url: client.get(url).status_code,
                runs=args.repeat,
                warmup=args.warmup,
                profiler=profiler,
            )
            table.row(
                name,
                f"{timings.median('wall_ms'):.1f}",
                f"{timings.median('sql_ms'):.1f}",
                f"{timings.least('cpu_ms'):.1f}",
                timings.most("queries"),
                *(
                    [f"{calls_per_request(lambda url=url: client.get(url)):,}"]
                    if args.calls
                    else []
                ),
                note="" if timings.result == 200 else f"HTTP {timings.result}",
            )
    if profiler:
        profiler.dump_stats(args.profile)
        print(f"Profile written to {args.profile}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
