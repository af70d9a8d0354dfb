"""Every public page runs a number of SQL queries that does not grow with what it shows.

Each page is measured with one item and with a full page of items, against the same bound.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from reviews.models import Review, Story
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.content import publish_reviews
from tests.support.factories import CitationFactory

pytestmark = pytest.mark.django_db

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
    "outlets": (lambda: reverse("reviews:outlet-list"), 3),
    "outlet": (lambda: reverse("reviews:outlet-detail", args=["courier"]), 10),
    "experts": (lambda: reverse("reviews:expert-list"), 4),
    "expert": (lambda: reverse("reviews:expert-detail", args=["rui-costa"]), 6),
    "tags": (lambda: reverse("reviews:tag-list"), 3),
    "tag": (lambda: reverse("reviews:tag-detail", args=["ports"]), 10),
    "search": (lambda: reverse("reviews:search") + "?q=dockers", 10),
    "trends": (lambda: reverse("reviews:trends"), 3),
    "trends, a chosen period": (
        lambda: reverse("reviews:trends") + "?date_after=2026-01-01&date_before=2026-03-31",
        3,
    ),
    "rss": (lambda: reverse("reviews:review-feed-rss"), 4),
    "atom": (lambda: reverse("reviews:review-feed-atom"), 4),
    "outlet feed": (lambda: reverse("reviews:outlet-feed", args=["courier"]), 5),
    "expert feed": (lambda: reverse("reviews:expert-feed", args=["rui-costa"]), 5),
    "tag feed": (lambda: reverse("reviews:tag-feed", args=["ports"]), 5),
    "sitemap": (lambda: reverse("sitemap"), 20),  # ten for each of the two languages
    **{
        f"sitemap of {section}": (lambda s=section: reverse("sitemap-section", args=[s]), 3)
        for section in ("pages", "reviews", "outlets", "experts", "tags")
    },
}


@pytest.mark.parametrize("items", [1, 20], ids=["one item", "full page"])
@pytest.mark.parametrize("page", PAGES)
def test_public_page_query_count_does_not_grow(client, django_assert_max_num_queries, page, items):
    publish_reviews(items)
    path, bound = PAGES[page]
    with django_assert_max_num_queries(bound):
        response = client.get(path())
    assert response.status_code == 200


@pytest.mark.parametrize("items", [1, 20], ids=["one item", "full page"])
def test_the_russian_search_page_query_count_does_not_grow(
    client, django_assert_max_num_queries, items
):
    """/ru/search/ over Russian editions, a word in another form than the stories': as the
    English search page."""
    reviews = publish_reviews(items)
    Review.objects.filter(pk__in=[review.pk for review in reviews]).update(language="ru")
    Story.objects.filter(review__in=reviews).update(headline="Докеры снова бастуют")
    with translation.override("ru"):
        path = reverse("reviews:search") + "?q=докеров"
    with django_assert_max_num_queries(PAGES["search"][1]):
        response = client.get(path)
    assert response.status_code == 200
    assert len(response.context["stories"]) == min(2 * items, 20)


@pytest.mark.parametrize("stories", [1, 6])
def test_review_detail_query_count_does_not_grow(client, django_assert_max_num_queries, stories):
    reviews = publish_reviews(3)
    review = reviews[1]
    for position in range(3, stories + 3):
        citation = CitationFactory(story__review=review, story__position=position)
        citation.story.tags.set(["ports", f"detail-{position}"])
    with django_assert_max_num_queries(7):
        assert client.get(review.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("items", [1, 6], ids=["one edition", "several"])
@pytest.mark.parametrize("section", ["pages", "reviews", "outlets", "experts", "tags"])
def test_russian_sitemap_section_query_count_does_not_grow(
    client, editor, django_assert_max_num_queries, section, items
):
    """A Russian section, its URLs' English equivalents included, in a fixed few queries."""
    for review in publish_reviews(items):
        edition = edition_create(source=review, language="ru", by=editor)
        workflow.review_publish(review=edition, by=editor)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("sitemap-section", args=[f"{section}-ru"]))
    assert response.status_code == 200
    assert b'hreflang="en"' in response.content
