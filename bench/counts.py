"""Time the outlet, tag and expert index pages and their counts, in-process (issue 15).

    DATABASE_URL=postgres://... python bench/counts.py [--runs 7]

Against a database filled by `manage.py generate_content --reviews N`. "before" counts the
way reviews.counts did until the kept counts (every use, minus the uses of reviews that are
not public, `count_published_uses`); "after" reads the kept counts (`published_counts`).
Best of --runs runs each, page cache off. Prints a Markdown table.
"""

import sys
from unittest import mock

import harness


def counted_the_old_way(kind, *, ids=None, now=None):
    from reviews import counts
    from reviews.models import Citation, Story, TaggedStory

    uses, subject, review = {
        "outlet": (Story.objects.all(), "outlet_id", "review__"),
        "tag": (TaggedStory.objects.all(), "tag_id", "content_object__review__"),
        "expert": (Citation.objects.all(), "expert_id", "story__review__"),
    }[kind]
    if ids is not None:
        uses = uses.filter(**{f"{subject}__in": list(ids)})
    return counts.count_published_uses(uses, subject, review=review, now=now)


def main() -> int:
    parser = harness.arguments(__doc__)
    parser.add_argument("--runs", type=harness.positive, default="7")
    args = parser.parse_args()
    harness.setup_django(PRESSREVIEW_PAGE_CACHE_SECONDS="0")
    harness.require_database()

    from django.test import Client

    from reviews import counts
    from reviews.models import Citation, Review, Story, TaggedStory
    from reviews.site import views

    def best(function) -> harness.Sample:
        return harness.timed(function, runs=args.runs).best()

    client = Client(SERVER_NAME="localhost")
    pages = {"/tags/": "tag", "/outlets/": "outlet", "/experts/": "expert"}
    print(
        f"{Review.objects.count():,} reviews, {Story.objects.count():,} stories, "
        f"{TaggedStory.objects.count():,} story tags, {Citation.objects.count():,} citations",
        flush=True,
    )
    for kind in pages.values():
        if counts.published_counts(kind) != counted_the_old_way(kind):
            harness.fail(f"the kept {kind} counts differ from the counts made afresh")
    table = harness.Table(("what", 16), ("before", 20), ("after", 20))
    for kind in ("tag", "outlet"):
        old = best(lambda kind=kind: counted_the_old_way(kind))
        new = best(lambda kind=kind: counts.published_counts(kind))
        table.row(f"{kind} counts", f"{old.wall_ms:.1f} ms", f"{new.wall_ms:.1f} ms")
    for path in pages:
        status = client.get(path).status_code
        if status != 200:
            harness.fail(f"{path} answers HTTP {status}")
        new = best(lambda path=path: client.get(path))
        with mock.patch.object(views, "published_counts", counted_the_old_way):
            old = best(lambda path=path: client.get(path))
        table.row(
            f"`{path}` page",
            f"{old.wall_ms:.1f} ms (SQL {old.sql_ms:.1f})",
            f"{new.wall_ms:.1f} ms (SQL {new.sql_ms:.1f})",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
