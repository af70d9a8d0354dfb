"""What keeps pages fast at archive scale, checked on small data: the content generator,
pagination without full counts, filter shortlists, bounded related reviews, search vectors.

Timings are the benchmark's business (make bench); these tests check behaviour.
"""

import datetime
import re
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.demo.generator import generate_content
from reviews.finding import search, search_postgresql, shortlists
from reviews.models import Citation, Expert, Review, Story, TaggedStory
from reviews.site import paginators
from reviews.site.views import ReviewDetailView
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

needs_postgresql = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="PostgreSQL only (planner, full-text search): runs in CI's PostgreSQL pass",
)


# The content generator


def test_generate_content_makes_reviews_of_four_to_eight_stories_with_citations_and_tags():
    report = generate_content(reviews=60, per_day=3, today=datetime.date(2026, 3, 3))
    assert Review.objects.count() == 60 == report.counts["reviews"]
    per_review = [review.stories.count() for review in Review.objects.all()]
    assert min(per_review) >= 4 and max(per_review) <= 8
    assert Citation.objects.count() >= Story.objects.count() * 0.9
    assert TaggedStory.objects.count() >= Story.objects.count() * 2
    assert Review.objects.filter(review_date=datetime.date(2026, 3, 3)).count() == 3
    assert Review.objects.earliest("review_date").review_date == datetime.date(2026, 2, 12)


def test_generated_archive_holds_drafts_and_a_scheduled_review_among_the_published():
    generate_content(reviews=200)
    assert Review.objects.scheduled().exists()
    assert Review.objects.filter(status=Review.Status.DRAFT).exists()
    assert Review.objects.published().count() >= 150


def test_generated_content_is_the_same_for_the_same_seed_and_day():
    day = datetime.date(2026, 3, 3)
    generate_content(reviews=5, today=day, seed=7)
    first = list(Review.objects.order_by("pk").values_list("title", "review_date"))
    Review.objects.all().delete()
    generate_content(reviews=5, today=day, seed=7)
    assert list(Review.objects.order_by("pk").values_list("title", "review_date")) == first


def test_generating_again_appends_without_clashing_slugs():
    day = datetime.date(2026, 3, 3)
    generate_content(reviews=8, today=day)
    generate_content(reviews=8, today=day)
    assert Review.objects.count() == 16
    # The sequences moved on: ordinary saves still work.
    assert ReviewFactory().pk > 16
    assert (
        StoryFactory().pk > Story.objects.exclude(pk=Story.objects.latest("pk").pk).latest("pk").pk
    )


def test_generated_tags_are_long_tailed():
    generate_content(reviews=150)
    uses = sorted(
        (
            TaggedStory.objects.filter(tag_id=tag_id).count()
            for tag_id in TaggedStory.objects.values_list("tag_id", flat=True).distinct()
        ),
        reverse=True,
    )
    assert uses[0] > 20 * uses[len(uses) // 2] or uses[len(uses) // 2] <= 2


def test_the_command_reports_what_it_made(capsys):
    call_command("generate_content", "--reviews", "3")
    captured = capsys.readouterr()
    assert "Generated 3 reviews" in captured.out
    assert "3/3" in captured.err


def test_generated_reviews_are_visible_at_once_on_a_cached_page():
    reader = Client()
    assert "Press review:" not in reader.get(reverse("reviews:home")).text
    generate_content(reviews=3)
    assert "Press review:" in reader.get(reverse("reviews:home")).text


@needs_postgresql
def test_the_database_fills_the_search_vectors_however_rows_are_written():
    generate_content(reviews=2)
    assert not Story.objects.filter(search_vector__isnull=True).exists()
    assert not Review.objects.filter(search_vector__isnull=True).exists()
    story = Story.objects.first()
    Story.objects.filter(pk=story.pk).update(body="Zebras graze by the harbour.")
    assert Story.objects.filter(pk=story.pk, search_vector="zebra").exists()


# Pagination without counting everything


def test_short_lists_are_counted_exactly():
    ReviewFactory.create_batch(3)
    paginator = paginators.CappedCountPaginator(Review.objects.order_by("pk"), 2)
    assert paginator.count == 3
    assert not paginator.count_is_estimate
    assert paginator.num_pages == 2


def test_long_lists_are_estimated_and_say_so(client):
    """Past the cap the count comes from the planner; the page says "about"."""
    for number in range(5):
        ReviewFactory(review_date=datetime.date(2026, 3, 1) - datetime.timedelta(days=number))
    with (
        mock.patch.object(paginators.CappedCountPaginator, "count_cap", 2),
        mock.patch.object(paginators, "estimated_count", return_value=4321),
    ):
        response = client.get(reverse("reviews:review-list"))
    assert "About 4300 reviews" in response.text


def test_an_estimate_short_of_the_truth_loses_no_page():
    for number in range(5):
        ReviewFactory(review_date=datetime.date(2026, 3, 1) - datetime.timedelta(days=number))
    with (
        mock.patch.object(paginators.CappedCountPaginator, "count_cap", 1),
        mock.patch.object(paginators, "estimated_count", return_value=2),
    ):
        paginator = paginators.CappedCountPaginator(Review.objects.order_by("pk"), 2)
        pages = [paginator.page(1), paginator.page(2), paginator.page(3)]
        assert [len(page) for page in pages] == [2, 2, 1]
        assert [page.has_next() for page in pages] == [True, True, False]
        with pytest.raises(paginators.EmptyPage):
            paginator.page(4)


@pytest.mark.parametrize("list_name", ["reviews:home", "reviews:review-list", "reviews:story-list"])
def test_a_page_far_past_an_estimated_end_is_not_found(client, list_name):
    """Not an offset the database cannot hold (a 500 on PostgreSQL): a plain 404."""
    for number in range(5):
        StoryFactory(review__review_date=datetime.date(2026, 3, 1) - datetime.timedelta(number))
    with (
        mock.patch.object(paginators.CappedCountPaginator, "count_cap", 2),
        mock.patch.object(paginators, "estimated_count", return_value=4321),
    ):
        for page in ["99999999999999999999", str(2**40), "9999999"]:
            assert client.get(reverse(list_name), {"page": page}).status_code == 404, page


@needs_postgresql
def test_the_estimate_comes_from_the_planner():
    ReviewFactory.create_batch(3)
    assert paginators.estimated_count(Review.objects.all()) >= 1


def test_estimates_are_rounded_so_as_not_to_look_exact():
    assert paginators.round_roughly(598_734) == 600_000
    assert paginators.round_roughly(1234) == 1200
    assert paginators.round_roughly(87) == 87


def test_admin_lists_do_not_count_the_whole_table(client, editor):
    ReviewFactory.create_batch(3)
    client.force_login(editor)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 200
    assert isinstance(response.context["cl"].paginator, paginators.CappedCountPaginator)
    counts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT COUNT(")]
    assert counts, "the list is counted, up to the cap"
    assert all("LIMIT" in sql.upper() for sql in counts), counts


# Shortlists in the filter form


def test_the_filter_form_offers_a_shortlist_but_accepts_any_published_tag(client):
    review = ReviewFactory()
    StoryFactory(review=review, tags=["ports", "rail", "drought"])
    older = ReviewFactory(review_date=review.review_date - datetime.timedelta(days=1))
    StoryFactory(review=older, tags=["rare-one"])
    with mock.patch.object(shortlists, "TAGS_SHOWN", 2):
        page = client.get(reverse("reviews:story-list")).text
        filtered = client.get(reverse("reviews:story-list"), {"tag": "rare-one"})
    assert page.count('name="tag"') == 2
    assert filtered.status_code == 200
    assert re.search(r'<input[^>]*value="rare-one"[^>]*checked', filtered.text)


def test_the_expert_shortlist_keeps_the_chosen_expert(client):
    often = CitationFactory(expert__name="Ana Often").expert
    CitationFactory(expert=often)
    # Cited less and created later: on the shortlist of one only because it was chosen.
    chosen = CitationFactory(expert__name="Zora Chosen", expert__slug="zora-chosen").expert
    with mock.patch.object(shortlists, "EXPERTS_SHOWN", 1):
        response = client.get(reverse("reviews:review-list"), {"expert": "zora-chosen"})
    assert response.status_code == 200
    assert f'value="{chosen.slug}" selected' in response.text


# Related reviews nearby in time


def test_related_reviews_are_drawn_from_nearby_stories(client):
    review = ReviewFactory(review_date=datetime.date(2026, 3, 3))
    StoryFactory(review=review, tags=["ports"])
    near = ReviewFactory(title="Press review: Near in time", review_date=datetime.date(2026, 3, 2))
    StoryFactory(review=near, tags=["ports"])
    for _ in range(4):
        StoryFactory(tags=["filler"])
    far = ReviewFactory(title="Press review: Far in time", review_date=datetime.date(2026, 3, 1))
    StoryFactory(review=far, tags=["ports"])
    with mock.patch.object(ReviewDetailView, "related_window", 3):
        page = client.get(review.get_absolute_url()).text
    assert "Near in time" in page
    assert "Far in time" not in page


# Search at scale


def test_search_says_more_than_when_only_the_newest_matches_are_ranked(client):
    for number in range(3):
        StoryFactory(
            review__review_date=datetime.date(2026, 3, 1) - datetime.timedelta(days=number),
            headline=f"Dockers strike again, day {number}",
            review__title=f"Press review: dockers out, day {number}",
        )
    with mock.patch.object(search, "RANKED_MATCHES", 2):
        response = client.get(reverse("reviews:search"), {"q": "dockers"})
    assert "More than 2 stories match" in response.text
    assert "More than 2 reviews match" in response.text


@needs_postgresql
def test_a_common_word_filters_the_list_by_walking_it():
    for number in range(3):
        StoryFactory(
            review__review_date=datetime.date(2026, 3, 1) - datetime.timedelta(days=number),
            headline=f"Dockers strike again, day {number}",
        )
    with mock.patch.object(search_postgresql, "COMMON_MATCHES", 2):
        common = search.search_stories(Story.objects.all(), "dockers")
        assert "IN (SELECT" not in str(common.query)
        assert common.count() == 3
    rare = search.search_stories(Story.objects.all(), "dockers")
    assert rare.count() == 3


def test_experts_are_listed_with_their_published_citations_only(client):
    expert = CitationFactory(expert__name="Counted Expert").expert
    CitationFactory(expert=expert, story__review=ReviewFactory(draft=True))
    CitationFactory(expert=expert)
    page = client.get(reverse("reviews:expert-list")).text
    assert "quoted 2 times" in page
    assert Expert.objects.published().count() == 1


def test_generate_content_refuses_more_reviews_than_the_calendar_holds():
    with pytest.raises(CommandError, match="would go back before year 1"):
        call_command("generate_content", reviews=100_000_000, per_day=1)
    assert not Review.objects.exists() and not Expert.objects.exists()
