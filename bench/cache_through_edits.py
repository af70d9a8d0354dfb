"""How many stored review pages survive an edit: the page cache's hit ratio around a change.

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/N \\
        python bench/cache_through_edits.py [--pages 200]

On a database with content (`manage.py generate_content`), in-process through Django's test
client with the page cache on in Redis: reads the --pages oldest published reviews' pages
(stored), then, for each change below, makes it the way the newsroom does, reads the same
pages again and prints how many were answered from the cache (hits), and whether the changed
page shows the change. The changes: a story's headline and text on one of those old reviews
(as the admin saves it), an outlet renamed, a new review published. The database is changed:
use one made for the purpose.
"""

import sys

import harness


def options():
    parser = harness.arguments(__doc__)
    parser.add_argument("--pages", type=harness.positive, default=200, help="old review pages read")
    return parser.parse_args()


def main() -> int:
    args = options()
    harness.setup_django()
    harness.require_database()

    from django.db import transaction
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from reviews.models import Outlet, Review
    from reviews.pagecache.invalidation import content_changed
    from reviews.pagecache.middleware import CACHE_STATUS_HEADER
    from reviews.publishing import workflow
    from reviews.publishing.editing import bump_version

    reviews = list(
        Review.objects.published().order_by("review_date", "publish_at", "pk")[: args.pages]
    )
    urls = [review.get_absolute_url() for review in reviews]
    client = Client()

    def read_all() -> int:
        answers = [client.get(url) for url in urls]
        if any(answer.status_code != 200 for answer in answers):
            harness.fail("a review page did not answer 200")
        return sum(answer.headers.get(CACHE_STATUS_HEADER) == "hit" for answer in answers)

    def report(change: str, changed_url: str, expected: str) -> None:
        """Read every page again; then whether `changed_url` shows `expected` now."""
        hits = read_all()
        shown = expected in client.get(changed_url).text
        print(
            f"{change:<44} {hits:>4} of {len(urls)} hits ({hits / len(urls):.0%}), "
            f"change {'shown' if shown else 'NOT SHOWN'}",
            flush=True,
        )

    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        content_changed()  # no page stored before
        read_all()
        report("nothing changed", urls[0], "")

        edited = reviews[len(reviews) // 2]
        story = edited.stories.order_by("position").first()
        with transaction.atomic():
            story.headline = f"{story.headline} (corrected)"
            story.body = f"{story.body}\n\nA correction was added."
            story.save()
            bump_version(review_ids=[edited.pk])
        report("a story of one old review edited", edited.get_absolute_url(), story.headline)

        outlet = story.outlet
        outlet.name = f"{outlet.name} (renamed)"
        outlet.save()
        report("the outlet of that story renamed", edited.get_absolute_url(), outlet.name)

        draft = _new_draft(Review, Outlet, timezone)
        workflow.review_publish(review=draft, by=_chief())
        report("a new review published (shown on home)", "/", draft.get_absolute_url())
    return 0


def _chief():
    """A user who may publish: the first superuser, made if there is none."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    return users.filter(is_superuser=True).first() or users.create_superuser(
        "bench-chief", "bench-chief@example.org", None
    )


def _new_draft(Review, Outlet, timezone):
    """A draft of today with one story, ready to publish."""
    from reviews.models import Section, Story

    draft = Review.objects.create(
        title="Press review: Measured this morning",
        slug=f"measured-{timezone.now():%H%M%S}",
        section=Section.objects.first(),
        dateline_city="Lisbon",
        review_date=timezone.localdate(),
        lede="The papers lead with the measurement.",
        status=Review.Status.DRAFT,
    )
    Story.objects.create(
        review=draft,
        outlet=Outlet.objects.first(),
        position=1,
        headline="The cache holds",
        body="The paper writes that the pages stayed.",
    )
    return draft


if __name__ == "__main__":
    sys.exit(main())
