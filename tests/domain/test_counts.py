"""The outlet, tag and expert counts readers see stay exactly right through every write."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from reviews.counts import published_counts, recount
from reviews.models import Review, Story, SubjectCount
from reviews.publishing import workflow
from reviews.vocabulary import moderation
from tests.support import direct_tallies
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db


def counted_from_the_content(kind: str) -> dict[int, int]:
    """The same counts, the slow way: every public use, through Review.published()."""
    return direct_tallies.published_counts(kind)


def assert_counts_right() -> None:
    for kind in ("outlet", "tag", "expert"):
        assert published_counts(kind) == counted_from_the_content(kind), kind


@pytest.fixture
def archive():
    """Two published reviews sharing an outlet, a tag and an expert, and a draft."""
    outlet, expert = OutletFactory(), ExpertFactory()
    reviews = [ReviewFactory(), ReviewFactory(), ReviewFactory(draft=True)]
    stories = [StoryFactory(review=review, outlet=outlet, tags=["Strikes"]) for review in reviews]
    for story in stories:
        CitationFactory(story=story, expert=expert)
    return reviews, stories, outlet, expert


def test_counts_only_published_stories(archive):
    _reviews, _stories, outlet, expert = archive
    assert published_counts("outlet") == {outlet.pk: 2}
    assert published_counts("expert") == {expert.pk: 2}
    assert_counts_right()


def test_publishing_a_draft_counts_its_stories(archive, superuser):
    reviews, _stories, outlet, _expert = archive
    workflow.review_publish(review=reviews[2], by=superuser)
    assert published_counts("outlet")[outlet.pk] == 3
    assert_counts_right()


def test_withdrawing_a_review_uncounts_its_stories(archive, superuser):
    reviews, _stories, outlet, _expert = archive
    workflow.review_withdraw(review=reviews[0], by=superuser)
    assert published_counts("outlet")[outlet.pk] == 1
    assert_counts_right()
    workflow.review_to_draft(review=reviews[0], by=superuser)
    assert_counts_right()


def test_a_scheduled_review_counts_from_its_time_without_any_write(archive, superuser):
    reviews, _stories, outlet, _expert = archive
    at = timezone.now() + datetime.timedelta(hours=2)
    workflow.review_schedule(review=reviews[2], by=superuser, at=at)
    assert published_counts("outlet")[outlet.pk] == 2
    assert_counts_right()
    with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
        assert published_counts("outlet")[outlet.pk] == 3
        assert_counts_right()


def test_a_subject_used_only_by_a_scheduled_review_is_not_listed():
    story = StoryFactory(review=ReviewFactory(scheduled=True), tags=["Embargo"])
    assert published_counts("outlet") == {}
    assert published_counts("tag") == {}
    with time_machine.travel(story.review.publish_at + datetime.timedelta(seconds=1)):
        assert published_counts("outlet") == {story.outlet_id: 1}


def test_retagging_moves_the_counts(archive, superuser):
    _reviews, stories, _outlet, _expert = archive
    moderation.story_set_tags(story=stories[0], names=["Ports", "Unions"], by=superuser)
    assert_counts_right()
    moderation.stories_add_tag(stories=stories, name="Ports", by=superuser)
    assert_counts_right()
    ports = moderation.find_tag("Ports")
    moderation.stories_remove_tag(stories=stories[:2], tag=ports, by=superuser)
    assert_counts_right()


def test_merging_tags_and_experts_moves_the_counts(archive, superuser):
    _reviews, stories, _outlet, expert = archive
    moderation.story_set_tags(story=stories[0], names=["Strikes", "Walkouts"], by=superuser)
    moderation.story_set_tags(story=stories[1], names=["Walkouts"], by=superuser)
    moderation.tags_merge(
        tags=[moderation.find_tag("Walkouts")], into=moderation.find_tag("Strikes"), by=superuser
    )
    assert_counts_right()
    other = ExpertFactory()
    CitationFactory(story=stories[0], expert=other)
    CitationFactory(story=stories[1], expert=other, quote="")
    moderation.experts_merge(experts=[other], into=expert, by=superuser)
    assert published_counts("expert") == {expert.pk: 2}
    assert_counts_right()


def test_moving_and_deleting_stories_and_reviews_keeps_counts_right(archive):
    reviews, stories, _outlet, _expert = archive
    stories[0].outlet = OutletFactory()
    stories[0].save()
    assert_counts_right()
    Story.objects.filter(pk=stories[1].pk).update(review=reviews[2], position=99)
    assert_counts_right()
    stories[0].delete()
    assert_counts_right()
    reviews[1].delete()
    assert_counts_right()
    Review.objects.all().delete()
    assert_counts_right()
    assert not SubjectCount.objects.exclude(uses=0).exists()


def test_recount_rebuilds_what_the_triggers_keep(archive):
    kept = sorted(
        SubjectCount.objects.exclude(uses=0).values_list("kind", "language", "subject_id", "uses")
    )
    SubjectCount.objects.all().delete()
    recount()
    rebuilt = sorted(SubjectCount.objects.values_list("kind", "language", "subject_id", "uses"))
    assert rebuilt == kept


def test_generated_archive_is_counted(settings):
    """Bulk inserts (the generator) send no signal: the triggers count them anyway."""
    call_command("generate_content", reviews=6, seed=3, verbosity=0)
    assert published_counts("tag")
    assert_counts_right()


def test_tag_and_outlet_pages_show_the_kept_counts(client, archive, superuser):
    _reviews, _stories, outlet, _expert = archive
    page = client.get(reverse("reviews:outlet-list")).content.decode()
    assert outlet.name in page
    workflow.review_withdraw(review=_reviews[0], by=superuser)
    workflow.review_withdraw(review=_reviews[1], by=superuser)
    assert outlet.name not in client.get(reverse("reviews:outlet-list")).content.decode()
    assert "Strikes" not in client.get(reverse("reviews:tag-list")).content.decode()
