import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from reviews.models import Review, Story, published_tags
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)

pytestmark = pytest.mark.django_db


class TestConstraints:
    def test_two_reviews_of_the_same_date_cannot_share_a_slug(self):
        ReviewFactory(slug="port-strike", review_date=datetime.date(2026, 3, 3))
        with pytest.raises(IntegrityError), transaction.atomic():
            ReviewFactory(slug="port-strike", review_date=datetime.date(2026, 3, 3))

    def test_reviews_of_different_dates_may_share_a_slug(self):
        ReviewFactory(slug="port-strike", review_date=datetime.date(2026, 3, 3))
        ReviewFactory(slug="port-strike", review_date=datetime.date(2026, 3, 4))
        assert Review.objects.filter(slug="port-strike").count() == 2

    def test_two_stories_of_a_review_cannot_share_a_position(self):
        story = StoryFactory(position=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            StoryFactory(review=story.review, position=1)

    def test_the_same_position_is_fine_in_another_review(self):
        StoryFactory(position=1)
        StoryFactory(position=1)
        assert Story.objects.filter(position=1).count() == 2

    def test_status_outside_the_workflow_is_refused_by_the_database(self):
        review = ReviewFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Review.objects.filter(pk=review.pk).update(status="archived")

    def test_a_published_review_needs_a_publish_time(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            ReviewFactory(status=Review.Status.PUBLISHED, publish_at=None)

    def test_an_expert_is_cited_once_per_story(self):
        citation = CitationFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            CitationFactory(story=citation.story, expert=citation.expert)

    def test_a_review_without_slug_gets_one_from_its_title_unique_for_its_date(self):
        day = datetime.date(2026, 3, 3)
        first = ReviewFactory(title="Press review: Rates on hold", slug="", review_date=day)
        second = ReviewFactory(title="Press review: Rates on hold", slug="", review_date=day)
        assert first.slug == "press-review-rates-on-hold"
        assert second.slug == "press-review-rates-on-hold-2"


class TestPublished:
    """`Review.objects.published()` is the one definition of what readers see."""

    @pytest.fixture
    def reviews(self, time_machine):
        time_machine.move_to(NOON, tick=False)
        hour = datetime.timedelta(hours=1)
        return {
            "published": ReviewFactory(publish_at=NOON - hour),
            "published_this_second": ReviewFactory(publish_at=NOON),
            "draft": ReviewFactory(draft=True),
            "in_review": ReviewFactory(in_review=True),
            "withdrawn": ReviewFactory(withdrawn=True, publish_at=NOON - hour),
            "scheduled": ReviewFactory(publish_at=NOON + hour),
        }

    def test_only_published_reviews_whose_time_has_come_are_public(self, reviews):
        public = set(Review.objects.published())
        assert public == {reviews["published"], reviews["published_this_second"]}

    def test_is_published_agrees_with_the_queryset(self, reviews):
        for review in reviews.values():
            assert review.is_published() == Review.objects.published().filter(pk=review.pk).exists()

    def test_scheduled_review_is_hidden_until_its_time(self, reviews, time_machine):
        scheduled = reviews["scheduled"]
        assert not Review.objects.published().filter(pk=scheduled.pk).exists()
        time_machine.move_to(scheduled.publish_at, tick=False)
        assert Review.objects.published().filter(pk=scheduled.pk).exists()

    def test_stories_experts_outlets_and_tags_follow_their_review(self, reviews):
        public = CitationFactory(story__review=reviews["published"])
        public.story.tags.set(["harbours"])
        for name in ["draft", "in_review", "withdrawn", "scheduled"]:
            hidden = CitationFactory(story__review=reviews[name])
            hidden.story.tags.set([f"only-{name}"])

        assert list(Story.objects.published()) == [public.story]
        assert [e.pk for e in type(public.expert).objects.published()] == [public.expert.pk]
        assert [o.pk for o in type(public.story.outlet).objects.published()] == [
            public.story.outlet.pk
        ]
        assert [tag.name for tag in published_tags()] == ["harbours"]


def test_tags_are_case_insensitive(db):
    first, second = StoryFactory(), StoryFactory()
    first.tags.add("Sanctions")
    second.tags.add("sanctions")
    assert first.tags.get() == second.tags.get()


def test_dateline_shows_the_city_and_the_date_of_the_papers(db):
    review = ReviewFactory(dateline_city="Lisbon", review_date=datetime.date(2026, 3, 3))
    assert review.dateline == "LISBON, March 3"


def test_disclaimer_falls_back_to_the_site_wide_text(db, settings):
    settings.PRESSREVIEW_DISCLAIMER = "Site-wide words."
    assert ReviewFactory(disclaimer="").effective_disclaimer == "Site-wide words."
    assert ReviewFactory(disclaimer="Our own words.").effective_disclaimer == "Our own words."


def test_review_url_carries_the_review_date_and_slug(db):
    review = ReviewFactory(review_date=datetime.date(2026, 3, 3), slug="rates-on-hold")
    assert review.get_absolute_url() == "/reviews/2026/03/03/rates-on-hold/"
    assert timezone.is_aware(review.publish_at)


@pytest.mark.once  # builds no row: the same on every database
@pytest.mark.parametrize(
    ("language", "city", "printed"),
    [("en", "Lisbon", "LISBON, December 4"), ("ru", "Варшава", "ВАРШАВА, 4 декабря")],
)
def test_the_dateline_is_printed_in_the_review_s_language(language, city, printed):
    review = Review(language=language, dateline_city=city, review_date=datetime.date(2026, 12, 4))
    assert review.dateline == printed
