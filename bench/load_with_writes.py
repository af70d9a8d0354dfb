"""`make load`: the public site under heavy reading while an editor publishes, edits, withdraws.

1. Creates a PostgreSQL database of its own (`pressreview_load` on 127.0.0.1, dropped and
   made afresh, dropped again at the end unless --keep-database), migrates it and loads the
   demo content; collects the static files.
2. Starts the site under gunicorn with production settings (DJANGO_DEBUG=0, a random secret
   key, allowed host 127.0.0.1; SSL redirect off for plain http) and the page cache shared in
   Redis, as in production.
3. For --duration seconds (60 by default), --concurrency reader threads request public pages
   (home, lists with filters, archives, reviews, subjects, search, feeds, sitemap) as fast as
   they are answered, while an editor thread, in this process, publishes, edits, withdraws
   and creates reviews through reviews.services and the models, as the admin does. After
   each change the editor reads the review's public page and checks that it shows the change.
4. Reports requests, throughput, latency, answers by status and errors, then checks that
   every saved change is in the database and on the public site.

It exits with 1 if any request failed (a 5xx, a refused or timed-out connection, an
unexpected status), if a public page showed an outdated version after a change, or if a saved
change is missing. Only 127.0.0.1 is ever contacted, and every step is bounded in time.
"""

import argparse
import http.client
import itertools
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MAX_DURATION = 600


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (max 600)")
    parser.add_argument("--concurrency", type=int, default=64, help="reader threads")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers"
    )
    parser.add_argument(
        "--server-url",
        default=os.environ.get("LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL account that may create databases (LOAD_POSTGRES_URL)",
    )
    parser.add_argument("--database", default="pressreview_load", help="the database to use")
    parser.add_argument(
        "--redis",
        default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/8"),
        help="the shared cache (LOAD_REDIS_URL); empty: no page cache",
    )
    parser.add_argument("--editor-pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--keep-database", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 1 and {MAX_DURATION} seconds")
    for url in (args.server_url, args.redis):
        if url and urlsplit(url).hostname not in LOCAL_HOSTS:
            parser.error(f"only 127.0.0.1 may be used: {url}")
    return args


def say(message: str) -> None:
    print(f"[load] {message}", flush=True)


def database_url(args, name: str) -> str:
    parts = urlsplit(args.server_url)
    return parts._replace(path=f"/{name}").geturl()


def recreate_database(args) -> None:
    import psycopg

    with psycopg.connect(args.server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{args.database}"')


def drop_database(args) -> None:
    import psycopg

    with psycopg.connect(args.server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')


def manage(env: dict, *command: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 30, *, cache: Counter | None = None):
    """GET `path`: (status, body); `cache` counts the page cache's answers (hit, miss...)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        if cache is not None:
            cache[response.getheader("X-Page-Cache") or "none"] += 1
        return response.status, response.read()
    finally:
        connection.close()


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
            status, _ = fetch(port, path, cache=tally.page_cache)
        except Exception as error:  # a refused, reset or timed-out connection
            tally.errors[type(error).__name__] += 1
            if len(tally.examples) < 5:
                tally.examples.append(f"{path}: {error!r}")
            continue
        tally.latencies.append(time.perf_counter() - started)
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

    def publish(self):
        from reviews import services
        from reviews.models import Review

        Status = Review.Status
        review = (
            Review.objects.filter(status__in=[Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN])
            .exclude(stories=None)
            .order_by("?")
            .first()
        )
        if review is None:
            return None
        if review.status == Status.WITHDRAWN:
            review = services.review_to_draft(review=review, by=self.user)
        review = services.review_publish(review=review, by=self.user)
        self.actions["publish"] += 1
        self.remember(review)
        return review

    def edit(self):
        import reversion
        from django.db import transaction

        from reviews.editing import bump_version
        from reviews.models import Review

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

    def edit_story(self):
        import reversion
        from django.db import transaction

        from reviews.editing import bump_version
        from reviews.models import Story

        story = Story.objects.published().select_related("review").order_by("?").first()
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
        from reviews import services
        from reviews.models import Review

        review = Review.objects.published().order_by("?").first()
        review = services.review_withdraw(review=review, by=self.user)
        self.actions["withdraw"] += 1
        self.remember(review)
        return review

    def create(self):
        import datetime

        import reversion
        from django.db import transaction
        from django.utils import timezone

        from reviews import services
        from reviews.models import Outlet, Review, Section, Story

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
        review = services.review_submit(review=review, by=self.user)
        review = services.review_publish(review=review, by=self.user)
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
        status, body = fetch(self.port, expected.url)
        if not self.shows(expected, status, body):
            self.stale.append(f"{expected.url}: HTTP {status} right after the change")


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
        status, body = fetch(port, expected.url)
        if not editor.shows(expected, status, body):
            problems.append(f"{expected.url}: the public page does not show the last change")
    return problems


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    args = options()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(args, args.database),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "REDIS_URL": args.redis,
    }
    if not args.redis:
        # A local-memory cache is per process: the editor's changes could not reach the
        # server's stored pages.
        env["PRESSREVIEW_PAGE_CACHE_SECONDS"] = "0"
    env.pop("DATABASE_REPLICA_URL", None)

    say(f"Database {args.database}: creating, migrating, loading the demo content")
    recreate_database(args)
    with tempfile.NamedTemporaryFile(
        prefix="pressreview-load-", suffix=".log", delete=False
    ) as log:
        return run(args, env, log)


def run(args, env: dict, log) -> int:
    gunicorn = None
    try:
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--allow-production")
        manage(env, "collectstatic", "--no-input")

        port = free_port()
        say(f"gunicorn: {args.workers} workers on 127.0.0.1:{port} (log: {log.name})")
        gunicorn = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "pressreview.wsgi",
                f"--bind=127.0.0.1:{port}",
                f"--workers={args.workers}",
                "--timeout=30",
                "--backlog=2048",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(port, "/", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or gunicorn.poll() is not None:
                sys.exit("gunicorn did not start: see its log")
            time.sleep(0.3)

        # The editor works in this process, on the same database and cache as the server.
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressreview.settings")
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
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
        stop.wait(args.duration)
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
        server_errors = log_errors(Path(log.name))

        say("Results")
        print(f"  duration            {elapsed:.1f} s, {args.concurrency} concurrent readers")
        print(
            f"  machine             {os.cpu_count()} CPUs, load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} at the end"
        )
        print(f"  requests            {requests:,} ({requests / elapsed:,.0f} per second)")
        print(f"  answers             {dict(sorted(statuses.items()))}")
        print(
            f"  latency             p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
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
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        if not args.keep_database:
            try:
                from django.db import connections

                connections.close_all()
            except Exception:
                pass
            drop_database(args)


def log_errors(path: Path) -> int:
    text = path.read_text(errors="replace")
    return text.count("Traceback") + text.count("[ERROR]")


if __name__ == "__main__":
    sys.exit(main())
