"""The full-text indexes follow the content however it is written (reviews/fulltext.py):
PostgreSQL's stored vectors and SQLite's FTS5 tables alike, seen through search."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from reviews.finding.search import search_reviews, search_stories
from reviews.fulltext import FTS5_INDEXES, TRIGGER_EVENTS
from reviews.models import Review, Story
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's FTS5 tables: PostgreSQL has none"
)


def found_stories(text):
    return list(search_stories(Story.objects.all(), text).values_list("headline", flat=True))


def test_search_follows_saves_updates_and_deletes_of_stories():
    story = StoryFactory(headline="Zebras graze", body="By the canal.")
    assert found_stories("zebra") == ["Zebras graze"]

    story.headline = "Giraffes graze"
    story.save()
    assert found_stories("zebra") == []
    assert found_stories("giraffe") == ["Giraffes graze"]

    Story.objects.filter(pk=story.pk).update(body="Near the lighthouse.")
    assert found_stories("canal") == []
    assert found_stories("lighthouse") == ["Giraffes graze"]

    story.delete()
    assert found_stories("giraffe") == []


def test_search_follows_bulk_writes_and_raw_sql():
    review = ReviewFactory()
    Story.objects.bulk_create(
        Story(
            review=review,
            outlet=StoryFactory(review=review).outlet,
            position=number,
            headline=f"Orchard report {number}",
            body="Apples.",
        )
        for number in (5, 6)
    )
    assert len(found_stories("orchards")) == 2

    with connection.cursor() as cursor:
        cursor.execute("UPDATE reviews_story SET body = %s WHERE position = %s", ["Pears.", 5])
    assert found_stories("pear") == ["Orchard report 5"]

    Story.objects.filter(review=review).delete()
    assert found_stories("orchard") == []


def test_search_follows_the_review_title_and_lede():
    review = ReviewFactory(title="Press review: Glaciers retreat", lede="Ice melts.")
    published = Review.objects.all()
    assert list(search_reviews(published, "glacier")) == [review]

    Review.objects.filter(pk=review.pk).update(lede="Snowfields shrink.")
    assert list(search_reviews(published, "snowfield")) == [review]
    assert list(search_reviews(published, "ice")) == []


@sqlite_only
def test_each_fts5_table_has_its_triggers():
    """A migration that rebuilds a content table on SQLite drops its triggers: the search
    would silently stop following writes. Such a migration must create them again."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        triggers = set(cursor.fetchall())
    for index in FTS5_INDEXES:
        for event in TRIGGER_EVENTS:
            assert (index.content, f"{index.table}_{event}") in triggers


@sqlite_only
def test_the_fts5_tables_hold_exactly_what_the_content_tables_hold():
    """FTS5's own check compares the index with the stories and reviews after writes."""
    story = StoryFactory(headline="Zebras graze", body="By the canal.")
    Story.objects.filter(pk=story.pk).update(headline="Giraffes")
    StoryFactory(review=story.review).delete()
    Review.objects.filter(pk=story.review.pk).update(title="Press review: Other")
    with connection.cursor() as cursor:
        for index in FTS5_INDEXES:
            cursor.execute(
                f"INSERT INTO {index.table} ({index.table}, rank) VALUES ('integrity-check', 1)"
            )


def test_dumpdata_leaves_the_full_text_indexes_out(capsys):
    """The database keeps them from the content: a dump that held them could not load."""
    StoryFactory(headline="Zebras graze")
    call_command("dumpdata", "reviews", "--format=json")
    dumped = {row["model"] for row in json.loads(capsys.readouterr().out)}
    assert "reviews.story" in dumped
    assert not {"reviews.storyfts5entry", "reviews.reviewfts5entry"} & dumped
