"""Secure by default: production settings, security headers, the Content Security Policy, and
the lockout after repeated failed logins. See docs/SECURITY.md."""

import datetime
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.http import HttpRequest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from pressreview.http.security import client_address
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "press.example.org",
    # The shared cache production needs (the check does not connect to it).
    "REDIS_URL": "redis://cache.invalid:6379/0",
}
PASSWORD = "correct horse battery staple"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a clean process with only `env` set (plus PATH)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_PROXY_SSL_HEADER",
    "PRESSREVIEW_TRUSTED_PROXY_COUNT",
    "CONTENT_SECURITY_POLICY",
]
# In one process: `check --deploy` failing on any warning, then the settings above.
DEPLOY_CHECK = f"""
import io, json
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
report = io.StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=report, stderr=report)
except SystemCheckError as error:
    report.write(str(error))
names = {SECURITY_SETTINGS!r}
print(json.dumps({{"report": report.getvalue(),
    "settings": {{name: getattr(settings, name, None) for name in names}}}}))
"""


def deploy(**env: str) -> tuple[str, dict]:
    """The deploy check's report and the security settings, in production with `env` added."""
    result = manage("shell", "--no-imports", "-c", DEPLOY_CHECK, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    return answer["report"], answer["settings"]


# Production settings


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_production_is_strict_by_default_and_the_deploy_check_finds_nothing():
    report, settings = deploy()
    assert "System check identified no issues" in report, report
    assert settings.pop("CONTENT_SECURITY_POLICY")["DIRECTIVES"]["report-uri"] is None
    assert settings == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 365 * 24 * 60 * 60,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_PROXY_SSL_HEADER": None,
        "PRESSREVIEW_TRUSTED_PROXY_COUNT": 0,
    }


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
@pytest.mark.parametrize(
    ("variable", "value", "changed", "warning"),
    [
        ("DJANGO_SECURE_SSL_REDIRECT", "0", {"SECURE_SSL_REDIRECT": False}, "security.W008"),
        ("DJANGO_HSTS_SECONDS", "0", {"SECURE_HSTS_SECONDS": 0}, "security.W004"),
        (
            "DJANGO_HSTS_INCLUDE_SUBDOMAINS",
            "0",
            {"SECURE_HSTS_INCLUDE_SUBDOMAINS": False},
            "security.W005",
        ),
        (
            "DJANGO_SECURE_COOKIES",
            "0",
            {"SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False},
            "security.W012",
        ),
        # Opting in to more: no warning.
        ("DJANGO_HSTS_PRELOAD", "1", {"SECURE_HSTS_PRELOAD": True}, "no issues"),
        (
            "DJANGO_SECURE_PROXY_SSL_HEADER",
            "1",
            {"SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]},
            "no issues",
        ),
    ],
)
def test_each_loosening_takes_its_own_variable_and_the_deploy_check_says_so(
    variable, value, changed, warning
):
    report, settings = deploy(**{variable: value})
    assert {name: settings[name] for name in changed} == changed
    assert warning in report, report


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_violation_reports_and_proxies_in_front_are_configured_from_the_environment():
    report, settings = deploy(
        DJANGO_CSP_REPORT_URI="https://csp.example.org/report", DJANGO_TRUSTED_PROXY_COUNT="2"
    )
    assert "no issues" in report, report
    policy = settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert policy["report-uri"] == ["https://csp.example.org/report"]
    assert settings["PRESSREVIEW_TRUSTED_PROXY_COUNT"] == 2


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_without_a_shared_cache_the_page_cache_is_off_and_the_deploy_check_says_so():
    """Each worker process would keep its own stored pages, which a change made through
    another process would not clear (docs/DEPLOYMENT.md, "Without Redis")."""
    report, _settings = deploy(REDIS_URL="")
    assert "pressreview.W001" in report, report
    assert "the public page cache is off" in report
    answer = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.PRESSREVIEW_PAGE_CACHE_SECONDS)",
        **{**PRODUCTION, "REDIS_URL": "", "PRESSREVIEW_PAGE_CACHE_SECONDS": "600"},
    )
    assert answer.stdout.strip() == "0", answer.stderr


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_a_number_that_is_not_one_stops_the_start_with_one_line():
    result = manage("check", DJANGO_HSTS_SECONDS="a year", **PRODUCTION)
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS must be a whole number" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_development_keeps_plain_http():
    code = (
        "from django.conf import settings\n"
        "print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE,"
        " settings.SECURE_HSTS_SECONDS)"
    )
    result = manage("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "0"]


# Headers of every response


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
@override_settings(SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_production_redirects_http_and_sends_hsts():
    client = Client()
    response = client.get("/reviews/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/reviews/"
    response = client.get("/reviews/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_behind_a_trusted_proxy_https_requests_are_not_redirected():
    client = Client()
    assert client.get("/reviews/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/reviews/", HTTP_X_FORWARDED_PROTO="http").status_code == 301


def csp(response) -> dict[str, list[str]]:
    """The response's Content Security Policy as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["/", "/reviews/", "/search/?q=port", "/feeds/reviews/rss/", "/no-such-page/", "/admin/login/"],
)
def test_every_response_has_the_security_headers_and_a_strict_policy(client, address):
    StoryFactory()
    response = client.get(address)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/no-such-page/", "/reviews/2026/01/01/no-such-review/"])
def test_debug_404_pages_have_a_policy_that_still_forbids_inline_script(client, settings, address):
    """Django's debug 404 page styles itself inline; django-csp alone would send no policy."""
    settings.DEBUG = True
    response = client.get(address)
    assert response.status_code == 404
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_pages_served_from_the_page_cache_and_static_files_have_the_policy_too(client):
    StoryFactory()
    client.get("/")
    stored = client.get("/")
    assert stored.get("X-Page-Cache") == "hit"
    assert csp(stored)["script-src"] == ["'self'"]
    static = client.get("/static/css/site.css")
    static.close()  # a file response: let go of the file
    assert csp(static)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_has_the_same_policy(client, editor):
    client.force_login(editor)
    review = ReviewFactory()
    for address in [
        reverse("admin:index"),
        reverse("admin:reviews_review_changelist"),
        reverse("admin:reviews_review_change", args=[review.pk]),
        reverse("admin:reviews_review_preview", args=[review.pk]),
    ]:
        policy = csp(client.get(address))
        assert policy["script-src"] == ["'self'"], address
        assert policy["style-src"] == ["'self'"], address


@pytest.mark.django_db
def test_no_policy_allows_inline_code_or_eval(client, editor):
    client.force_login(editor)
    header = client.get(reverse("admin:reviews_review_add"))["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


# Brute force


def log_in(client, username="edna", password=PASSWORD, address="192.0.2.10"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_failed_logins_lock_that_user_name_from_that_address(client, editor):
    for _attempt in range(4):
        assert log_in(client, password="wrong").status_code == 200
    response = log_in(client, password="wrong")
    assert response.status_code == 429
    # Locked: even the right password is refused now, with the lockout page.
    response = log_in(client)
    assert response.status_code == 429
    assert not logged_in(client)
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "blocked from your address for 15 minutes" in page
    assert "Pressreview" in page  # the admin's look and header
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_lock_is_for_that_user_name_and_address_only(client, editor):
    UserFactory(username="rui", groups=["Editors"])
    for _attempt in range(5):
        log_in(client, password="wrong")
    assert log_in(client, username="rui").status_code == 302
    client.logout()
    assert log_in(client, address="198.51.100.7").status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, editor):
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC), tick=False) as traveller:
        for _attempt in range(5):
            log_in(client, password="wrong")
        assert log_in(client).status_code == 429
        traveller.shift(datetime.timedelta(minutes=16))
        assert log_in(client).status_code == 302
    assert logged_in(client)


def test_a_successful_login_clears_the_count(client, editor):
    for _attempt in range(4):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "192.0.2.1"),  # no proxy: the header is the client's say-so
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # a forged entry on the left
        (2, "6.6.6.6, 203.0.113.5, 198.51.100.1", "203.0.113.5"),
        (1, "", "192.0.2.1"),  # a request that did not come through the proxy
    ],
)
def test_the_address_locked_is_the_clients_behind_trusted_proxies(
    settings, proxies, forwarded, expected
):
    settings.PRESSREVIEW_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post(
        "/admin/login/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_address(request) == expected


def test_behind_a_proxy_the_lock_follows_the_client_not_the_proxy(client, editor, settings):
    settings.PRESSREVIEW_TRUSTED_PROXY_COUNT = 1
    for _attempt in range(5):
        client.post(
            reverse("admin:login"),
            {"username": "edna", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    # The same user name from another client behind the same proxy is not locked out.
    response = client.post(
        reverse("admin:login"),
        {"username": "edna", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_tests_log_in_with_a_request_as_the_lockout_needs(client, editor):
    """client.login() goes through django-axes too, which wants the request."""
    assert client.login(request=HttpRequest(), username="edna", password=PASSWORD)
