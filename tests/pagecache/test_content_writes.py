"""The guard every database test runs under (tests/support/content_writes.py) catches a write
of public content that no new page-cache generation follows, and only that."""

import pytest
from django.db import connection, transaction

from reviews.models import Review
from reviews.pagecache import invalidation
from reviews.publishing import editing
from reviews.publishing.sharing import ensure_preview_key, revoke_preview_key
from tests.support import content_writes as guard
from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewFactory(title="Press review: Ferries resume")


@pytest.fixture
def silenced(monkeypatch):
    """bump_version() as it would be had someone forgotten to tell the page cache."""
    monkeypatch.setattr(editing, "content_changed", lambda **kwargs: None)


def test_every_table_a_public_page_shows_is_watched():
    assert set(invalidation.content_tables()) == {
        "reviews_review",
        "reviews_story",
        "reviews_citation",
        "reviews_outlet",
        "reviews_expert",
        "reviews_section",
        "reviews_taggedstory",
        "taggit_tag",
        "reviews_tagtranslation",
        "reviews_slugredirect",
    }


def test_a_write_of_the_sites_code_with_no_new_generation_is_caught(
    content_writes, review, silenced
):
    editing.bump_version(review_ids=[review.pk])

    message = content_writes.failure()
    assert "reviews/publishing/editing.py" in message
    assert 'UPDATE "reviews_review" SET "version"' in message
    content_writes.generation_started()  # this test is not the one to fail
    assert content_writes.failure() is None


def test_a_write_followed_by_a_new_generation_passes(content_writes, review):
    editing.bump_version(review_ids=[review.pk])
    assert content_writes.failure() is None


def test_a_test_arranging_its_own_data_is_not_counted(content_writes, review):
    Review.objects.filter(pk=review.pk).update(title="Press review: Set up by the test")
    assert content_writes.unannounced() == []


def test_a_write_rolled_back_never_happened(content_writes, review, silenced):
    with pytest.raises(RuntimeError), transaction.atomic():
        editing.bump_version(review_ids=[review.pk])
        raise RuntimeError("rolled back")
    assert content_writes.unannounced() == []


def test_a_write_in_a_released_savepoint_counts(content_writes, review, silenced):
    with transaction.atomic():
        editing.bump_version(review_ids=[review.pk])
    assert len(content_writes.unannounced()) == 1
    content_writes.generation_started()


def test_a_share_key_is_no_content_change(content_writes, review):
    """No public page shows it: no new generation is needed, or started."""
    started = content_writes.last_generation
    ensure_preview_key(review)
    revoke_preview_key(review)
    assert content_writes.failure() is None
    assert content_writes.last_generation == started


def test_raw_sql_is_read_like_the_orms(monkeypatch):
    monkeypatch.setattr(guard, "site_code_writing", lambda: "reviews/somewhere.py:1")
    writes = guard.ContentWrites()
    writes.seen('DELETE FROM "reviews_story" WHERE "id" = 1')
    writes.seen("update reviews_outlet set name = 'x'")
    writes.seen('INSERT INTO "auth_user" ("username") VALUES (%s)')
    writes.seen('UPDATE "reviews_review" SET "preview_key" = \'\' WHERE "id" = 1')
    writes.seen('SELECT * FROM "reviews_review"')
    writes.seen('TRUNCATE "auth_user", "reviews_section" RESTART IDENTITY CASCADE;')
    assert [write.statement for write in writes.unannounced()] == [
        'DELETE FROM "reviews_story" WHERE "id" = 1',
        "update reviews_outlet set name = 'x'",
        'TRUNCATE "auth_user", "reviews_section" RESTART IDENTITY CASCADE;',
    ]


def test_the_guard_sees_every_statement_of_the_test(content_writes):
    assert content_writes in connection.execute_wrappers
