"""Scale-out: reads from a replica where it is safe, and app servers that share nothing.

The router tests use the "replica" alias that tests/conftest.py adds: it is the primary's
test database under another connection, so that where each query went can be seen.
The two-server test starts two gunicorn processes on a PostgreSQL database and a Redis
database of its own (PRESSREVIEW_SCALE_OUT_DATABASE_URL, PRESSREVIEW_SCALE_OUT_REDIS_URL).
The four-worker test starts one gunicorn with four worker processes and no Redis, on a
database of the suite's kind (PostgreSQL, or an SQLite file).
"""

import http.cookiejar
import importlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from pressreview import routers
from reviews.models import Review
from reviews.pagecache.middleware import CACHE_STATUS_HEADER
from tests.support.factories import CitationFactory, ReviewFactory, UserFactory
from tests.support.services import skip_or_fail

PROJECT = Path(__file__).resolve().parents[2]
REPLICA = "replica"
BOTH = ["default", REPLICA]


# The router, on its own


def test_outside_a_request_everything_reads_the_primary():
    """Commands and the shell may rely on what they wrote a moment before."""
    assert routers.PrimaryReplicaRouter().db_for_read(Review) == "default"


def test_a_request_allowed_the_replica_reads_it_until_it_writes():
    router = routers.PrimaryReplicaRouter()
    with routers.reads_from(REPLICA):
        assert router.db_for_read(Review) == REPLICA
        assert router.db_for_write(Review) == "default"
        assert router.db_for_read(Review) == "default"
    assert router.db_for_read(Review) == "default"


def test_use_primary_overrides_the_replica_for_a_block():
    router = routers.PrimaryReplicaRouter()
    with routers.reads_from(REPLICA):
        with routers.use_primary():
            assert router.db_for_read(Review) == "default"
        assert router.db_for_read(Review) == REPLICA


def test_the_replica_is_never_migrated(settings):
    settings.PRESSREVIEW_READ_REPLICA = REPLICA
    router = routers.PrimaryReplicaRouter()
    assert router.allow_migrate(REPLICA, "reviews") is False
    assert router.allow_migrate("default", "reviews") is None


# The router, in requests


@pytest.fixture
def with_replica(settings):
    settings.PRESSREVIEW_READ_REPLICA = REPLICA
    # Pages rendered right after a change read the primary; these tests want the replica.
    settings.PRESSREVIEW_REPLICA_LAG_SECONDS = 0


def queries_on(alias: str) -> CaptureQueriesContext:
    return CaptureQueriesContext(connections[alias])


@pytest.fixture
def published(transactional_db):
    review = ReviewFactory(title="Press review: Replicated tide")
    CitationFactory(story__review=review, story__position=1)
    return review


@pytest.fixture
def editorial_groups(transactional_db):
    """The groups a data migration creates, which a transactional test's flush drops."""
    importlib.import_module("reviews.migrations.0002_editorial_groups").create_groups(apps, None)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_anonymous_public_pages_read_the_replica(with_replica, published):
    with queries_on("default") as primary, queries_on(REPLICA) as replica:
        response = Client().get(published.get_absolute_url())
    assert response.status_code == 200
    assert "Replicated tide" in response.text
    assert len(replica) > 0
    assert len(primary) == 0
    assert response.cookies == {}


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_pages_rendered_just_after_a_change_read_the_primary(settings, published):
    """A lagging replica must not put an old page in the cache under the new generation."""
    settings.PRESSREVIEW_READ_REPLICA = REPLICA
    settings.PRESSREVIEW_REPLICA_LAG_SECONDS = 60
    with queries_on("default") as primary, queries_on(REPLICA) as replica:
        response = Client().get(published.get_absolute_url())
    assert response.status_code == 200
    assert len(primary) > 0
    assert all("reviews_review" not in query["sql"] for query in replica.captured_queries)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_admin_reads_the_primary(with_replica, published, editorial_groups):
    client = Client()
    client.force_login(UserFactory(username="edna", groups=["Editors"]))
    with queries_on("default") as primary, queries_on(REPLICA) as replica:
        response = client.get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 200
    assert len(primary) > 0
    assert len(replica) == 0


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_request_after_a_write_reads_the_primary(with_replica, published):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    response = client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": "withdraw_selected", "_selected_action": [published.pk]},
    )
    assert response.status_code == 302
    pin = response.cookies[routers.PrimaryPinningMiddleware(None).cookie]
    assert pin["max-age"] == routers.pin_seconds()
    assert pin["httponly"]

    with queries_on("default") as primary, queries_on(REPLICA) as replica:
        page = client.get(published.get_absolute_url())
    assert page.status_code == 404, "the withdrawal is seen at once"
    assert len(primary) > 0
    assert len(replica) == 0


# Two app servers sharing PostgreSQL and Redis


def postgres_admin_url() -> str:
    configured = os.environ.get("PRESSREVIEW_SCALE_OUT_DATABASE_URL", "")
    if configured:
        return configured
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url.rsplit("/", 1)[0] + "/postgres"
    return "postgres://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Just enough of a browser: cookies, a fixed Host header, no redirects followed."""

    host = "press.test"

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()

        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects
        )

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        request.add_header("Host", self.host)
        request.add_header("Referer", f"http://{self.host}{path}")
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf_token(self, path: str) -> str:
        _status, _headers, page = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


SETUP = """
import datetime
from django.contrib.auth.models import Group, User
from django.utils import timezone
from reviews.models import Outlet, Review, Section, Story
section = Section.objects.create(name="Business", slug="business")
outlet = Outlet.objects.create(name="The Shared Courier", slug="shared-courier",
                               country="Portugal", language="Portuguese")
today = timezone.localdate()
for number, (title, status) in enumerate([
    ("Press review: Already out on both servers", "published"),
    ("Press review: Published through one server", "draft"),
]):
    review = Review.objects.create(
        title=title, section=section, dateline_city="Lisbon", lede="The papers lead.",
        review_date=today - datetime.timedelta(days=number), status=status,
        publish_at=timezone.now() - datetime.timedelta(hours=1) if status == "published" else None,
    )
    Story.objects.create(review=review, outlet=outlet, position=1,
                         headline=f"{title}: the story", body="The paper writes.")
editor = User.objects.create_user("scale-editor", password="scale-out-pass", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
print(Review.objects.get(status="draft").pk)
"""


@pytest.fixture
def two_servers(tmp_path):
    """Two gunicorn processes on different ports, one database, one Redis database."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        skip_or_fail("gunicorn is not installed")
    try:
        import psycopg
        import redis
    except ImportError as missing:
        skip_or_fail(f"{missing.name} is not installed")
    admin_url = postgres_admin_url()
    name = f"pressreview_scale_out_{os.getpid()}"
    try:
        admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        skip_or_fail(f"PostgreSQL is not reachable at {admin_url}: {error}")
    redis_url = os.environ.get("PRESSREVIEW_SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/5")
    shared_redis = redis.Redis.from_url(redis_url)
    try:
        shared_redis.ping()
    except redis.RedisError as error:
        admin.close()
        skip_or_fail(f"Redis is not reachable at {redis_url}: {error}")

    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    shared_redis.flushdb()
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": admin_url.rsplit("/", 1)[0] + f"/{name}",
        "REDIS_URL": redis_url,
        # Development settings: no collected static files or https needed for this.
        "DJANGO_DEBUG": "1",
        "DJANGO_ALLOWED_HOSTS": f"{Browser.host},127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    servers, logs = [], []
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=PROJECT, env=env, check=True, timeout=300)
        draft_pk = int(
            subprocess.run(
                [*manage, "shell", "-v0", "-c", SETUP],
                cwd=PROJECT,
                env=env,
                check=True,
                timeout=120,
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
        ports = [free_port(), free_port()]
        for port in ports:
            log = (tmp_path / f"gunicorn-{port}.log").open("w")
            logs.append(log)
            servers.append(
                subprocess.Popen(
                    [
                        str(gunicorn),
                        "pressreview.wsgi",
                        f"--bind=127.0.0.1:{port}",
                        "--workers=2",
                        "--log-level=warning",
                    ],
                    cwd=PROJECT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        for port in ports:
            wait_for(port)
        yield [Browser(port) for port in ports], draft_pk
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        for log in logs:
            log.close()
        shared_redis.flushdb()
        shared_redis.close()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start on port {port}")


# Always on a PostgreSQL database of its own, whatever the suite's: once is enough.
@pytest.mark.once
def test_two_app_servers_serve_the_same_pages_and_a_publish_on_one_shows_on_the_other(
    two_servers,
):
    (first, second), draft_pk = two_servers
    home = reverse("reviews:home")

    status, headers, first_page = first.request(home)
    assert status == 200
    assert headers[CACHE_STATUS_HEADER] == "miss"
    status, headers, second_page = second.request(home)
    assert headers[CACHE_STATUS_HEADER] == "hit", "the second server uses the page the first stored"
    assert second_page == first_page
    assert "Already out on both servers" in second_page
    assert "Published through one server" not in second_page

    # An editor logs in and publishes through the first server.
    login = reverse("admin:login")
    token = first.csrf_token(login)
    status, _headers, _page = first.request(
        login,
        {"username": "scale-editor", "password": "scale-out-pass", "csrfmiddlewaretoken": token},
    )
    assert status == 302
    changelist = reverse("admin:reviews_review_changelist")
    status, _headers, _page = first.request(
        changelist,
        {
            "action": "publish_selected",
            "_selected_action": [draft_pk],
            "csrfmiddlewaretoken": first.csrf_token(changelist),
        },
    )
    assert status == 302

    # A reader on the second server sees it at once.
    status, headers, page = second.request(home)
    assert status == 200
    assert headers[CACHE_STATUS_HEADER] == "miss"
    assert "Published through one server" in page
    status, _headers, _page = second.request(reverse("reviews:review-feed-rss"))
    assert "Published through one server" in _page


# Four worker processes of one server, without Redis (the README's default cache)

ONE_REVIEW = """
import datetime
from django.contrib.auth.models import Group, User
from django.utils import timezone
from reviews.models import Outlet, Review, Section, Story
section = Section.objects.create(name="Business", slug="business")
outlet = Outlet.objects.create(name="The Worker Courier", slug="worker-courier",
                               country="Portugal", language="Portuguese")
review = Review.objects.create(
    title="Press review: Withdrawn from every worker", section=section,
    dateline_city="Lisbon", lede="The papers lead.", review_date=timezone.localdate(),
    status="published", publish_at=timezone.now() - datetime.timedelta(hours=1),
)
Story.objects.create(review=review, outlet=outlet, position=1, headline="Cranes stand still",
                     body="The paper writes.")
editor = User.objects.create_user("worker-editor", password="worker-pass", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
print(review.get_absolute_url())
"""

WITHDRAW = """
from django.contrib.auth.models import User
from reviews.publishing import workflow
from reviews.models import Review
review = Review.objects.get(title="Press review: Withdrawn from every worker")
workflow.review_withdraw(review=review, by=User.objects.get(username="worker-editor"))
"""


@pytest.fixture
def site_database(tmp_path):
    """A database of the test's own, of the suite's kind: a PostgreSQL database, or an
    SQLite file every process opens."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    import psycopg

    admin_url = postgres_admin_url()
    name = f"pressreview_workers_{os.getpid()}"
    admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def four_workers_without_redis(tmp_path, site_database):
    """gunicorn with 4 worker processes, production settings and no REDIS_URL."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        skip_or_fail("gunicorn is not installed")
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": site_database,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "workers-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": f"{Browser.host},127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Its own: collected into the project's folder, the files would slow every later
        # test client (WhiteNoise reads the folder as it starts).
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    manage = [sys.executable, "manage.py"]

    def run(*args: str) -> str:
        done = subprocess.run(
            [*manage, *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout}{done.stderr}"
        return done.stdout

    run("migrate", "-v0")
    run("collectstatic", "--noinput", "-v0")
    url = run("shell", "-v0", "-c", ONE_REVIEW).strip()
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                str(gunicorn),
                "pressreview.wsgi",
                f"--bind=127.0.0.1:{port}",
                "--workers=4",
                "--log-level=warning",
            ],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(port)
            yield Browser(port), url, lambda: run("shell", "-v0", "-c", WITHDRAW), log_path
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


# What it tests is the page cache without a shared cache, the same on every database: once.
@pytest.mark.once
def test_four_workers_without_redis_never_serve_a_withdrawn_review(four_workers_without_redis):
    """Each worker would keep a page cache of its own, and a withdrawal made elsewhere would
    clear none of them: without a shared cache the page cache is off, and says so."""
    browser, url, withdraw, log = four_workers_without_redis
    pages = [url, reverse("reviews:home"), reverse("reviews:review-feed-rss")]
    title = "Withdrawn from every worker"
    etags = {}
    for _ in range(16):
        for page in pages:
            status, headers, body = browser.request(page)
            assert status == 200
            assert title in body
            etags[page] = headers["ETag"]
    read_at = http_date(time.time())

    withdraw()

    stale, not_modified = 0, 0
    for _ in range(16):
        for page in pages:
            for validators in ({}, {"If-None-Match": etags[page]}, {"If-Modified-Since": read_at}):
                status, _headers, body = browser.request(page, headers=validators)
                stale += status == 200 and title in body
                not_modified += status == 304
    assert (stale, not_modified) == (0, 0), f"{stale} stale pages, {not_modified} stale 304s"
    assert log.read_text().count("The public page cache is off") >= 1
