"""Each API endpoint runs a number of SQL queries that does not grow with the page size.

Every list is measured at page size 1 and 100, on its first page and on the page after (which
also asks whether a page comes before): the counts must be equal, and within a bound.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import EditionGroup
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)
ITEMS = 101  # a full page of 100, and one more for a next page

FILTERED = "outlet=courier&tag=ports&expert=rui-costa&section=politics&date_after=2000-01-01"

# list name -> (query string, bound on a first page). A filtered list adds the FilterSet's
# queries: one per filter to check its value, as on the pages.
LISTS = {
    "reviews": ("", 5),
    "reviews, filtered": (FILTERED + "&q=dockers&ordering=date", 11),
    "stories": ("", 3),
    "stories, filtered": (FILTERED + "&q=dockers", 9),
    "outlets": ("", 2),
    "experts": ("", 2),
    "tags": ("", 2),
    "sections": ("", 2),
}
LIST_URLS = {"reviews, filtered": "reviews", "stories, filtered": "stories"}


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


@pytest.fixture
def many():
    """ITEMS reviews in one section, with two stories each, each story tagged and citing an
    expert: one outlet, expert and tag of its own, and shared ones; each with a Russian
    edition, published or (every third) a draft; and ITEMS more reviews without stories,
    each in a section of its own."""
    politics = SectionFactory(slug="politics")
    courier = OutletFactory(slug="courier")
    costa = ExpertFactory(slug="rui-costa")
    for number in range(ITEMS):
        group = EditionGroup.objects.create()
        review = ReviewFactory(
            section=politics,
            review_date=DAY - datetime.timedelta(days=number),
            edition_group=group,
        )
        ReviewFactory(
            language="ru",
            section=politics,
            edition_group=group,
            review_date=review.review_date,
            draft=number % 3 == 2,
        )
        shared = StoryFactory(
            review=review, position=1, outlet=courier, headline="Dockers strike on", tags=["ports"]
        )
        CitationFactory(story=shared, expert=costa)
        own = StoryFactory(review=review, position=2, outlet=OutletFactory(), tags=[f"t{number}"])
        CitationFactory(story=own, expert=ExpertFactory())
    for number in range(ITEMS):
        ReviewFactory(review_date=DAY - datetime.timedelta(days=ITEMS + number))


def count_queries(client, url) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(queries), response.json()


def test_list_query_count_does_not_grow_with_the_page_size(client, many):
    """The same number of queries for a page of 1 and of 100, first page or next, bounded."""
    for name, (query, bound) in LISTS.items():
        counts = {}
        for page_size in (1, 100):
            url = f"{reverse('api-v1:' + LIST_URLS.get(name, name))}?page_size={page_size}"
            counts[page_size], first = count_queries(client, f"{url}&{query}" if query else url)
            assert len(first["results"]) == page_size and first["next"], name
            counts[page_size, "next"], _ = count_queries(client, first["next"])
        assert counts[1] == counts[100] <= bound, (name, counts)
        # A page after the first also asks whether one comes before it: one query more.
        assert counts[1, "next"] == counts[100, "next"] == counts[1] + 1, (name, counts)


def test_detail_query_counts_are_bounded(client, django_assert_max_num_queries, many):
    review = ReviewFactory(
        review_date=DAY, slug="many-stories", edition_group=EditionGroup.objects.create()
    )
    ReviewFactory(review_date=DAY, language="ru", edition_group=review.edition_group)
    for position in range(1, 31):
        citation = CitationFactory(story__review=review, story__position=position)
        citation.story.tags.set(["ports", f"detail-{position}"])
    story = review.stories.first()
    details = {
        "review": (reverse("api-v1:review-detail", kwargs={"review_id": review.pk}), 5),
        "review by date": (
            reverse(
                "api-v1:review-by-date",
                kwargs={"year": 2026, "month": 3, "day": 3, "slug": "many-stories"},
            ),
            5,
        ),
        "story": (reverse("api-v1:story-detail", kwargs={"story_id": story.pk}), 3),
        "outlet": (reverse("api-v1:outlet-detail", kwargs={"slug": "courier"}), 2),
        "expert": (reverse("api-v1:expert-detail", kwargs={"slug": "rui-costa"}), 2),
        "tag": (reverse("api-v1:tag-detail", kwargs={"slug": "ports"}), 2),
        "section": (reverse("api-v1:section-detail", kwargs={"slug": "politics"}), 2),
    }
    for name, (url, bound) in details.items():
        with django_assert_max_num_queries(bound, info=name):
            assert client.get(url).status_code == 200, name
