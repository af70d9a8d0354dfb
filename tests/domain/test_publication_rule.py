"""Every other way of saying "public" agrees with `published()`, for every status and time.

`unpublished_q()` is written for the status index rather than as `~published_q()`, and
`is_published()` / `is_scheduled()` decide without a query: each is checked here against
`published()` over every status and publish time (past, this very moment, future, none).
"""

import datetime

from django.test import TestCase

from reviews.models import Review, ReviewQuerySet, Story
from tests.support.factories import ReviewFactory, StoryFactory

NOW = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
TIMES = {"past": NOW - HOUR, "now": NOW, "future": NOW + HOUR, "none": None}
PUBLISHED = Review.Status.PUBLISHED


def pks(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


class TestEveryStatusAndPublishTime(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviews = {}
        for status in Review.Status.values:
            for when, publish_at in TIMES.items():
                if status == PUBLISHED and publish_at is None:
                    continue  # the database refuses it (test_models.TestConstraints)
                review = ReviewFactory(status=status, publish_at=publish_at)
                StoryFactory(review=review)
                cls.reviews[status, when] = review

    def test_every_status_meets_every_publish_time_the_database_allows(self):
        assert len(self.reviews) == len(Review.Status.values) * len(TIMES) - 1
        assert Review.objects.count() == len(self.reviews)

    def test_public_means_published_and_its_time_has_come(self):
        public = pks(Review.objects.published(now=NOW))
        assert public == {self.reviews[PUBLISHED, "past"].pk, self.reviews[PUBLISHED, "now"].pk}

    def test_unpublished_q_is_the_exact_complement_of_published(self):
        public = pks(Review.objects.published(now=NOW))
        hidden = pks(Review.objects.filter(ReviewQuerySet.unpublished_q(now=NOW)))
        assert public.isdisjoint(hidden)
        assert public | hidden == pks(Review.objects.all())

    def test_unpublished_q_is_the_exact_complement_across_a_relation(self):
        public = pks(Story.objects.published(now=NOW))
        hidden = pks(Story.objects.filter(ReviewQuerySet.unpublished_q(prefix="review__", now=NOW)))
        assert public.isdisjoint(hidden)
        assert public | hidden == pks(Story.objects.all())

    def test_is_published_agrees_with_published(self):
        public = pks(Review.objects.published(now=NOW))
        for case, review in self.reviews.items():
            assert review.is_published(now=NOW) == (review.pk in public), case

    def test_scheduled_is_published_by_status_but_not_public_yet(self):
        scheduled = pks(Review.objects.scheduled(now=NOW))
        by_status = pks(Review.objects.filter(status=PUBLISHED))
        assert scheduled == by_status - pks(Review.objects.published(now=NOW))
        assert scheduled == {self.reviews[PUBLISHED, "future"].pk}
        for case, review in self.reviews.items():
            assert review.is_scheduled(now=NOW) == (review.pk in scheduled), case
