"""The API as an HTTP citizen: validators and 304s, caching, HEAD, CORS and the rate limit."""

import datetime
import uuid
from unittest import mock

import pytest
import time_machine
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.http import http_date

from api.middleware import parse_rate
from pressreview.http.conditional import body_etag
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

# Frozen at the start of a minute plus ten seconds, so that a minute's window is predictable.
NOW = datetime.datetime(2026, 3, 3, 9, 0, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


def fresh_address() -> str:
    """A client address no earlier run has counted (the cache may be a shared Redis)."""
    return f"2001:db8:{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}::1"


def reviews_url() -> str:
    return f"{reverse('api-v1:reviews')}?page_size=10"


def test_if_none_match_with_the_current_etag_answers_304(client):
    review = ReviewFactory()
    url = reviews_url()
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == first["Cache-Control"]

    review.title = "Press review: A new headline"
    review.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_list_with_a_next_page_keeps_its_etag_from_one_request_to_the_next(client):
    """Its cursors carry no time, so an unchanged list is the same answer."""
    url = f"{reverse('api-v1:reviews')}?page_size=1"
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(3):
            ReviewFactory()
        first = client.get(url)
        assert first.json()["next"]
        clock.shift(5)
        assert client.get(url)["ETag"] == first["ETag"]
        assert client.get(first.json()["next"], HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_answers_carry_no_last_modified_and_if_modified_since_never_answers_304(client):
    """A whole-second date cannot say whether an answer changed: only the ETag is a validator."""
    with time_machine.travel(NOW, tick=False) as clock:
        ReviewFactory()
        url = reviews_url()
        first = client.get(url)
        assert "Last-Modified" not in first
        clock.shift(30)
        response = client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(NOW.timestamp() + 30))
        assert response.status_code == 200


def test_a_review_withdrawn_within_the_second_is_not_hidden_by_a_304(client):
    """The withdrawal and both requests fall in one second, the second request served by
    another worker process (a cache of its own): the old copy is not confirmed."""
    with time_machine.travel(NOW, tick=False):
        keep, withdraw = ReviewFactory(), ReviewFactory()
        url = reviews_url()
        client.get(url)
        withdraw.status = withdraw.Status.WITHDRAWN
        withdraw.save()
        caches["default"].clear()
        response = client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(NOW.timestamp()))
        assert response.status_code == 200
        assert [item["id"] for item in response.json()["results"]] == [keep.pk]


def test_the_api_and_the_site_give_the_same_validator_to_the_same_body(client):
    """One conditional GET for both (pressreview.http.conditional): a digest of the body."""
    StoryFactory()
    answer, page = client.get(reviews_url()), client.get(reverse("reviews:home"))
    assert answer["ETag"] == body_etag(answer.content)
    assert page["ETag"] == body_etag(page.content)


CACHE_CALLS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "touch")


def cache_keys_touched(client, url, **extra) -> list[str]:
    """The keys of every call to the shared cache while the API answers `url`."""
    cache, touched = caches["default"], []
    with mock.patch.multiple(
        cache, **{name: mock.DEFAULT for name in CACHE_CALLS if hasattr(cache, name)}
    ) as spies:
        for name, spy in spies.items():
            spy.side_effect = getattr(type(cache), name).__get__(cache)
        assert client.get(url, **extra).status_code == 200
    for spy in spies.values():
        for call in spy.call_args_list:
            key = call.args[0] if call.args else None
            touched += key if isinstance(key, (list, tuple)) else [key]
    return touched


def test_an_answer_costs_no_cache_round_trip_but_the_rate_limits(client, settings):
    """No per-address bookkeeping (no "first seen" times): the cache holds only the counts."""
    ReviewFactory()
    assert cache_keys_touched(client, reviews_url()) == []
    settings.PRESSREVIEW_API_RATE_LIMIT = "100/minute"
    address = fresh_address()
    touched = cache_keys_touched(client, reviews_url(), REMOTE_ADDR=address)
    assert touched and all(key.startswith("pressreview:api-rate:") for key in touched), touched


def test_answers_may_be_kept_briefly_by_shared_caches(client):
    review = ReviewFactory()
    for url in [
        reverse("api-v1:reviews"),
        reverse("api-v1:review-detail", kwargs={"review_id": review.pk}),
        reverse("api-v1:openapi-json"),
        reverse("api-v1:review-detail", kwargs={"review_id": 999999}),
    ]:
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=60", url
        assert "Cookie" not in response.get("Vary", ""), url


def test_head_answers_the_headers_of_get_without_a_body(client):
    StoryFactory()
    url = reviews_url()
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_any_origin_may_read_the_api(client):
    response = client.get(reverse("api-v1:reviews"), HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    missing = client.get("/api/v1/nothing", HTTP_ORIGIN="https://partner.example")
    assert missing["Access-Control-Allow-Origin"] == "*"


def test_a_browser_may_send_validators_across_origins(client):
    preflight = client.options(
        reverse("api-v1:reviews"),
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


def test_the_site_itself_is_not_shared_across_origins(client):
    response = client.get(reverse("reviews:home"), HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


def test_too_many_requests_answer_429_with_retry_after(client, settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "3/minute"
    address, url = fresh_address(), reverse("api-v1:reviews")
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(3):
            assert client.get(url, REMOTE_ADDR=address).status_code == 200
        refused = client.get(url, REMOTE_ADDR=address, HTTP_ORIGIN="https://partner.example")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "50"
        assert refused["Content-Type"] == "application/json"
        assert "try again in 50 seconds" in refused.json()["detail"]
        assert refused["Cache-Control"] == "no-store"
        assert refused["Access-Control-Allow-Origin"] == "*"

        # Every address under /api/ counts, and another client is not affected.
        assert client.get("/api/v1/docs", REMOTE_ADDR=address).status_code == 429
        assert client.get(url, REMOTE_ADDR=fresh_address()).status_code == 200
        # The site's pages are not limited by the API's limit.
        assert client.get(reverse("reviews:home"), REMOTE_ADDR=address).status_code == 200

        clock.shift(50)
        assert client.get(url, REMOTE_ADDR=address).status_code == 200


def test_behind_trusted_proxies_the_forwarded_client_is_counted(client, settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "1/minute"
    settings.PRESSREVIEW_TRUSTED_PROXY_COUNT = 1
    proxy, url = fresh_address(), reverse("api-v1:index")
    first, second = fresh_address(), fresh_address()
    with time_machine.travel(NOW, tick=False):
        assert client.get(url, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=first).status_code == 200
        # A client cannot escape its count by writing addresses of its own to the left.
        spoofed = f"{fresh_address()}, {first}"
        assert client.get(url, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
        assert client.get(url, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=second).status_code == 200


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("120/minute", (120, 60)),
        ("120", (120, 60)),
        ("1000/hour", (1000, 3600)),
        ("5/s", (5, 1)),
        ("0", None),
        ("off", None),
        ("", None),
    ],
)
def test_rate_limit_setting_reads_a_rate(value, rate):
    assert parse_rate(value) == rate


@pytest.mark.parametrize("value", ["lots", "120/fortnight", "-5/minute", "1.5/minute"])
def test_a_malformed_rate_limit_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="PRESSREVIEW_API_RATE_LIMIT"):
        parse_rate(value)
