"""Deep pages: the lists stop at a bounded page number and go on by date, so no page reads the
whole archive before its own rows; old and bad page numbers answer 404, never 500."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from reviews.site import views
from reviews.site.paginators import PageRangePaginator
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)
OLDER = re.compile(r'<a rel="next" href="([^"]+)">Older, by date')


@pytest.fixture(autouse=True)
def two_pages_of_two(monkeypatch):
    """Two pages of two rows at most, instead of 50 of 20."""
    monkeypatch.setattr(PageRangePaginator, "max_pages", 2)
    for view in (views.HomeView, views.ReviewListView, views.StoryListView, views.TagDetailView):
        monkeypatch.setattr(view, "paginate_by", 2)


def reviews_over_days(count):
    """`count` published reviews, one a day back from DAY, each with one story tagged ports."""
    reviews = []
    for back in range(count):
        review = ReviewFactory(review_date=DAY - datetime.timedelta(days=back))
        StoryFactory(review=review, tags=["ports"], headline=f"Story of day {back}")
        reviews.append(review)
    return reviews


def older_link(response) -> str | None:
    found = OLDER.search(response.text)
    return unescape(found.group(1)) if found else None


def listed(response, reviews) -> set:
    return {review for review in reviews if review.get_absolute_url() in response.text}


@pytest.mark.parametrize("name", ["reviews:review-list", "reviews:story-list", "reviews:home"])
@pytest.mark.parametrize("page", ["3", "50", "99999999999999999999999", "-1", "0", "two", "1e3"])
def test_a_page_past_the_range_or_not_a_number_answers_404(client, name, page):
    reviews_over_days(7)
    assert client.get(reverse(name), {"page": page}).status_code == 404


def test_the_last_page_in_range_links_on_by_date_and_no_review_is_skipped(client):
    reviews = reviews_over_days(7)
    seen, address = set(), reverse("reviews:review-list") + "?page=1"
    for _ in range(10):
        response = client.get(address)
        assert response.status_code == 200
        seen |= listed(response, reviews)
        second = client.get(address + "&page=2" if "?" in address else address + "?page=2")
        if second.status_code == 404:
            break
        seen |= listed(second, reviews)
        address = older_link(second)
        if address is None:
            break
    assert seen == set(reviews)


def test_the_date_jump_keeps_the_filters_and_starts_at_the_last_day_shown(client):
    reviews_over_days(7)
    response = client.get(reverse("reviews:story-list"), {"tag": "ports", "page": 2})
    assert "Page 2 of the latest 2" in response.text
    expected_day = (DAY - datetime.timedelta(days=3)).isoformat()
    assert older_link(response) == f"/stories/?tag=ports&date_before={expected_day}"


def test_oldest_first_jumps_forward_in_time(client):
    reviews_over_days(7)
    response = client.get(reverse("reviews:review-list"), {"ordering": "date", "page": 2})
    expected_day = (DAY - datetime.timedelta(days=3)).isoformat()
    assert older_link(response) == f"/reviews/?ordering=date&date_after={expected_day}"


def test_a_day_longer_than_the_pages_steps_past_itself(client):
    """Five reviews of one day: jumping to "that day and before" again would loop."""
    for _ in range(5):
        ReviewFactory(review_date=DAY)
    ReviewFactory(review_date=DAY - datetime.timedelta(days=1))
    response = client.get(reverse("reviews:review-list"), {"date_before": DAY, "page": 2})
    before = (DAY - datetime.timedelta(days=1)).isoformat()
    assert older_link(response) == f"/reviews/?date_before={before}"


def test_home_and_subject_pages_go_on_in_the_story_and_review_lists(client):
    reviews_over_days(7)
    expected_day = (DAY - datetime.timedelta(days=3)).isoformat()
    home = client.get(reverse("reviews:home"), {"page": 2})
    assert older_link(home) == f"/reviews/?date_before={expected_day}"
    tag = client.get(reverse("reviews:tag-detail", args=["ports"]), {"page": 2})
    assert older_link(tag) == f"/stories/?tag=ports&date_before={expected_day}"


def test_a_list_that_fits_in_the_range_has_no_date_jump(client):
    reviews_over_days(4)
    response = client.get(reverse("reviews:review-list"), {"page": 2})
    assert response.status_code == 200
    assert "Page 2 of 2" in response.text
    assert older_link(response) is None
