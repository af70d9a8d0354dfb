"""Published content the public pages' tests read: reviews about one outlet, expert and tag."""

import datetime

from reviews.models import Review, Story
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

DAY = datetime.date(2026, 3, 3)


def publish_reviews(count: int) -> list[Review]:
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


def publish_edition(source: Review, *, by, title: str, headline: str, language="ru") -> Review:
    """`source`'s edition in `language`, "translated" (its title, every headline) and
    published by `by`."""
    edition = edition_create(source=source, language=language, by=by)
    Review.objects.filter(pk=edition.pk).update(title=title)
    Story.objects.filter(review=edition).update(headline=headline)
    workflow.review_publish(review=Review.objects.get(pk=edition.pk), by=by)
    return Review.objects.get(pk=edition.pk)
