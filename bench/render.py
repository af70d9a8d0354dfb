"""What each public page costs to render when the page cache cannot help: `make render-bench`
(or `manage.py shell -c "exec(open('bench/render.py').read())"` with DATABASE_URL set).

Each page is requested in-process through Django's test client with the page cache off
(PRESSREVIEW_PAGE_CACHE_SECONDS=0) and debug off, RENDER_WARMUP times untimed, then
RENDER_REPEAT times timed. Printed per page: the median wall time, the median time spent in
SQL (measured around each query by a database execute wrapper), the least processor time
of this process over the requests (Python's share, best of RENDER_REPEAT as timeit does:
the steadiest figure on a busy machine), the queries per request and the HTTP status.
`RENDER_ONLY=detail` keeps the pages whose name contains "detail"; `RENDER_PROFILE=file`
writes a cProfile of the timed requests to `file` (read it with `python -m pstats file`).
"""

import cProfile
import os
import statistics
import sys
import time

from django.db import connection
from django.test import Client
from django.test.utils import override_settings

REPEAT = int(os.environ.get("RENDER_REPEAT", "30"))
WARMUP = int(os.environ.get("RENDER_WARMUP", "3"))


def pages() -> dict[str, str]:
    from reviews.models import Citation, Expert, Outlet, Review, TaggedStory

    reviews = Review.objects.published()
    newest = reviews.latest_first()[1]
    oldest = reviews.order_by("review_date", "publish_at", "pk")[1]
    outlet = Outlet.objects.published().order_by("pk").first()
    expert = Expert.objects.get(
        pk=Citation.objects.values_list("expert_id", flat=True).order_by("pk").first()
    )
    tag = TaggedStory.objects.select_related("tag").order_by("pk").first().tag
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
            f"/stories/?outlet={outlet.slug}&tag={tag.slug}&date_after={year - 1}-01-01"
        ),
        "outlet": outlet.get_absolute_url(),
        "expert": expert.get_absolute_url(),
        "tag": f"/tags/{tag.slug}/",
        "search": "/search/?q=government",
        "rss": "/feeds/reviews/rss/",
    }


class QueryTimer:
    """A database execute wrapper adding up the time spent in each query."""

    def __init__(self):
        self.seconds, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def measure(client: Client, url: str, profiler=None) -> tuple[float, float, float, int, int]:
    """Median wall ms and SQL ms, least CPU ms, queries per request and the last status."""
    for _ in range(WARMUP):
        client.get(url)
    walls, sqls, cpus, counts, status = [], [], [], [], 0
    for _ in range(REPEAT):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            if profiler:
                profiler.enable()
            started, cpu_started = time.perf_counter(), time.process_time()
            status = client.get(url).status_code
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu_started)
            if profiler:
                profiler.disable()
        sqls.append(timer.seconds)
        counts.append(timer.count)
    return (
        statistics.median(walls) * 1000,
        statistics.median(sqls) * 1000,
        min(cpus) * 1000,
        max(counts),
        status,
    )


def main() -> int:
    from reviews.models import Review, Story

    only = os.environ.get("RENDER_ONLY", "")
    profile_to = os.environ.get("RENDER_PROFILE", "")
    profiler = cProfile.Profile() if profile_to else None
    print(
        f"{connection.vendor}, {Review.objects.count():,} reviews, "
        f"{Story.objects.count():,} stories; median of {REPEAT} requests after {WARMUP}"
    )
    print(f"| {'page':<26} | {'ms':>6} | {'SQL ms':>6} | {'CPU ms':>6} | {'queries':>7} |")
    print(f"|{'-' * 28}|{'-' * 7}:|{'-' * 7}:|{'-' * 7}:|{'-' * 8}:|")
    with override_settings(
        PRESSREVIEW_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"], DEBUG=False
    ):
        client = Client()
        for name, url in pages().items():
            if only and only not in name:
                continue
            wall, sql, cpu, count, status = measure(client, url, profiler)
            note = "" if status == 200 else f" HTTP {status}"
            print(f"| {name:<26} | {wall:6.1f} | {sql:6.1f} | {cpu:6.1f} | {count:7d} |{note}")
    if profiler:
        profiler.dump_stats(profile_to)
        print(f"Profile written to {profile_to}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
else:
    main()
