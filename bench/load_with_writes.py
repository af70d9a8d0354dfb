"""`make load`: the public site under heavy reading while an editor publishes, edits, withdraws.

    python bench/load_with_writes.py [--duration 60] [--concurrency 64] [--keep-database]

1. Creates a PostgreSQL database of its own (`pressreview_load` on 127.0.0.1, dropped and
   made afresh, dropped again at the end unless --keep-database), migrates it and loads the
   demo content; collects the static files.
2. Starts the site under gunicorn with production settings (DJANGO_DEBUG=0, a random secret
   key, allowed host 127.0.0.1; SSL redirect off for plain http) and the page cache shared in
   Redis, as in production.
3. For --duration seconds (60 by default), --concurrency reader threads request public pages
   (home, lists with filters, archives, reviews, subjects, search, feeds, sitemap) as fast as
   they are answered, while an editor thread, in this process, publishes, edits, withdraws
   and creates reviews through reviews.publishing.workflow and the models, as the admin does. After
   each change the editor reads the review's public page and checks that it shows the change.
4. Reports requests, throughput, latency, answers by status and errors, then checks that
   every saved change is in the database and on the public site.

It exits with 1 if any request failed (a 5xx, a refused or timed-out connection, an
unexpected status), if a public page showed an outdated version after a change, or if a saved
change is missing. Only 127.0.0.1 is ever contacted, and every step is bounded in time.
"""

import argparse
import contextlib
import functools
import itertools
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote_plus

import harness
from harness import fetch, say

MAX_DURATION = 600


def options():
    parser = harness.arguments(__doc__)
    option = functools.partial(harness.env_option, parser)

    def duration(text: str) -> int:
        seconds = harness.positive(text)
        if seconds > MAX_DURATION:
            raise argparse.ArgumentTypeError(f"at most {MAX_DURATION} seconds")
        return seconds

    parser.add_argument("--duration", type=duration, default=60, help="seconds of load (max 600)")
    parser.add_argument("--concurrency", type=harness.positive, default=64, help="reader threads")
    parser.add_argument(
        "--workers",
        type=harness.positive,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn workers (default: 2 x CPUs + 1)",
    )
    option(
        "--server-url",
        env="LOAD_POSTGRES_URL",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        type=harness.local_url,
        help="a PostgreSQL account that may create databases",
    )
    parser.add_argument("--database", default="pressreview_load", help="the database to make")
    option(
        "--redis",
        env="LOAD_REDIS_URL",
        default="redis://127.0.0.1:6379/8",
        type=harness.local_url,
        help="the shared cache; empty: no page cache",
    )
    parser.add_argument("--editor-pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--keep-database", action="store_true")
    return parser.parse_args()


# Readers


@dataclass
class Tally:
    """What the readers saw; one per thread, merged at the end (no lock on the hot path)."""

    statuses: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    page_cache: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)


def reader(port: int, urls, review_urls: list, stop: threading.Event, tally: Tally, seed: int):
    rng = random.Random(seed)
    while not stop.is_set():
        if rng.random() < 0.35:
            # A withdrawn review's page is gone: a 404 there is the right answer.
            path, expected = rng.choice(review_urls), REVIEW_MAY_GO
        else:
            path, expected = rng.choice(urls)
        started = time.perf_counter()
        try:
            answer = fetch(port, path)
        except Exception as error:  # a refused, reset or timed-out connection
            tally.errors[type(error).__name__] += 1
            if len(tally.examples) < 5:
                tally.examples.append(f"{path}: {error!r}")
            continue
        tally.latencies.append(time.perf_counter() - started)
        tally.page_cache[answer.headers.get("X-Page-Cache") or "none"] += 1
        status = answer.status
        tally.statuses[status] += 1
        if status not in expected:
            tally.errors[f"HTTP {status}"] += 1
            if len(tally.examples) < 5:
                tally.examples.append(f"{path}: HTTP {status}")


# The answers a page may give while the editor works. A review may be withdrawn (its page is
# then gone), and an outlet, expert or tag whose only published stories it held goes with it:
# its page and feed answer 404, and a list filtered by it 400, as for an unknown one.
ALWAYS_THERE = frozenset({200})
REVIEW_MAY_GO = frozenset({200, 404})
SUBJECT_MAY_GO = frozenset({200, 400, 404})


def reader_urls(Review, Outlet, Expert, Section, published_tags) -> list[tuple[str, frozenset]]:
    """The pages the readers request, each with the answers it may give (see above)."""
    from django.urls import reverse

    reviews = list(Review.objects.published().order_by("-review_date")[:40])
    outlets = list(Outlet.objects.published().values_list("slug", flat=True))
    experts = list(Expert.objects.published().values_list("slug", flat=True)[:20])
    tags = list(published_tags().values_list("slug", flat=True)[:20])
    sections = list(Section.objects.values_list("slug", flat=True))
    day = reviews[0].review_date
    urls = [
        reverse("reviews:home"),
        reverse("reviews:home") + "?page=2",
        reverse("reviews:review-list"),
        reverse("reviews:review-list") + "?page=2",
        reverse("reviews:review-list") + "?ordering=date",
        reverse("reviews:story-list"),
        reverse("reviews:review-year", args=[day.year]),
        reverse("reviews:review-month", args=[day.year, day.month]),
        reverse("reviews:outlet-list"),
        reverse("reviews:expert-list"),
        reverse("reviews:tag-list"),
        reverse("reviews:review-feed-rss"),
        reverse("reviews:review-feed-atom"),
        reverse("sitemap"),
        reverse("robots"),
    ]
    urls += [reverse("reviews:review-list") + f"?section={slug}" for slug in sections]
    urls += [
        reverse("reviews:search") + f"?q={quote_plus(word)}"
        for word in ["strike", "central bank", "election", "harbour", "rates", "tender"]
    ]
    about_subjects = [reverse("reviews:story-list") + f"?outlet={slug}" for slug in outlets[:10]]
    about_subjects += [reverse("reviews:review-list") + f"?tag={slug}" for slug in tags[:10]]
    about_subjects += [reverse("reviews:story-list") + f"?expert={slug}" for slug in experts[:10]]
    about_subjects += [reverse("reviews:outlet-detail", args=[slug]) for slug in outlets]
    about_subjects += [reverse("reviews:expert-detail", args=[slug]) for slug in experts]
    about_subjects += [reverse("reviews:tag-detail", args=[slug]) for slug in tags]
    about_subjects += [reverse("reviews:outlet-feed", args=[slug]) for slug in outlets[:5]]
    about_subjects += [reverse("reviews:tag-feed", args=[slug]) for slug in tags[:5]]
    return [(url, ALWAYS_THERE) for url in urls] + [(url, SUBJECT_MAY_GO) for url in about_subjects]


# The editor


@dataclass
class Expected:
    """What a review must look like after the editor's last change to it."""

    url: str
    public: bool
    title: str
    lede: str
    headline: str | None = None


class Editor:
    """Publishes, edits, withdraws and creates reviews, as the admin would, and checks each
    change on the public site at once."""

    def __init__(self, port: int, review_urls: list, pause: float):
        from django.contrib.auth import get_user_model

        self.port, self.review_urls, self.pause = port, review_urls, pause
        self.user = get_user_model().objects.get(username="editor")
        self.expected: dict[int, Expected] = {}
        self.actions: Counter = Counter()
        self.stale: list[str] = []
        self.failures: list[str] = []
        self.rng = random.Random(1848)
        self.counter = itertools.count(1)

    def run(self, stop: threading.Event) -> None:
        from django.db import close_old_connections

        steps = [self.publish, self.edit, self.edit_story, self.withdraw, self.create]
        while not stop.is_set():
            step = self.rng.choice(steps)
            try:
                review = step()
            except Exception as error:
                self.failures.append(f"{step.__name__}: {error!r}")
                review = None
            finally:
                close_old_connections()
            if review is not None:
                self.check_public_page(review.pk)
            stop.wait(self.pause)

    def remember(self, review, *, headline: str | None = None) -> None:
        previous = self.expected.get(review.pk)
        self.expected[review.pk] = Expected(
            url=review.get_absolute_url(),
            public=review.is_published(),
            title=review.title,
            lede=review.lede,
            headline=headline if headline is not None else previous and previous.headline,
        )
        if review.get_absolute_url() not in self.review_urls:
            self.review_urls.append(review.get_absolute_url())

    @staticmethod
    def unpublished_review():
        """A review with stories that is not public (draft, in review or withdrawn), or None."""
        from reviews.models import Review

        Status = Review.Status
        return (
            Review.objects.filter(status__in=[Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN])
            .exclude(stories=None)
            .order_by("?")
            .first()
        )

    def publish(self, review=None):
        """Publish `review` (a random unpublished one by default) through the workflow."""
        from reviews.models import Review
        from reviews.publishing import workflow

        Status = Review.Status
        review = review or self.unpublished_review()
        if review is None:
            return None
        if review.status == Status.WITHDRAWN:
            review = workflow.review_to_draft(review=review, by=self.user)
        review = workflow.review_publish(review=review, by=self.user)
        self.actions["publish"] += 1
        self.remember(review)
        return review

    def edit(self):
        import reversion
        from django.db import transaction

        from reviews.models import Review
        from reviews.publishing.editing import bump_version

        review = Review.objects.published().order_by("?").first()
        number = next(self.counter)
        with transaction.atomic(), reversion.create_revision():
            review = Review.objects.select_for_update().get(pk=review.pk)
            base_title = review.title.split(" (update ")[0]
            review.title = f"{base_title} (update {number})"
            review.lede = f"{review.lede.split(' Updated: ')[0]} Updated: edit {number}."
            review.save()
            bump_version(review_ids=[review.pk])
            reversion.set_user(self.user)
            reversion.set_comment(f"Load test edit {number}")
        review.refresh_from_db()
        self.actions["edit"] += 1
        self.remember(review)
        return review

    def published_story(self):
        """A published story picked at random by id (not `order_by("?")`, which sorts every
        story: seconds at 600,000)."""
        from django.db.models import Max, Min

        from reviews.models import Story

        stories = Story.objects.published().select_related("review").order_by("pk")
        bounds = Story.objects.aggregate(low=Min("pk"), high=Max("pk"))
        if bounds["low"] is None:
            return None
        start = self.rng.randint(bounds["low"], bounds["high"])
        return stories.filter(pk__gte=start).first() or stories.first()

    def edit_story(self, story=None):
        """Revise the headline of `story` (a random published one by default), as the admin
        saves it: in one transaction with a revision, the review's version bumped."""
        import reversion
        from django.db import transaction

        from reviews.publishing.editing import bump_version

        story = story or self.published_story()
        number = next(self.counter)
        with transaction.atomic(), reversion.create_revision():
            story.headline = f"{story.headline.split(' [')[0]} [revised {number}]"
            story.save()
            bump_version(review_ids=[story.review_id])
            reversion.set_user(self.user)
        self.actions["edit story"] += 1
        review = story.review
        review.refresh_from_db()
        self.remember(review, headline=story.headline)
        return review

    def withdraw(self):
        from reviews.models import Review
        from reviews.publishing import workflow

        review = Review.objects.published().order_by("?").first()
        review = workflow.review_withdraw(review=review, by=self.user)
        self.actions["withdraw"] += 1
        self.remember(review)
        return review

    def create(self):
        import datetime

        import reversion
        from django.db import transaction
        from django.utils import timezone

        from reviews.models import Outlet, Review, Section, Story
        from reviews.publishing import workflow

        number = next(self.counter)
        outlets = list(Outlet.objects.order_by("?")[:2])
        with transaction.atomic(), reversion.create_revision():
            review = Review.objects.create(
                title=f"Press review: load test day {number}",
                section=Section.objects.order_by("?").first(),
                dateline_city="Lisbon",
                review_date=timezone.localdate() - datetime.timedelta(days=number % 30),
                lede=f"The papers lead with load test story {number}.",
                author=self.user,
            )
            for position, outlet in enumerate(outlets, start=1):
                Story.objects.create(
                    review=review,
                    outlet=outlet,
                    position=position,
                    headline=f"Load test headline {number}.{position}",
                    body="The paper writes that the test goes on.\n\nMore tomorrow.",
                )
            reversion.set_user(self.user)
        review = workflow.review_submit(review=review, by=self.user)
        review = workflow.review_publish(review=review, by=self.user)
        self.actions["create and publish"] += 1
        self.remember(review)
        return review

    def shows(self, expected: Expected, status: int, body: bytes) -> bool:
        if not expected.public:
            return status == 404
        page = body.decode("utf-8", "replace")
        wanted = [escape(expected.title), escape(expected.lede)]
        if expected.headline:
            wanted.append(escape(expected.headline))
        return status == 200 and all(text in page for text in wanted)

    def check_public_page(self, pk: int) -> None:
        expected = self.expected[pk]
        answer = fetch(self.port, expected.url)
        if not self.shows(expected, answer.status, answer.body):
            self.stale.append(f"{expected.url}: HTTP {answer.status} right after the change")


def verify(editor: Editor, port: int) -> list[str]:
    """Every change the editor saved is in the database and on the public site."""
    from reviews.models import Review, Story

    problems = []
    for pk, expected in editor.expected.items():
        review = Review.objects.filter(pk=pk).first()
        if review is None:
            problems.append(f"review {pk} is missing")
            continue
        if (review.title, review.lede, review.is_published()) != (
            expected.title,
            expected.lede,
            expected.public,
        ):
            problems.append(f"review {pk} in the database differs from the saved change")
        if (
            expected.headline
            and not Story.objects.filter(review=review, headline=expected.headline).exists()
        ):
            problems.append(f"review {pk}: the revised headline is missing")
        answer = fetch(port, expected.url)
        if not editor.shows(expected, answer.status, answer.body):
            problems.append(f"{expected.url}: the public page does not show the last change")
    return problems


def main() -> int:
    args = options()
    postgres = harness.PostgresServer(args.server_url)
    if args.redis:
        harness.require_redis(args.redis)
    harness.gunicorn()
    env = harness.production_env(
        database_url=postgres.database_url(args.database), redis_url=args.redis
    )
    say(f"Database {args.database}: creating it afresh")
    postgres.create(args.database)
    try:
        return run(args, env)
    finally:
        if not args.keep_database:
            with contextlib.suppress(Exception):
                from django.db import connections

                connections.close_all()
            postgres.drop(args.database)
            say(f"Database {args.database} dropped")


def run(args, env: dict) -> int:
    say("migrate")
    harness.manage(env, "migrate", "--no-input")
    say("load_demo")
    harness.manage(env, "load_demo", "--allow-production")
    say("collectstatic")
    harness.manage(env, "collectstatic", "--no-input")
    log = Path(tempfile.mkstemp(prefix="pressreview-load-", suffix=".log")[1])
    server = harness.Server(
        env, log=log, workers=args.workers, options=("--timeout=30", "--backlog=2048")
    )
    say(f"gunicorn: {args.workers} workers on 127.0.0.1:{server.port} (log: {log})")
    with server:
        port = server.port
        # The editor works in this process, on the same database and cache as the server.
        harness.setup_django(**env)
        from reviews.models import Expert, Outlet, Review, Section, published_tags

        urls = reader_urls(Review, Outlet, Expert, Section, published_tags)
        review_urls = [
            review.get_absolute_url() for review in Review.objects.published().order_by("?")
        ]
        editor = Editor(port, review_urls, args.editor_pause)

        say(
            f"Load: {args.concurrency} readers for {args.duration} s over {len(urls)} pages "
            f"and {len(review_urls)} reviews, and one editor"
        )
        stop = threading.Event()
        tallies = [Tally() for _ in range(args.concurrency)]
        threads = [
            threading.Thread(
                target=reader, args=(port, urls, review_urls, stop, tally, number), daemon=True
            )
            for number, tally in enumerate(tallies)
        ]
        editor_thread = threading.Thread(target=editor.run, args=(stop,), daemon=True)
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        for thread in [*threads, editor_thread]:
            thread.start()
        deadline = started + args.duration
        while (left := deadline - time.monotonic()) > 0:
            stop.wait(min(10, left))
            if time.monotonic() < deadline:
                say(
                    f"  {time.monotonic() - started:.0f} s: "
                    f"{sum(len(tally.latencies) for tally in tallies):,} answers, "
                    f"{sum(editor.actions.values())} changes"
                )
        stop.set()
        for thread in [*threads, editor_thread]:
            thread.join(timeout=60)
        elapsed = time.monotonic() - started

        statuses, errors, latencies, examples = Counter(), Counter(), [], []
        page_cache = Counter()
        for tally in tallies:
            page_cache.update(tally.page_cache)
            statuses.update(tally.statuses)
            errors.update(tally.errors)
            latencies += tally.latencies
            examples += tally.examples
        requests = sum(statuses.values()) + sum(
            count for kind, count in errors.items() if not kind.startswith("HTTP")
        )
        error_count = sum(errors.values())
        problems = verify(editor, port)
        server_errors = server.log_errors()

        say("Results")
        print(f"  duration            {elapsed:.1f} s, {args.concurrency} concurrent readers")
        print(
            f"  machine             {os.cpu_count()} CPUs, load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} at the end"
        )
        print(f"  requests            {requests:,} ({requests / elapsed:,.0f} per second)")
        print(f"  answers             {dict(sorted(statuses.items()))}")
        print(
            f"  latency             p50 {harness.percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {harness.percentile(latencies, 0.95) * 1000:.0f} ms, "
            f"p99 {harness.percentile(latencies, 0.99) * 1000:.0f} ms, "
            f"mean {statistics.fmean(latencies) * 1000 if latencies else 0:.0f} ms"
        )
        print(f"  page cache          {dict(page_cache.most_common())}")
        print(f"  errors              {error_count} {dict(errors) if errors else ''}")
        for example in examples[:5]:
            print(f"    e.g. {example}")
        print(
            f"  editor              {sum(editor.actions.values())} changes "
            f"{dict(editor.actions)}, {len(editor.failures)} failed"
        )
        for failure in editor.failures[:5]:
            print(f"    {failure}")
        print(f"  stale public pages  {len(editor.stale)} (checked after every change)")
        for stale in editor.stale[:5]:
            print(f"    {stale}")
        print(
            f"  saved changes       {len(editor.expected)} reviews checked afterwards, "
            f"{len(problems)} missing or wrong"
        )
        for problem in problems[:5]:
            print(f"    {problem}")
        print(f"  server log          {server_errors} errors or tracebacks")
        failed = error_count or editor.failures or editor.stale or problems or server_errors
        say("FAILED" if failed else "PASSED: no errors, every change saved and shown")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
