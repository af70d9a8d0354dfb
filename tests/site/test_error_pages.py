"""Error pages: friendly, in the site's look, and revealing nothing of the inside.

The tests run with DEBUG off (as pytest-django does), so Django renders the project's own
400.html, 403.html, 403_csrf.html, 404.html and 500.html.
"""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from reviews.site.views import HomeView
from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db

# What a page must never show: tracebacks, settings, SQL, file paths, exception messages.
INTERNALS = [
    "Traceback",
    "django.",
    "/work/",
    ".py",
    "SECRET_KEY",
    "DEBUG",
    "SELECT ",
    "Exception",
    "NoReverseMatch",
    "settings",
]


def assert_friendly(response, status: int, heading: str) -> str:
    assert response.status_code == status
    page = response.content.decode()
    assert f'<h1 class="page-title">{heading}</h1>' in page
    assert 'href="/"' in page  # a way back to the home page
    assert '<meta name="robots" content="noindex">' in page
    for internal in INTERNALS:
        assert internal not in page, internal
    return page


def test_an_unknown_address_answers_404_with_a_friendly_page(client):
    page = assert_friendly(client.get("/no/such/page/"), 404, "Page not found")
    assert "Search press reviews" in page  # the site's header, with its search box


def test_an_impossible_date_answers_404_without_the_reason(client):
    """The view's own message ("No such date.") is for the logs, not for readers."""
    page = assert_friendly(client.get("/reviews/2026/02/30/any-slug/"), 404, "Page not found")
    assert "No such date" not in page


def test_a_forbidden_admin_page_answers_403_in_the_admin_without_the_reason(client, moderator):
    """A moderator may not add reviews: the refusal stays in the admin, with a way back."""
    client.force_login(moderator)
    response = client.get(reverse("admin:reviews_review_add"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Not allowed</h1>" in page
    assert f'href="{reverse("admin:index")}"' in page
    for internal in INTERNALS:
        assert internal not in page, internal


def test_a_form_without_its_csrf_token_answers_403_with_advice():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    page = assert_friendly(response, 403, "The form could not be sent")
    assert "reload the page" in page
    assert "CSRF" not in page


def test_an_unknown_host_answers_400_with_a_friendly_page():
    client = Client(raise_request_exception=False)
    response = client.get("/", HTTP_HOST="attacker.example")
    page = assert_friendly(response, 400, "Bad request")
    assert "attacker.example" not in page


def test_an_invalid_filter_still_answers_400_on_its_own_page(client):
    """The filters' 400 keeps the list page and its message (see test_filters)."""
    response = client.get("/reviews/?date_after=tomorrow")
    assert response.status_code == 400
    assert "Filter" in response.content.decode()


def test_an_error_answers_500_with_a_page_that_reveals_nothing(monkeypatch):
    def fail(self):
        raise RuntimeError("database password is hunter2 in /srv/pressreview/settings.py")

    monkeypatch.setattr(HomeView, "get_queryset", fail)
    ReviewFactory()
    response = Client(raise_request_exception=False).get("/")
    page = assert_friendly(response, 500, "Something went wrong")
    assert "hunter2" not in page
    assert "RuntimeError" not in page
    assert "Content-Security-Policy" in response.headers


def test_the_500_page_needs_no_context_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = render_to_string("500.html")
    assert "Something went wrong" in page
    assert "{{" not in page


def test_error_pages_keep_the_strict_policy(client):
    response = client.get("/no/such/page/")
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
