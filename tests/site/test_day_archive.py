"""/reviews/<yyyy>/<mm>/<dd>/: the published reviews of one review date, linked from the
dateline, beside the year and month archives."""

import datetime

import pytest
from django.urls import reverse

from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)


def day_url(day: datetime.date) -> str:
    return reverse("reviews:review-day", args=[day.year, day.month, day.day])


def test_the_day_lists_its_published_reviews_and_no_other(client):
    morning = ReviewFactory(review_date=DAY, title="Press review: Morning tide")
    evening = ReviewFactory(review_date=DAY, title="Press review: Evening tide")
    ReviewFactory(review_date=DAY - datetime.timedelta(days=1), title="Press review: Yesterday")
    for hidden in ("draft", "in_review", "withdrawn", "scheduled"):
        ReviewFactory(review_date=DAY, title=f"Press review: Secret {hidden}", **{hidden: True})

    response = client.get(day_url(DAY))

    assert response.status_code == 200
    assert list(response.context["reviews"]) == [evening, morning]
    assert "Press reviews of 3 March 2026" in response.text
    assert "Secret" not in response.text and "Yesterday" not in response.text


def test_a_day_with_only_unpublished_reviews_is_not_found(client):
    ReviewFactory(review_date=DAY, scheduled=True)
    ReviewFactory(review_date=DAY, draft=True)

    assert client.get(day_url(DAY)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/reviews/2026/02/30/",
        "/reviews/2026/02/29/",  # not a leap year
        "/reviews/2026/13/01/",
        "/reviews/2026/00/10/",
        "/reviews/2026/03/00/",
        "/reviews/0000/01/01/",
        "/reviews/2026/3/3/",
    ],
)
def test_impossible_days_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_dateline_links_to_its_day(client):
    review = ReviewFactory(review_date=DAY, dateline_city="Porto")

    page = client.get(review.get_absolute_url()).text

    assert f'<a href="{day_url(DAY)}">PORTO, March 3</a>' in page


def test_the_day_links_to_the_nearest_published_days_and_up_to_its_month(client):
    ReviewFactory(review_date=DAY)
    ReviewFactory(review_date=datetime.date(2026, 2, 26))
    ReviewFactory(review_date=datetime.date(2026, 3, 1), draft=True)
    ReviewFactory(review_date=datetime.date(2026, 3, 9))

    page = client.get(day_url(DAY)).text

    assert f'<a rel="prev" href="{day_url(datetime.date(2026, 2, 26))}">' in page
    assert f'<a rel="next" href="{day_url(datetime.date(2026, 3, 9))}">' in page
    assert reverse("reviews:review-month", args=[2026, 3]) in page
