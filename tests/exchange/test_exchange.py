"""JSON export and import of reviews: lossless, idempotent, one transaction per review."""

import copy
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Revision, Version
from taggit.models import Tag

from reviews.demo.loader import load_demo_content
from reviews.exchange import document, importing
from reviews.exchange.document import FORMAT_VERSION
from reviews.models import Outlet, Review, Story, TaggedStory
from tests.exchange.support import empty_the_database, export, import_file, snapshot, write_json
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


# Helpers


def some_reviews() -> list[Review]:
    """Three reviews sharing an outlet and an expert, one a draft without an author."""
    author = UserFactory(username="edna")
    outlet, expert = OutletFactory(), ExpertFactory()
    reviews = []
    for day, slug in enumerate(["port-strike", "rail-tender", "bank-rates"], start=1):
        review = ReviewFactory(slug=slug, review_date=datetime.date(2026, 3, day), author=author)
        first = StoryFactory(review=review, position=1, outlet=outlet, tags=["ports", "Strikes"])
        CitationFactory(story=first, expert=expert)
        second = StoryFactory(review=review, position=2, link="https://example.org/story")
        CitationFactory(story=second, expert=expert, quote="")
        reviews.append(review)
    reviews[1].status, reviews[1].publish_at, reviews[1].author = Review.Status.DRAFT, None, None
    reviews[1].save()
    return reviews


def exported_document(**options) -> dict:
    return json.loads(export(**options).stdout)


# Round trip


def test_export_then_import_into_an_empty_database_reproduces_every_row(tmp_path, settings):
    """The demo archive, plus awkward values, comes back identical, field by field."""
    settings.DEBUG = True
    load_demo_content()
    first = Review.objects.order_by("review_date", "slug").first()
    story = first.stories.order_by("position").first()
    # A tag whose slug had to be suffixed: only a lossless export keeps it on the same tag.
    story.tags.add(Tag.objects.create(name="E.U."))
    Outlet.objects.filter(pk=story.outlet_id).update(aliases="Público\r\nPublico\n")
    draft = ReviewFactory(
        draft=True,
        author=None,
        section=first.section,
        title="Press review: Ferries stay in port; «ça suffit», say islanders",
        disclaimer="Quotes translated by the desk.",
        sent_back_reason="Check the second headline.",
    )
    CitationFactory(story__review=draft, position="", organisation="", quote="")
    before = snapshot()
    assert Tag.objects.get(name="E.U.").slug == "eu-2"

    path = tmp_path / "reviews.json"
    # The demo's 42 reviews and 3 Russian editions of them, and the draft.
    assert export(output=str(path)).stdout.startswith("Exported 46 reviews")
    empty_the_database()
    assert Story.objects.count() == 0
    run = import_file(path)

    assert run.error is None, run.stderr
    assert "created 46, updated 0, unchanged 0, skipped 0" in run.stdout
    assert snapshot() == before
    for review in Review.objects.all():
        assert Version.objects.get_for_object(review).first().revision.comment == "Imported"


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    some_reviews()
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()
    import_file(path)
    before, story_ids, revisions = (
        snapshot(),
        set(Story.objects.values_list("pk")),
        Revision.objects.count(),
    )

    with CaptureQueriesContext(connection) as queries:
        run = import_file(path)

    assert run.error is None
    assert "created 0, updated 0, unchanged 3, skipped 0" in run.stdout
    assert not [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert snapshot() == before
    assert set(Story.objects.values_list("pk")) == story_ids
    assert Revision.objects.count() == revisions


def test_importing_into_the_database_it_came_from_changes_nothing(tmp_path):
    some_reviews()
    versions = dict(Review.objects.values_list("slug", "version"))
    path = tmp_path / "reviews.json"
    export(output=str(path))

    run = import_file(path)

    assert "unchanged 3" in run.stdout
    assert dict(Review.objects.values_list("slug", "version")) == versions


def test_a_changed_review_is_updated_in_place_with_the_files_stories(tmp_path):
    """Stories and citations are replaced by the file's; the preview key stays, version rises."""
    review = some_reviews()[0]
    Review.objects.filter(pk=review.pk).update(preview_key="kept-secret", version=4)
    document = exported_document()
    record = document["reviews"][0]
    record["title"] = "Press review: Cranes move again"
    del record["stories"][1]
    record["stories"][0]["citations"][0]["quote"] = "A new quote."
    record["stories"][0]["tags"] = ["harbours"]

    run = import_file(write_json(tmp_path / "changed.json", document))

    assert "created 0, updated 1, unchanged 2" in run.stdout
    review.refresh_from_db()
    assert (review.title, review.preview_key, review.version) == (
        "Press review: Cranes move again",
        "kept-secret",
        5,
    )
    story = review.stories.get()
    assert story.citations.get().quote == "A new quote."
    assert list(story.tags.names()) == ["harbours"]
    assert Version.objects.get_for_object(review).first().revision.comment == "Imported"


def test_tags_are_matched_by_name_whatever_the_case(tmp_path):
    some_reviews()
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()
    Tag.objects.create(name="STRIKES", slug="strikes-desk")

    import_file(path)

    assert Tag.objects.filter(name__iexact="strikes").count() == 1
    assert TaggedStory.objects.filter(tag__slug="strikes-desk").count() == 3
    assert "unchanged 3" in import_file(path).stdout


def test_a_tag_spelled_with_other_spacing_is_the_same_tag(tmp_path):
    """As the moderators' tools match tag names: case and runs of spaces ignored."""
    some_reviews()
    document = exported_document()
    document["reviews"][0]["stories"][0]["tags"] = ["  port   STRIKES "]
    empty_the_database()
    Tag.objects.create(name="Port strikes", slug="port-strikes")

    import_file(write_json(tmp_path / "spaced.json", document))

    assert not Tag.objects.filter(name__contains="  ").exists()
    assert TaggedStory.objects.filter(tag__slug="port-strikes").count() == 1


def test_an_author_without_an_account_is_left_empty_and_reported(tmp_path):
    some_reviews()
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()
    get_user_model().objects.filter(username="edna").delete()

    run = import_file(path)

    assert run.error is None
    assert "No account named “edna” here: 2 reviews left without an author." in run.stderr
    assert not Review.objects.filter(author__isnull=False).exists()
    assert "unchanged 3" in import_file(path).stdout


# Bad input


def missing_lede(record):
    del record["lede"]


def invalid_date(record):
    record["review_date"] = "2026-02-30"


def unknown_status(record):
    record["status"] = "archived"


def duplicate_position(record):
    record["stories"][1]["position"] = record["stories"][0]["position"]


def title_too_long(record):
    record["title"] = "x" * 300


def published_without_publish_time(record):
    record["status"], record["publish_at"] = "published", None


def publish_time_without_offset(record):
    record["status"], record["publish_at"] = "published", "2026-03-02T07:30:00"


def null_character(record):
    record["lede"] = "The papers lead\x00 with the strike."


def story_not_an_object(record):
    record["stories"][1] = "Le Monde: a headline"


def expert_without_slug(record):
    del record["stories"][0]["citations"][0]["expert"]["slug"]


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (missing_lede, "missing field “lede”"),
        (invalid_date, 'review_date: "2026-02-30" is not a date'),
        (unknown_status, "status: “archived” is not one of draft, in_review, published"),
        (duplicate_position, "stories: more than one story has position 1"),
        (title_too_long, "title: Ensure this value has at most 255 characters"),
        (published_without_publish_time, "publish_at: a published review needs a publish time"),
        (publish_time_without_offset, 'publish_at: "2026-03-02T07:30:00" has no UTC offset'),
        (null_character, "lede: contains a null character"),
        (story_not_an_object, "story 2: expected an object, found text"),
        (expert_without_slug, "story 1: citation 1: expert: missing field “slug”"),
    ],
)
def test_a_bad_record_is_reported_and_skipped_while_the_others_are_imported(
    tmp_path, spoil, reason
):
    some_reviews()
    document = exported_document()
    empty_the_database()
    spoil(document["reviews"][1])

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert f"/rail-tender: {reason}" in run.stderr
    assert run.stderr.startswith("Skipped 2026-0")
    assert "created 2, updated 0, unchanged 0, skipped 1" in run.stdout
    assert run.error.returncode == 1
    assert "1 review was skipped" in str(run.error)
    assert sorted(Review.objects.values_list("slug", flat=True)) == ["bank-rates", "port-strike"]


def test_a_record_that_fails_halfway_is_not_half_written(tmp_path):
    """The outlet, stories and review written before the failure are all rolled back."""
    review = some_reviews()[0]
    stories = list(review.stories.values_list("pk", flat=True))
    OutletFactory(slug="gazette", name="The Gazette")
    document = exported_document()
    record = document["reviews"][0]
    record["title"] = "Changed, but never saved"
    record["stories"][0]["outlet"] |= {"slug": "brand-new", "name": "Brand New Daily"}
    record["stories"][1]["outlet"] |= {"slug": "gazette-2", "name": "The Gazette"}

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert (
        "Skipped 2026-03-01/port-strike: outlet “gazette-2”: another outlet is already "
        "named “The Gazette”" in run.stderr
    )
    assert run.error.returncode == 1
    review.refresh_from_db()
    assert review.title != "Changed, but never saved"
    assert list(review.stories.values_list("pk", flat=True)) == stories
    assert not Outlet.objects.filter(slug__in=["brand-new", "gazette-2"]).exists()


def test_a_review_twice_in_one_file_is_skipped_the_second_time(tmp_path):
    some_reviews()
    document = exported_document()
    document["reviews"].append(copy.deepcopy(document["reviews"][0]))
    empty_the_database()

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert "Skipped 2026-03-01/port-strike: the file holds this review twice (record 1)" in (
        run.stderr
    )
    assert "created 3" in run.stdout


def test_a_file_that_is_not_json_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("LISBON, March 3 /Agency/. The papers lead with...", encoding="utf-8")

    run = import_file(path)

    assert run.error.returncode == 1
    assert "cannot be imported: not a JSON document (Expecting value at line 1, column 1)" in str(
        run.error
    )


def test_a_json_file_of_another_kind_is_refused(tmp_path):
    run = import_file(write_json(tmp_path / "list.json", [{"title": "A review"}]))

    assert run.error.returncode == 1
    assert 'not a Pressreview export (it should be a JSON object with "format"' in str(run.error)


def test_a_file_of_another_format_version_is_refused(tmp_path):
    some_reviews()
    document = exported_document() | {"format_version": 99}
    empty_the_database()

    run = import_file(write_json(tmp_path / "future.json", document))

    assert run.error.returncode == 1
    assert "format version 99 is not supported: this version of Pressreview reads format " in (
        str(run.error)
    )
    assert not Review.objects.exists()


def test_a_missing_file_is_refused(tmp_path):
    run = import_file(tmp_path / "nowhere.json")

    assert run.error.returncode == 1
    assert "Cannot read" in str(run.error)


@pytest.mark.once  # fails reading the file, before any database
def test_the_command_line_gets_a_message_and_exit_code_1_never_a_traceback(tmp_path):
    path = tmp_path / "not.json"
    path.write_bytes(b"\xff\xfe not text at all")

    result = subprocess.run(
        [sys.executable, "manage.py", "import_json", str(path)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "CommandError:" in result.stderr
    assert "not a JSON document (not UTF-8 text)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.once  # reads the importer's case files only, no database
@pytest.mark.parametrize("buffered", [True, False])
def test_a_command_whose_reader_went_away_stops_quietly(buffered):
    """`manage.py export_json | head`: exit status 1, and no traceback on the terminal."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        environment["PYTHONUNBUFFERED"] = "1"
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "evaluate_importer", "--per-file"],
            cwd=PROJECT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            check=False,
        )
    finally:
        os.close(write_end)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


def test_a_dry_run_writes_nothing_but_says_what_it_would_do(tmp_path):
    some_reviews()
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()
    revisions = Revision.objects.count()

    run = import_file(path, dry_run=True)

    assert "Dry run, nothing written. Would have created 3, updated 0" in run.stdout
    assert not Review.objects.exists()
    assert not Outlet.objects.exists() and not Tag.objects.exists()
    assert Revision.objects.count() == revisions


# What the export holds


def test_the_preview_key_and_version_are_not_exported():
    review = some_reviews()[0]
    Review.objects.filter(pk=review.pk).update(preview_key="s3cret-share-key", version=7)

    output = export().stdout

    assert "s3cret-share-key" not in output
    record = json.loads(output)["reviews"][0]
    assert "preview_key" not in record and "version" not in record


def test_times_are_iso_8601_with_their_offset():
    some_reviews()

    record = exported_document()["reviews"][0]

    published = datetime.datetime.fromisoformat(record["publish_at"])
    assert published.utcoffset() == datetime.timedelta(0)
    assert published == Review.objects.get(slug=record["slug"]).publish_at


def test_the_export_filters_by_status_and_review_date():
    some_reviews()

    published = exported_document(status=["published"])
    recent = exported_document(since=datetime.date(2026, 3, 2))

    assert [r["slug"] for r in published["reviews"]] == ["port-strike", "bank-rates"]
    assert [r["slug"] for r in recent["reviews"]] == ["rail-tender", "bank-rates"]


def test_the_export_reads_a_constant_number_of_queries_per_chunk():
    some_reviews()
    with CaptureQueriesContext(connection) as few:
        export()
    for day in (1, 2):
        CitationFactory(story__review__review_date=datetime.date(2026, 4, day))

    with CaptureQueriesContext(connection) as more:
        export()

    assert len(more) == len(few)


def test_progress_goes_to_stderr_and_the_document_alone_to_stdout(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(importing, "PROGRESS_EVERY", 2)
    some_reviews()

    run = export()

    assert len(json.loads(run.stdout)["reviews"]) == 3
    assert "Exported 2 of 3 reviews" in run.stderr
    assert "Exported 3 reviews." in run.stderr
    path = write_json(tmp_path / "reviews.json", json.loads(run.stdout))
    assert "Imported 2 of 3 reviews" in import_file(path).stderr


def test_an_empty_export_is_a_valid_document(tmp_path):
    document = exported_document()

    assert document["reviews"] == []
    assert document["format_version"] == FORMAT_VERSION
    assert datetime.datetime.fromisoformat(document["exported_at"]) <= timezone.now()
    assert "created 0" in import_file(write_json(tmp_path / "empty.json", document)).stdout


def test_an_import_that_withdraws_a_review_ends_its_share_links(tmp_path, client):
    """The import changes a status as the workflow does: a published review withdrawn by
    the file loses its share links, while an import that keeps the status keeps them."""
    from reviews.publishing.sharing import ensure_preview_key, make_share_token

    published = some_reviews()[0]
    document = exported_document()
    ensure_preview_key(published)
    url = f"/preview/{make_share_token(published)}/"
    document["reviews"][0]["title"] = "Press review: Retitled, still published"
    import_file(write_json(tmp_path / "same-status.json", document))
    assert client.get(url).status_code == 200

    document["reviews"][0]["status"] = "withdrawn"
    import_file(write_json(tmp_path / "withdrawn.json", document))

    published.refresh_from_db()
    assert published.status == Review.Status.WITHDRAWN
    assert client.get(url).status_code == 404


def integer_paths(value, path=()):
    """The path of every whole number in a JSON value (true/false are not numbers)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from integer_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from integer_paths(item, (*path, index))
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path


@pytest.mark.parametrize("number", [10**12, 10**20, -1])
def test_every_integer_of_the_format_is_checked_against_its_types_range(tmp_path, number):
    """A number no supported database's column type holds (a story position of 10^12 fits
    SQLite's integers, not PostgreSQL's smallint) skips its review with a clear reason, on
    every database alike; the other reviews are imported."""
    some_reviews()
    document = exported_document()
    empty_the_database()
    record = document["reviews"][1]
    paths = list(integer_paths(record))
    assert paths, "the format holds whole numbers (story positions)"
    for path in paths:
        spoiled = copy.deepcopy(document)
        target = spoiled["reviews"][1]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = number

        run = import_file(write_json(tmp_path / "reviews.json", spoiled))

        name = path[-1]
        bound = "greater than or equal to 0" if number < 0 else "less than or equal to 32767"
        assert run.stderr.startswith("Skipped 2026-03-02/rail-tender: "), path
        assert f": {name}: Ensure this value is {bound}.\n" in run.stderr, path
        assert "skipped 1" in run.stdout
        assert not Review.objects.filter(slug="rail-tender").exists()
        empty_the_database()
