"""Time the outlet, tag and expert index pages and their counts, in-process (issue 15).

    DATABASE_URL=postgres://... PRESSREVIEW_PAGE_CACHE_SECONDS=0 \\
        .venv/bin/python bench/counts.py

Against a database filled by `manage.py generate_content --reviews N`. "before" counts the
way reviews.counts did until the kept counts (every use, minus the uses of reviews that are
not public, `count_published_uses`); "after" reads the kept counts (`published_counts`).
Best of 7 runs each, page cache off. Prints a Markdown table.
"""

import os
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressreview.settings")
os.environ["PRESSREVIEW_PAGE_CACHE_SECONDS"] = "0"

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from reviews import counts  # noqa: E402
from reviews.models import Citation, Review, Story, TaggedStory  # noqa: E402
from reviews.site import views  # noqa: E402

USES = {
    "outlet": (Story.objects.all(), "outlet_id", "review__"),
    "tag": (TaggedStory.objects.all(), "tag_id", "content_object__review__"),
    "expert": (Citation.objects.all(), "expert_id", "story__review__"),
}


def counted_the_old_way(kind, *, ids=None, now=None):
    uses, subject, review = USES[kind]
    if ids is not None:
        uses = uses.filter(**{f"{subject}__in": list(ids)})
    return counts.count_published_uses(uses, subject, review=review, now=now)


def best(function, runs: int = 7) -> tuple[float, float]:
    """(best wall time, its SQL time), in milliseconds."""
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            function()
            elapsed = time.perf_counter() - start
        sql = sum(float(query["time"]) for query in queries.captured_queries)
        timings.append((elapsed * 1000, sql * 1000))
    return min(timings)


def main() -> None:
    client = Client(SERVER_NAME="localhost")
    pages = {"/tags/": "tag", "/outlets/": "outlet", "/experts/": "expert"}
    print(
        f"{Review.objects.count():,} reviews, {Story.objects.count():,} stories, "
        f"{TaggedStory.objects.count():,} story tags, {Citation.objects.count():,} citations"
    )
    for kind in pages.values():
        assert counts.published_counts(kind) == counted_the_old_way(kind), kind
    print("| what | before | after |")
    print("|---|---:|---:|")
    for kind in ("tag", "outlet"):
        old = best(lambda kind=kind: counted_the_old_way(kind))
        new = best(lambda kind=kind: counts.published_counts(kind))
        print(f"| {kind} counts | {old[0]:.1f} ms | {new[0]:.1f} ms |")
    for path in pages:
        assert client.get(path).status_code == 200
        new = best(lambda path=path: client.get(path))
        with mock.patch.object(views, "published_counts", counted_the_old_way):
            old = best(lambda path=path: client.get(path))
        print(
            f"| `{path}` page | {old[0]:.1f} ms (SQL {old[1]:.1f}) "
            f"| {new[0]:.1f} ms (SQL {new[1]:.1f}) |"
        )


if __name__ == "__main__":
    main()
