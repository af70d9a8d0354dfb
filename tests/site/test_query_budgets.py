"""Every public page runs a number of SQL queries that does not grow with what it shows.

Each page is measured with one item and with a full page of items, against the same bound.
"""

import datetime

import pytest
from django.urls import reverse

from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)

# page name -> (path, query bound)
PAGES = {
    "home": (lambda: reverse("reviews:home"), 5),
    "review list": (lambda: reverse("reviews:review-list"), 8),
    "review list, filtered": (
        lambda: (
            reverse("reviews:review-list")
            + "?outlet=courier&tag=ports&expert=rui-costa&section=politics&date_after=2026-01-01"
        ),
        12,
    ),
    "story list": (lambda: reverse("reviews:story-list"), 10),
    "story list, filtered": (
        lambda: reverse("reviews:story-list") + "?outlet=courier&tag=ports&q=dockers",
        14,
    ),
    "year archive": (lambda: reverse("reviews:review-year", args=[2026]), 6),
    "month archive": (lambda: reverse("reviews:review-month", args=[2026, 3]), 6),
    "day archive": (lambda: reverse("reviews:review-day", args=[2026, 3, 3]), 7),
    "outlets": (lambda: reverse("reviews:outlet-list"), 2),
    "outlet": (lambda: reverse("reviews:outlet-detail", args=["courier"]), 7),
    "experts": (lambda: reverse("reviews:expert-list"), 3),
    "expert": (lambda: reverse("reviews:expert-detail", args=["rui-costa"]), 4),
    "tags": (lambda: reverse("reviews:tag-list"), 2),
    "tag": (lambda: reverse("reviews:tag-detail", args=["ports"]), 7),
    "search": (lambda: reverse("reviews:search") + "?q=dockers", 10),
    "rss": (lambda: reverse("reviews:review-feed-rss"), 5),
    "atom": (lambda: reverse("reviews:review-feed-atom"), 5),
    "outlet feed": (lambda: reverse("reviews:outlet-feed", args=["courier"]), 5),
    "expert feed": (lambda: reverse("reviews:expert-feed", args=["rui-costa"]), 5),
    "tag feed": (lambda: reverse("reviews:tag-feed", args=["ports"]), 5),
    "sitemap": (lambda: reverse("sitemap"), 10),
}


def publish(count):
    """`count` published reviews, each with two stories by one outlet quoting one expert."""
    first = CitationFactory(
        story__review__review_date=DAY,
        story__review__section__slug="politics",
        story__outlet__slug="courier",
        story__headline="Dockers strike on",
        story__tags=["ports", "labour"],
        expert__slug="rui-costa",
    )
    section, outlet, expert = first.story.review.section, first.story.outlet, first.expert
    reviews = [first.story.review]
    for number in range(1, count):
        review = ReviewFactory(section=section, review_date=DAY - datetime.timedelta(days=number))
        story = StoryFactory(
            review=review, outlet=outlet, headline="Dockers strike on", tags=["ports", f"t{number}"]
        )
        CitationFactory(story=story, expert=expert)
        reviews.append(review)
    for review in reviews:
        story = StoryFactory(review=review, outlet=outlet, tags=["ports", "labour"])
        CitationFactory(story=story)
    return reviews


@pytest.mark.parametrize("items", [1, 20], ids=["one item", "full page"])
@pytest.mark.parametrize("page", PAGES)
def test_public_page_query_count_does_not_grow(client, django_assert_max_num_queries, page, items):
    publish(items)
    path, bound = PAGES[page]
    with django_assert_max_num_queries(bound):
        response = client.get(path())
    assert response.status_code == 200


@pytest.mark.parametrize("stories", [1, 6])
def test_review_detail_query_count_does_not_grow(client, django_assert_max_num_queries, stories):
    reviews = publish(3)
    review = reviews[1]
    for position in range(3, stories + 3):
        citation = CitationFactory(story__review=review, story__position=position)
        citation.story.tags.set(["ports", f"detail-{position}"])
    with django_assert_max_num_queries(9):
        assert client.get(review.get_absolute_url()).status_code == 200
