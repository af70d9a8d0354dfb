"""A backup restores everything it took: `manage.py backup` then `manage.py restore`.

On PostgreSQL the backup is pg_dump's: a database with content (reviews in every state,
stories, citations, tags, accounts, revision history) is backed up, restored into a new,
empty database, and the two are compared table by table, row by row, sequences included.
On SQLite it is the JSON export of the reviews: the content is backed up, deleted, restored,
and compared field by field through natural keys.
"""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from taggit.models import Tag

from reviews.management.commands import restore
from reviews.models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory
from reviews.publishing import workflow
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory, UserFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only (pg_dump backups): runs in CI's PostgreSQL pass",
)
on_sqlite = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="SQLite only (the JSON backup): runs in CI's SQLite pass",
)


def build_content():
    """Reviews in every state, with unicode, long text, tags, citations and history."""
    # A superuser: transactional tests may run after a flush has removed the groups.
    editor = UserFactory(username="backup-editor", is_superuser=True)
    published = CitationFactory(
        story__review__title="Press review: Ports reopen as Ålesund\u2019s fleet returns",
        story__review__author=editor,
        story__headline="Trawlers «back in the harbour»",
        story__body="First paragraph.\n\nSecond paragraph, with a quote: “we are back”.",
        story__tags=["Fisheries", "Ports"],
        quote="Nothing lasts for ever — not even a strike.",
    ).story.review
    StoryFactory(review=published, position=2, tags=["ports"], link="https://example.org/a")
    ReviewFactory(draft=True, title="Press review: a draft", lede="L" * 5000)
    ReviewFactory(in_review=True, title="Press review: waiting")
    ReviewFactory(scheduled=True, title="Press review: tomorrow")
    withdrawn = CitationFactory(story__review__title="Press review: withdrawn").story.review
    workflow.review_withdraw(review=withdrawn, by=editor)
    ReviewFactory(
        title="Press review: an older day",
        review_date=datetime.date(2025, 12, 31),
        disclaimer="A disclaimer of its own.",
    )


# PostgreSQL: pg_dump and pg_restore


def tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    return [row[0] for row in cursor.fetchall()]


def snapshot(database_name: str) -> dict:
    """Every row of every table, in a stable order, and every sequence's position."""
    import psycopg

    settings = connection.settings_dict
    with (
        psycopg.connect(
            dbname=database_name,
            host=settings["HOST"] or None,
            port=settings["PORT"] or None,
            user=settings["USER"] or None,
            password=settings["PASSWORD"] or None,
            autocommit=True,
        ) as raw,
        raw.cursor() as cursor,
    ):
        rows = {}
        for table in tables(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            rows[table] = sorted(cursor.fetchall(), key=repr)
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = 'public' ORDER BY 1"
        )
        rows["sequences"] = cursor.fetchall()
    return rows


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_pg_dump_backup_restores_every_row_into_an_empty_database(tmp_path):
    """Back up, restore into a new database, compare the two row by row."""
    build_content()
    backup = tmp_path / "site.dump"
    call_command("backup", output=str(backup), verbosity=0)

    settings = connection.settings_dict
    empty = f"{settings['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{empty}"')
    try:
        url = (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}"
            f"@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{empty}"
        )
        call_command("restore", str(backup), database_url=url, interactive=False, verbosity=0)
        original, restored = snapshot(settings["NAME"]), snapshot(empty)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')

    assert Review.objects.count() == 6 and original["reviews_review"]
    assert original["reversion_revision"], "the content has revision history"
    assert restored.keys() == original.keys()
    for table, rows in original.items():
        assert restored[table] == rows, table
    rows = sum(len(rows) for table, rows in original.items() if table != "sequences")
    print(
        f"compared {len(original) - 1} tables, {rows} rows, {len(original['sequences'])} sequences"
    )


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_failed_restore_changes_nothing(tmp_path):
    """pg_restore runs in one transaction: a broken file leaves the database as it was."""
    build_content()
    broken = tmp_path / "broken.dump"
    broken.write_bytes(b"PGDMP" + b"\x00" * 64)
    before = Review.objects.count()
    with pytest.raises(CommandError, match="nothing changed"):
        call_command("restore", str(broken), interactive=False, verbosity=0)
    assert Review.objects.count() == before


# SQLite: the JSON export


def content_snapshot() -> dict:
    """The content, by natural keys (slugs, dates, names), every exported field included."""

    def fields(obj, names):
        return tuple(getattr(obj, name) for name in names)

    return {
        "sections": sorted(
            fields(s, ["slug", "name", "description"]) for s in Section.objects.all()
        ),
        "outlets": sorted(
            fields(o, ["slug", "name", "country", "language", "website", "description", "aliases"])
            for o in Outlet.objects.all()
        ),
        "experts": sorted(
            fields(e, ["slug", "name", "position", "organisation", "bio", "aliases"])
            for e in Expert.objects.all()
        ),
        "reviews": sorted(
            (
                *fields(
                    r,
                    [
                        "review_date",
                        "slug",
                        "title",
                        "dateline_city",
                        "lede",
                        "disclaimer",
                        "status",
                        "publish_at",
                        "sent_back_reason",
                    ],
                ),
                r.section.slug,
                r.author.username if r.author else None,
            )
            for r in Review.objects.select_related("section", "author")
        ),
        "stories": sorted(
            (
                s.review.review_date,
                s.review.slug,
                s.position,
                s.outlet.slug,
                s.headline,
                s.body,
                s.link,
            )
            for s in Story.objects.select_related("review", "outlet")
        ),
        "citations": sorted(
            (
                c.story.review.slug,
                c.story.position,
                c.expert.slug,
                c.position,
                c.organisation,
                c.quote,
            )
            for c in Citation.objects.select_related("story__review", "expert")
        ),
        "tags": sorted((t.name, t.slug) for t in Tag.objects.all()),
        "story tags": sorted(
            (t.content_object.review.slug, t.content_object.position, t.tag.name)
            for t in TaggedStory.objects.select_related("content_object__review", "tag")
        ),
    }


@on_sqlite
@pytest.mark.django_db
def test_json_backup_restores_every_review_after_the_content_is_gone(tmp_path):
    """Back up, delete all content, restore: the same content, field by field."""
    build_content()
    before = content_snapshot()
    backup = tmp_path / "site.json"
    call_command("backup", output=str(backup), verbosity=0)

    Review.objects.all().delete()
    for model in (Outlet, Expert, Section, Tag):
        model.objects.all().delete()
    assert not any(content_snapshot().values())

    call_command("restore", str(backup), interactive=False, verbosity=0)
    assert content_snapshot() == before
    assert len(before["reviews"]) == 6 and before["citations"] and before["story tags"]


@on_sqlite
@pytest.mark.django_db
def test_a_dump_cannot_be_restored_into_sqlite(tmp_path):
    dump = tmp_path / "site.dump"
    dump.write_bytes(b"PGDMP")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("restore", str(dump), interactive=False, verbosity=0)


@pytest.mark.django_db
def test_after_a_dump_is_restored_no_stored_page_is_served(tmp_path, monkeypatch):
    """pg_restore writes past Django, so the command itself tells the page cache."""
    dump = tmp_path / "site.dump"
    dump.write_bytes(b"PGDMP")
    site_database = {**connection.settings_dict, "ENGINE": restore.POSTGRESQL}
    monkeypatch.setattr(restore, "database_settings", lambda url: site_database)
    monkeypatch.setattr(restore, "run_client", lambda *args, **kwargs: None)  # pg_restore
    url = ReviewFactory().get_absolute_url()
    reader = Client()
    reader.get(url)
    assert reader.get(url)["X-Page-Cache"] == "hit"

    call_command("restore", str(dump), interactive=False, verbosity=0)

    assert reader.get(url)["X-Page-Cache"] == "miss"


# Bad arguments: one line saying what is wrong, never a traceback


@pytest.mark.django_db
def test_backup_refuses_an_address_that_is_not_a_database(tmp_path):
    with pytest.raises(CommandError, match="is not a database address"):
        call_command("backup", output=str(tmp_path / "b.dump"), database_url="nonsense://x")


@pytest.mark.django_db
def test_backup_says_when_it_cannot_write_there(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    with pytest.raises(CommandError, match="Cannot write into"):
        call_command("backup", output=str(blocker / "b.json"), verbosity=0)


@pytest.mark.django_db
def test_restore_with_no_one_to_answer_cancels(tmp_path, monkeypatch):
    dump = tmp_path / "b.dump"
    dump.write_bytes(b"PGDMP")
    url = "postgres://nobody@127.0.0.1:1/nothing"

    def no_terminal(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    with pytest.raises(CommandError, match="Restore cancelled: nothing changed"):
        call_command("restore", str(dump), database_url=url, verbosity=0)
