"""What load balancers and monitoring get: /healthz, /readyz, /metrics, and request ids."""

import http.client
import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from prometheus_client import REGISTRY

from pressreview import operations
from tests.support.factories import ReviewFactory
from tests.support.outage import INTERNALS, unreachable_database
from tests.support.temporary_postgres import free_port, wait_for_port

PROJECT = Path(__file__).resolve().parents[2]
PUBLIC_ADDRESS = "203.0.113.9"


@pytest.fixture(autouse=True)
def migrations_not_yet_checked():
    """Each test starts as a new process would: the migrations not yet known to be applied."""
    operations._migrated.clear()
    yield
    operations._migrated.clear()


@pytest.fixture
def console_log():
    """What the configured console handler (format and request-id filter) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def assert_never_stored(response) -> None:
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


# /healthz


def test_healthz_answers_ok_without_touching_the_database(client):
    """With every database connection failing (and none allowed in this test), still ok."""
    with unreachable_database():
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_never_stored(response)


# /readyz


@pytest.mark.django_db
def test_readyz_answers_ok_when_database_cache_and_migrations_are_ready(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_never_stored(response)


@pytest.mark.django_db
def test_readyz_answers_503_naming_the_database_when_it_is_down(client, console_log):
    """The body names the failed check only; the reason goes to the log."""
    with unreachable_database():
        response = client.get("/readyz", HTTP_X_REQUEST_ID="probe-42")
    assert response.status_code == 503
    assert response.content == b"not ready: database\n"
    assert_never_stored(response)
    assert not INTERNALS.search(response.content.decode())
    log = console_log.getvalue()
    assert "[probe-42] Readiness check 'database' failed" in log
    assert "connection refused" in log
    # Django's own line about the error answer, written after the middleware, has it too.
    assert "ERROR django.request [probe-42] Service Unavailable: /readyz" in log


@pytest.mark.django_db
def test_readyz_is_not_served_from_a_cache_after_the_database_goes_down(client):
    assert client.get("/readyz").status_code == 200
    with unreachable_database():
        assert client.get("/readyz").status_code == 503
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_answers_503_naming_the_cache_when_it_fails(client):
    with mock.patch.object(caches["default"], "get", return_value=None):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"not ready: cache\n"


@pytest.mark.django_db
def test_readyz_answers_503_while_a_migration_is_not_applied(client, console_log):
    migration = mock.Mock(app_label="reviews", name="0099_future")
    migration.name = "0099_future"
    with mock.patch(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        return_value=[(migration, False)],
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"not ready: migrations\n"
    assert "reviews.0099_future" in console_log.getvalue()


@pytest.mark.django_db
def test_readyz_reads_the_migrations_once_all_are_applied(client):
    """The migration files are read until everything is applied, then no more."""
    assert client.get("/readyz").status_code == 200
    with mock.patch("pressreview.operations.MigrationExecutor") as executor:
        assert client.get("/readyz").status_code == 200
    executor.assert_not_called()


@pytest.mark.django_db
@override_settings(
    DEBUG=False,
    ALLOWED_HOSTS=["press.example.org"],
    SECURE_SSL_REDIRECT=True,
)
def test_probes_answer_a_balancer_that_sends_the_server_address_over_http(client):
    """In production settings, a plain-http probe with the pod's IP as Host gets its answer,
    while a page asked for with that Host is still refused."""
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.3.7")
        assert response.status_code == 200, path
    assert client.get("/", HTTP_HOST="10.0.3.7").status_code == 400
    assert client.get("/", HTTP_HOST="press.example.org").status_code == 301


@pytest.mark.django_db
def test_probes_are_not_limited_by_the_api_rate_limit_or_a_login_lockout(client, settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "1/minute"
    address = "198.51.100.23"
    api = reverse("api-v1:reviews")
    assert client.get(api, REMOTE_ADDR=address).status_code == 200
    assert client.get(api, REMOTE_ADDR=address).status_code == 429
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(
            reverse("admin:login"),
            {"username": "edna", "password": "wrong"},
            REMOTE_ADDR=address,
        )
    for _ in range(3):
        assert client.get("/readyz", REMOTE_ADDR=address).status_code == 200
        assert client.get("/healthz", REMOTE_ADDR=address).status_code == 200


def test_probes_refuse_other_methods(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# /metrics


def sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.mark.django_db
def test_metrics_count_page_cache_hits_and_misses_and_latency_by_view(client):
    ReviewFactory()
    hits = sample("pressreview_page_cache_answers_total", status="hit")
    misses = sample("pressreview_page_cache_answers_total", status="miss")
    rendered = sample(
        "django_http_requests_latency_seconds_by_view_method_count",
        view="reviews:review-list",
        method="GET",
    )
    client.get(reverse("reviews:review-list"))
    client.get(reverse("reviews:review-list"))

    response = client.get("/metrics")
    assert response.status_code == 200
    assert_never_stored(response)
    text = response.content.decode()
    assert f'pressreview_page_cache_answers_total{{status="hit"}} {hits + 1}' in text
    assert f'pressreview_page_cache_answers_total{{status="miss"}} {misses + 1}' in text
    assert (
        'django_http_requests_latency_seconds_by_view_method_count{method="GET",'
        f'view="reviews:review-list"}} {rendered + 1}'
    ) in text
    assert "django_http_requests_before_middlewares_total" in text


def test_metrics_are_refused_to_a_public_address(client):
    response = client.get("/metrics", REMOTE_ADDR=PUBLIC_ADDRESS)
    assert response.status_code == 403
    assert response.content == b"forbidden\n"
    assert_never_stored(response)


def test_metrics_are_refused_through_a_proxy_the_settings_do_not_trust(client):
    """A local proxy's loopback address does not vouch for the public client behind it."""
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=PUBLIC_ADDRESS)
    assert response.status_code == 403


def test_metrics_are_refused_to_a_public_client_behind_a_trusted_proxy(client, settings):
    settings.PRESSREVIEW_TRUSTED_PROXY_COUNT = 1
    forged = f"127.0.0.1, {PUBLIC_ADDRESS}"
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forged)
    assert response.status_code == 403


def test_metrics_answer_an_allowed_network(client, settings):
    settings.PRESSREVIEW_METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403


def test_metrics_answer_the_bearer_token_from_anywhere(client, settings):
    settings.PRESSREVIEW_METRICS_TOKEN = "scrape-token-for-tests"
    good = client.get(
        "/metrics", REMOTE_ADDR=PUBLIC_ADDRESS, HTTP_AUTHORIZATION="Bearer scrape-token-for-tests"
    )
    assert good.status_code == 200
    bad = client.get("/metrics", REMOTE_ADDR=PUBLIC_ADDRESS, HTTP_AUTHORIZATION="Bearer guess")
    assert bad.status_code == 403


# Request ids


@pytest.mark.django_db
def test_a_sane_request_id_is_echoed(client):
    response = client.get("/", HTTP_X_REQUEST_ID="lb-7f3a.9_x-1")
    assert response["X-Request-ID"] == "lb-7f3a.9_x-1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming",
    ["", "x" * 65, "two words", "line\r\nbreak", 'quote"d', "ünïcode"],
    ids=["empty", "too-long", "space", "newline", "quote", "non-ascii"],
)
def test_a_bad_request_id_is_replaced_by_a_fresh_one(client, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_each_request_without_an_id_gets_its_own(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_log_lines_outside_a_request_carry_no_id(client, console_log):
    client.get("/healthz", HTTP_X_REQUEST_ID="finished-request")
    logging.getLogger("pressreview.tests").warning("between requests")
    assert "[-] between requests" in console_log.getvalue()


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_json_log_format_writes_one_object_per_line_with_the_request_id():
    """DJANGO_LOG_FORMAT=json, in a process of its own (logging is configured at start-up)."""
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "Client().get('/metrics', REMOTE_ADDR='203.0.113.9', HTTP_X_REQUEST_ID='json-check-1')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "pressreview.settings",
            "DJANGO_LOG_FORMAT": "json",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    refused = next(record for record in records if "Metrics refused" in record["message"])
    assert refused["request_id"] == "json-check-1"
    assert refused["level"] == "WARNING"
    assert refused["logger"] == "pressreview.operations"


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_an_unknown_log_format_refuses_to_start():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], "DJANGO_LOG_FORMAT": "xml"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_LOG_FORMAT must be plain or json" in result.stderr


@pytest.mark.once  # gunicorn on a SQLite file of its own: the same on every database
def test_metrics_add_up_across_gunicorn_workers_in_multiprocess_mode(tmp_path):
    """With PROMETHEUS_MULTIPROC_DIR (docs/DEPLOYMENT.md), /metrics counts every worker's
    requests, in production settings, over plain http."""
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "press.example.org",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    migrate = [sys.executable, "manage.py", "migrate", "-v0"]
    subprocess.run(migrate, cwd=PROJECT, env=env, check=True, timeout=120)
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "pressreview.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port)
        headers = {"Host": "press.example.org", "X-Forwarded-Proto": "https"}
        for _ in range(12):
            # A new connection each time, so that both workers take some.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/robots.txt", headers=headers)
            connection.getresponse().read()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/metrics", headers={"Host": "10.0.3.7"})
        response = connection.getresponse()
        text = response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert response.status == 200
    counted = re.search(r"^django_http_requests_before_middlewares_total (\S+)$", text, re.M)
    assert counted and float(counted.group(1)) == 12
    # Each worker writes its own file, which the scrape added up.
    assert len(list(metrics_dir.glob("counter_*.db"))) == 2
