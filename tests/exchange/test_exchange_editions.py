"""The JSON exchange with editions: each review's edition group and the edition it was made
from travel by date and slug, names per language with outlets, experts, sections and tags;
an old file without them still imports, and a bad link is a clear message."""

import datetime
import json

import pytest
from taggit.models import Tag

from reviews.models import Expert, Outlet, Review, Section, TagTranslation
from reviews.publishing import workflow
from reviews.publishing.editing import bump_version
from reviews.publishing.editions import changes_since, edition_create
from tests.exchange.support import (
    editions,
    empty_the_database,
    export,
    import_file,
    snapshot,
    write_json,
)
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 4)


@pytest.fixture
def reviews(editor):
    """Two English reviews, each with a Russian edition: "ferries" current and published,
    "tolls" a draft left out of date; a section, outlet, expert and tag named in Russian."""
    ferries = ReviewFactory(slug="ferries", review_date=DAY)
    citation = CitationFactory(story__review=ferries, story__tags=["ports"])
    outlet, expert = citation.story.outlet, citation.expert
    Outlet.objects.filter(pk=outlet.pk).update(translations={"ru": {"name": "Курьер"}})
    Expert.objects.filter(pk=expert.pk).update(
        translations={"ru": {"name": "Сергей Лавров", "position": "министр"}}
    )
    Section.objects.filter(pk=ferries.section_id).update(translations={"ru": {"name": "Политика"}})
    TagTranslation.objects.create(
        tag=Tag.objects.get(name="ports"), translations={"ru": {"name": "порты"}}
    )
    russian = edition_create(source=ferries, language="ru", by=editor)
    workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)
    tolls = ReviewFactory(slug="tolls", review_date=DAY, section=ferries.section)
    StoryFactory(review=tolls, outlet=outlet)
    edition_create(source=tolls, language="ru", by=editor)
    bump_version(review_ids=[tolls.pk])
    return ferries, tolls


def exported() -> dict:
    return json.loads(export().stdout)


def by_slug(document: dict) -> dict[str, dict]:
    return {record["slug"]: record for record in document["reviews"]}


def test_an_export_names_editions_by_date_and_slug_and_names_per_language(reviews):
    """A review's group by the group's first edition, its source with whether it is out of
    date; each subject's names in the other languages."""
    records = by_slug(exported())
    group = {"review_date": "2026-03-04", "slug": "ferries"}
    assert records["ferries"]["edition_group"] == group
    assert records["ferries"]["made_from"] is None
    assert records["ferries-ru"]["edition_group"] == group
    assert records["ferries-ru"]["made_from"] == group | {"out_of_date": False}
    assert records["tolls-ru"]["made_from"] == {
        "review_date": "2026-03-04",
        "slug": "tolls",
        "out_of_date": True,
    }
    story = records["ferries"]["stories"][0]
    assert story["outlet"]["translations"] == {"ru": {"name": "Курьер"}}
    assert story["citations"][0]["expert"]["translations"] == {
        "ru": {"name": "Сергей Лавров", "position": "министр"}
    }
    assert story["tags"] == [
        {"name": "ports", "slug": "ports", "translations": {"ru": {"name": "порты"}}}
    ]
    assert records["ferries"]["section"]["translations"] == {"ru": {"name": "Политика"}}


def test_a_round_trip_into_an_empty_database_keeps_editions_and_names(reviews, tmp_path):
    """Links, out-of-date markings and names per language come back; a current edition
    follows the source's imported revision; importing again changes nothing."""
    before = snapshot()
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()

    run = import_file(path)

    assert run.error is None, run.stderr
    assert "created 4" in run.stdout
    assert snapshot() == before
    assert [row[3] for row in editions()] == [False, False, False, True]
    current = Review.objects.get(slug="ferries-ru")
    assert changes_since(current).is_empty
    assert "сергей лавров" in Expert.objects.get().spellings.splitlines()
    assert "unchanged 4" in import_file(path).stdout


def test_an_edition_before_its_source_in_the_file_is_imported_after_it(reviews, tmp_path):
    before = editions()
    document = exported()
    document["reviews"].reverse()
    empty_the_database()

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert run.error is None, run.stderr
    assert editions() == before


def test_a_file_written_before_editions_still_imports_and_keeps_what_is_there(reviews, tmp_path):
    """Without the keys, a review's links and a subject's names in the database stay."""
    before = snapshot()
    document = exported()
    for record in document["reviews"]:
        del record["edition_group"], record["made_from"]
        del record["section"]["translations"]
        for story in record["stories"]:
            del story["outlet"]["translations"]
            story["tags"] = [tag["name"] for tag in story["tags"]]
            for citation in story["citations"]:
                del citation["expert"]["translations"]
    path = write_json(tmp_path / "old.json", document)

    assert "unchanged 4" in import_file(path).stdout
    by_slug(document)["tolls-ru"]["title"] = "Обзор прессы: платные дороги"
    run = import_file(write_json(path, document))

    assert run.error is None, run.stderr
    assert "updated 1, unchanged 3" in run.stdout
    after = snapshot()
    assert after["editions"] == before["editions"]
    assert after["outlets"] == before["outlets"] and after["tags"] == before["tags"]

    empty_the_database()
    assert "created 4" in import_file(path).stdout
    assert Review.objects.filter(edition_group__isnull=False).count() == 0


@pytest.mark.parametrize(
    ("spoil", "skipped", "reason"),
    [
        (
            lambda records: records["tolls-ru"]["made_from"].update(slug="nowhere"),
            "tolls-ru",
            "made_from: the review 2026-03-04/nowhere is neither in the file nor in the database",
        ),
        (
            lambda records: records["ferries-ru"].update(language="fr"),
            "ferries-ru",
            "language: Value 'fr' is not a valid choice.",
        ),
        (
            lambda records: records["ferries"]["section"]["translations"].update(
                fr={"name": "Politique"}
            ),
            "ferries",
            "section: translations: “fr” is not one of the site's other languages (ru)",
        ),
        (
            lambda records: records["tolls"]["stories"][0]["tags"].append(
                {"name": "rail", "translations": {"ru": {"position": "x"}}}
            ),
            "tolls",
            "story 1: tag “rail”: translations: ru: “position” is not translated (only name)",
        ),
        (
            lambda records: records["tolls-ru"].update(
                edition_group={"review_date": "2026-03-04", "slug": "ferries"}
            ),
            "tolls-ru",
            "edition_group: the editions of 2026-03-04/ferries already have one in “ru”: "
            "2026-03-04/ferries-ru",
        ),
        (
            lambda records: records["tolls"].update(
                made_from={"review_date": "2026-03-04", "slug": "tolls-ru"}
            ),
            "tolls-ru",
            "2026-03-04/tolls, which it links to, links back to it: neither can be imported first",
        ),
    ],
    ids=[
        "unknown review",
        "unknown language",
        "unknown name language",
        "untranslated field",
        "language taken in the group",
        "circle",
    ],
)
def test_a_bad_link_or_language_is_a_clear_message_and_the_review_is_not_written(
    reviews, tmp_path, spoil, skipped, reason
):
    document = exported()
    spoil(by_slug(document))
    empty_the_database()

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert f"Skipped 2026-03-04/{skipped}: {reason}" in run.stderr
    assert run.error.returncode == 1
    assert not Review.objects.filter(slug=skipped).exists()
    assert Review.objects.filter(slug="ferries").exists() or skipped == "ferries"


def test_an_edition_whose_source_was_skipped_says_so(reviews, tmp_path):
    document = exported()
    by_slug(document)["tolls"]["status"] = "lost"
    empty_the_database()

    run = import_file(write_json(tmp_path / "reviews.json", document))

    assert (
        "Skipped 2026-03-04/tolls-ru: edition_group: the review 2026-03-04/tolls is in the "
        "file but was not imported (see its own message)" in run.stderr
    )
    assert sorted(Review.objects.values_list("slug", flat=True)) == ["ferries", "ferries-ru"]


def test_a_dry_run_of_linked_editions_writes_nothing(reviews, tmp_path):
    path = tmp_path / "reviews.json"
    export(output=str(path))
    empty_the_database()

    run = import_file(path, dry_run=True)

    assert run.error is None, run.stderr
    assert "Would have created 4, updated 0, unchanged 0, skipped 0" in run.stdout
    assert not Review.objects.exists() and not TagTranslation.objects.exists()
