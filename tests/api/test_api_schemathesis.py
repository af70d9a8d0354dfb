"""Schemathesis: requests generated from the API's own OpenAPI schema, sent to the app (WSGI).

Every operation gets valid requests (positive) and, where it takes parameters, invalid ones
(negative); together at least MIN_REQUESTS. No answer may be a 5xx, and every answer must
conform to the schema: a documented status, content type and body.
"""

import contextlib
import datetime
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client as WsgiClient

from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

MIN_REQUESTS = 500
EXAMPLES = {GenerationMode.POSITIVE: 36, GenerationMode.NEGATIVE: 12}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_app():
    """The project's WSGI application, kept inside the test's transaction.

    Django's handler closes the database connection around each request, which would end
    the transaction holding the test's data; its test client avoids it the same way.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def content(settings):
    """Published reviews to find, a hidden one not to find; no rate limit during the run."""
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    for number in range(6):
        review = ReviewFactory(review_date=datetime.date(2026, 3, 3 - number % 3))
        for position in (1, 2):
            story = StoryFactory(review=review, position=position, tags=["ports", f"t{number}"])
            CitationFactory(story=story)
    ReviewFactory(draft=True)
    return review


def wsgi_get(app, path: str) -> dict:
    """GET `path` from the WSGI app directly, as JSON."""
    response = WsgiClient(app).get(path, headers={"Host": "localhost"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def fuzz(operation, mode, sent: dict, statuses: Counter) -> None:
    """Send EXAMPLES[mode] generated requests to `operation` and check every answer."""
    checks = [*CHECKS, negative_data_rejection] if mode.is_negative else CHECKS

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call()
        sent[mode] += 1
        statuses[response.status_code] += 1
        case.validate_response(response, checks=checks)

    # Unsatisfiable: no request can break this operation's schema (e.g. it takes nothing).
    with contextlib.suppress(Unsatisfiable):
        run()


# The schema's conformance, the same on every database; what PostgreSQL makes of odd input
# (NUL bytes, huge numbers) is tried on both by tests/security/test_fuzz.py.
@pytest.mark.once
def test_generated_requests_get_conforming_answers_and_no_server_error(wsgi_app, content):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    sent, statuses = dict.fromkeys(EXAMPLES, 0), Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in EXAMPLES:
            fuzz(operation, mode, sent, statuses)

    # Known ids, slugs and filter values too, so that 200s are checked on every operation.
    review = content
    story = review.stories.first()
    expert = story.citations.get().expert
    first_page = wsgi_get(wsgi_app, "/api/v1/reviews?page_size=2")
    cursor = parse_qs(urlsplit(first_page["next"]).query)["cursor"][0]
    known = [
        ("list_reviews", {}, {"tag": ["ports"], "ordering": "date", "page_size": 2}),
        ("list_reviews", {}, {"page_size": 2, "cursor": cursor}),
        ("list_stories", {}, {"outlet": [story.outlet.slug], "date_after": "2026-03-01"}),
        ("list_stories", {}, {"expert": expert.slug, "q": "walkout"}),
        ("list_outlets", {}, {"page_size": 3}),
        ("list_experts", {}, {"page_size": 3}),
        ("list_tags", {}, {"page_size": 3}),
        ("list_sections", {}, {}),
        ("review_detail", {"review_id": review.pk}, {}),
        (
            "review_by_date",
            {
                "year": review.review_date.year,
                "month": review.review_date.month,
                "day": review.review_date.day,
                "slug": review.slug,
            },
            {},
        ),
        ("story_detail", {"story_id": story.pk}, {}),
        ("outlet_detail", {"slug": story.outlet.slug}, {}),
        ("expert_detail", {"slug": expert.slug}, {}),
        ("tag_detail", {"slug": "ports"}, {}),
        ("section_detail", {"slug": review.section.slug}, {}),
    ]
    for operation_id, path_parameters, query in known:
        case = schema.find_operation_by_id(operation_id).Case(
            path_parameters=path_parameters, query=query
        )
        response = case.call()
        assert response.status_code == 200, (operation_id, query, response.text)
        assert response.json().get("results", [None]), (operation_id, query)
        case.validate_response(response, checks=CHECKS)
        sent[GenerationMode.POSITIVE] += 1
        statuses[response.status_code] += 1

    total = sum(sent.values())
    by_mode = {mode.value: count for mode, count in sent.items()}
    print(f"schemathesis: {total} requests {by_mode}, by status {dict(sorted(statuses.items()))}")
    assert total >= MIN_REQUESTS, sent
