"""With the database unreachable, pages answer 503 with a friendly page and the site recovers.

The first tests make every database connection fail inside the test process. The last one
does it for real: it starts a PostgreSQL server of its own in a temporary folder (never the
suite's, which other runs share), serves the site from it with gunicorn in production
settings, stops the server, checks the answers, starts it again and checks that the site
comes back by itself, connection pool included.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from pressreview.http.outage import RETRY_AFTER_SECONDS, database_unavailable_response
from tests.support.factories import ReviewFactory, UserFactory
from tests.support.outage import INTERNALS, unreachable_database
from tests.support.services import skip_or_fail
from tests.support.temporary_postgres import (
    TemporaryPostgres,
    free_port,
    postgres_bin_dir,
    wait_for_port,
)

BASE_DIR = Path(__file__).resolve().parents[2]


def assert_friendly_503(response, *, heading: str) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert heading in page
    assert not INTERNALS.search(page), INTERNALS.search(page)


@pytest.mark.django_db
def test_public_page_answers_503_with_a_friendly_page(client):
    """A reader gets "temporarily unavailable" with Retry-After, not a traceback."""
    ReviewFactory()
    with unreachable_database():
        response = client.get(reverse("reviews:review-list"), {"outage": "reader"})
    assert_friendly_503(response, heading="Temporarily unavailable")


@pytest.mark.django_db
def test_admin_says_the_database_is_unavailable(client):
    """An editor who is logged in is told that the database, not the desk, is the problem."""
    client.force_login(UserFactory(is_superuser=True))
    with unreachable_database():
        response = client.get(reverse("admin:index"))
    assert_friendly_503(response, heading="The database is unavailable")


@pytest.mark.django_db
def test_login_attempt_says_the_database_is_unavailable():
    client = Client(enforce_csrf_checks=False)
    with unreachable_database():
        response = client.post(
            reverse("admin:login"), {"username": "edna", "password": "anything at all"}
        )
    assert_friendly_503(response, heading="The database is unavailable")


class FailingDatabaseMiddleware:
    """Stands for a middleware that reads the database before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("connection refused: is the server running on port 5432?")


@pytest.mark.django_db
def test_database_error_in_a_middleware_also_answers_503(settings):
    """Not only views: a middleware further in that cannot reach the database gives a 503."""
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.FailingDatabaseMiddleware"]
    response = Client(raise_request_exception=False).get(reverse("reviews:home"), {"x": "mw"})
    assert_friendly_503(response, heading="Temporarily unavailable")


@pytest.mark.django_db
def test_other_errors_stay_server_errors():
    """Only the database's errors become 503s: a bug is still a 500 (and still logged)."""
    with mock.patch(
        "reviews.site.views.ReviewListView.get_queryset", side_effect=ValueError("bug")
    ):
        response = Client(raise_request_exception=False).get(reverse("reviews:review-list"))
    assert response.status_code == 500


@pytest.mark.django_db
def test_api_answers_503_in_json(client):
    """Under /api/ the outage is a JSON error with the same status."""
    path = reverse("api-v1:reviews")
    with unreachable_database():
        response = client.get(path, {"outage": "api"})
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(response.content)
    assert not INTERNALS.search(response.content.decode())


def test_the_503_page_needs_no_database():
    """The template renders with no database at all (this test may not touch one)."""
    with unreachable_database():
        response = database_unavailable_response(RequestFactory().get("/reviews/"))
    assert response.status_code == 503
    page = response.content.decode()
    # The template's page, not the plain one answered when the template fails.
    assert "Temporarily unavailable" in page and 'rel="stylesheet"' in page


# The real outage.


class Browser:
    """Just enough of an HTTP client: one site, cookies, no redirects followed."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response, content

    def get(self, path: str):
        return self.request("GET", path)

    def log_in(self, username: str, password: str) -> None:
        _, page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response, _ = self.request(
            "POST",
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        assert response.status == 302, "the login failed"


SET_UP_SITE = """
import datetime
from django.core.management import call_command
from django.contrib.auth import get_user_model
from django.utils import timezone
from reviews.models import Outlet, Review, Section, Story
call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
section = Section.objects.create(name="Business", slug="business")
outlet = Outlet.objects.create(name="Harbour Gazette", country="Portugal", language="Portuguese")
for day in range(1, 6):
    review = Review.objects.create(
        title=f"Press review: Harbour calm returns, day {day}", section=section,
        dateline_city="Lisbon", review_date=datetime.date(2026, 3, day),
        lede="The papers lead with the harbour.", status="published",
        publish_at=timezone.now() - datetime.timedelta(days=10 - day),
    )
    Story.objects.create(review=review, outlet=outlet, position=1,
                         headline="Dockers go back to work", body="The paper writes.")
get_user_model().objects.create_superuser("desk", "desk@example.org", "desk-outage-pass")
"""


def run_manage(env: dict, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture
def site_on_its_own_database(tmp_path):
    """gunicorn in production settings, on a PostgreSQL server that this test owns."""
    if django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        # The outage is PostgreSQL's and its pool's; CI runs the suite on PostgreSQL too.
        pytest.skip("PostgreSQL only: runs in CI's PostgreSQL pass (DATABASE_URL=postgres://...)")
    if postgres_bin_dir() is None:
        skip_or_fail("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    server = TemporaryPostgres().init()
    gunicorn = None
    log = tmp_path / "gunicorn.log"
    log_file = log.open("w")
    try:
        server.start()
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL"}},
            "DATABASE_URL": server.create_database("outage"),
            "DATABASE_POOL_TIMEOUT": "2",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "outage-test-only-" + "k" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
            # Its own: collected into the project's folder, the files would slow every
            # later test client (WhiteNoise reads the folder as it starts).
            "STATIC_ROOT": str(tmp_path / "static"),
        }
        # Migrate, collect the static files (production serves hashed ones) and add content.
        run_manage(env, "shell", "-c", SET_UP_SITE)
        gunicorn = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "pressreview.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(port)
        yield server, Browser(port), log
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        log_file.close()
        # Shown by pytest when the test fails.
        print("gunicorn's log, last lines:", *log.read_text().splitlines()[-40:], sep="\n")
        server.remove()


def test_real_outage_answers_503_and_the_site_recovers_by_itself(site_on_its_own_database):
    """Stop the database under a running site, then start it again."""
    server, browser, log = site_on_its_own_database
    reader = Browser(browser.port)
    editor = browser
    editor.log_in("desk", "desk-outage-pass")
    review_url = "/reviews/2026/03/05/press-review-harbour-calm-returns-day-5/"
    public = [
        "/",
        "/reviews/",
        "/stories/?q=dockers",
        review_url,
        "/outlets/harbour-gazette/",
        "/search/?q=harbour",
        "/feeds/reviews/rss/",
        "/sitemap.xml",
    ]
    for path in [*public, "/admin/"]:
        client = editor if path.startswith("/admin/") else reader
        assert client.get(path)[0].status == 200, path
    api_up = reader.get("/api/v1/reviews")[0].status == 200

    server.stop()
    # A page stored before the outage may still be served; any other is a friendly 503.
    stored_response, _ = reader.get("/")
    if stored_response.status == 200:
        assert stored_response.getheader("X-Page-Cache") == "hit"
    else:
        assert stored_response.status == 503
    # Each of these waits for the pool's timeout (2 s here): a few kinds of page suffice.
    for number, path in enumerate(
        ["/reviews/", review_url, "/feeds/reviews/rss/", "/search/?q=harbour"]
    ):
        separator = "&" if "?" in path else "?"
        response, page = reader.get(f"{path}{separator}during-outage={number}")
        assert response.status == 503, path
        assert response.getheader("Retry-After") == str(RETRY_AFTER_SECONDS)
        assert "Temporarily unavailable" in page
        assert not INTERNALS.search(page), (path, INTERNALS.search(page))
    response, page = editor.get("/admin/")
    assert response.status == 503
    assert "The database is unavailable" in page and not INTERNALS.search(page)
    stranger = Browser(browser.port)
    _, login_page = stranger.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    response, page = stranger.request(
        "POST",
        "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "desk", "password": "desk-outage-pass"},
    )
    assert response.status == 503
    assert "The database is unavailable" in page and not INTERNALS.search(page)
    if api_up:
        response, body = reader.get("/api/v1/reviews?during-outage=1")
        assert response.status == 503
        assert "detail" in json.loads(body)

    server.start()
    # Each gunicorn worker has its own pool, which may still be waiting before its next try:
    # every page must answer again, from whichever worker, within 20 s.
    started = time.monotonic()
    deadline = started + 20
    for number, path in enumerate(public):
        separator = "&" if "?" in path else "?"
        while (
            reader.get(f"{path}{separator}recovered={number}-{time.monotonic()}")[0].status != 200
        ):
            assert time.monotonic() < deadline, f"{path} did not recover within 20 s"
            time.sleep(0.2)
    print(f"every page answered {time.monotonic() - started:.1f} s after the database came back")
    # And keeps answering, on every worker.
    for attempt in range(10):
        assert reader.get(f"/reviews/?settled={attempt}")[0].status == 200
    response, page = editor.get("/admin/")
    assert response.status == 200, "the editor's session survived the outage"

    # A quick restart between two requests: the pool checks its connections before lending
    # them, so that readers see no error at all.
    server.stop()
    server.start()
    for number, path in enumerate(public):
        separator = "&" if "?" in path else "?"
        assert reader.get(f"{path}{separator}restarted={number}")[0].status == 200, path
    assert "Internal Server Error" not in log.read_text()
