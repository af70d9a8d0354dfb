"""Editions: making one from another in the admin, the out-of-date marking and its diff,
marking current, and who may do what."""

import pytest
from django.urls import reverse

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editing import bump_version
from reviews.publishing.editions import (
    EditionRefused,
    changes_since,
    edition_create,
    edition_mark_current,
)
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    """A published English review of two stories, the first citing an expert, both tagged."""
    review = ReviewFactory(title="Press review: Ferries resume", slug="ferries-resume")
    CitationFactory(
        story__review=review,
        story__position=1,
        story__headline="Ferries resume",
        story__tags=["ports", "transport"],
        quote="The crossing is safe again.",
    )
    StoryFactory(review=review, position=2, headline="Rail tender opens", tags=["rail"])
    return review


def test_creating_an_edition_copies_the_structure_as_a_draft(source, editor, client):
    """The Russian edition is a draft with the same section, date, stories in order, outlets,
    citations and tags, in its own language, at the source's slug with the language's code."""
    client.force_login(editor)
    url = reverse("admin:reviews_review_create_edition", args=[source.pk, "ru"])
    response = client.post(url)

    edition = Review.objects.get(language="ru")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:reviews_review_change", args=[edition.pk])
    assert edition.status == Review.Status.DRAFT
    assert edition.slug == "ferries-resume-ru"
    assert (edition.section, edition.review_date) == (source.section, source.review_date)
    assert edition.made_from == source and edition.made_from_version == source.version
    assert edition.edition_group == Review.objects.get(pk=source.pk).edition_group
    assert edition.author == editor
    copied = [
        (story.position, story.outlet_id, story.headline, sorted(story.tags.names()))
        for story in edition.stories.order_by("position")
    ]
    original = [
        (story.position, story.outlet_id, story.headline, sorted(story.tags.names()))
        for story in source.stories.order_by("position")
    ]
    assert copied == original
    citation = edition.stories.get(position=1).citations.get()
    assert citation.quote == "The crossing is safe again."
    assert not edition.is_out_of_date()


def test_an_edition_in_a_language_that_exists_is_refused(source, editor):
    edition_create(source=source, language="ru", by=editor)
    with pytest.raises(EditionRefused, match="already has its Russian edition"):
        edition_create(source=Review.objects.get(pk=source.pk), language="ru", by=editor)
    with pytest.raises(EditionRefused, match="already has its English edition"):
        edition_create(source=source, language="en", by=editor)
    with pytest.raises(EditionRefused, match="not one of the site's languages"):
        edition_create(source=source, language="xx", by=editor)


def test_a_refused_edition_is_a_message_in_the_admin_not_an_error(source, editor, client):
    client.force_login(editor)
    url = reverse("admin:reviews_review_create_edition", args=[source.pk, "de"])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "is not one of the site" in response.content.decode()
    assert not Review.objects.exclude(pk=source.pk).exists()


def test_a_moderator_may_not_create_editions(source, moderator, client):
    client.force_login(moderator)
    response = client.post(reverse("admin:reviews_review_create_edition", args=[source.pk, "ru"]))
    assert response.status_code == 403
    assert not Review.objects.filter(language="ru").exists()


def test_creating_an_edition_needs_a_post(source, editor, client):
    client.force_login(editor)
    response = client.get(reverse("admin:reviews_review_create_edition", args=[source.pk, "ru"]))
    assert response.status_code == 405


def test_the_source_form_offers_the_missing_edition_and_lists_the_others(source, editor, client):
    client.force_login(editor)
    change = reverse("admin:reviews_review_change", args=[source.pk])
    assert "Create the Russian edition" in client.get(change).content.decode()

    edition = edition_create(source=source, language="ru", by=editor)
    page = client.get(change).content.decode()
    assert "Create the Russian edition" not in page
    assert reverse("admin:reviews_review_change", args=[edition.pk]) in page
    edition_page = client.get(reverse("admin:reviews_review_change", args=[edition.pk]))
    assert "This is the Russian edition." in edition_page.content.decode()


def test_a_change_to_the_source_marks_the_edition_out_of_date_with_what_changed(
    source, editor, client
):
    """The source's new headline shows on the edition's form as a
    diff, and the desk lists the edition, until an editor marks it current."""
    edition = edition_create(source=source, language="ru", by=editor)
    client.force_login(editor)
    # As the admin saves a story: the row, then the review's version.
    story = source.stories.get(position=1)
    story.headline = "Ferries resume at dawn"
    story.save()
    bump_version(review_ids=[source.pk])

    edition.refresh_from_db()
    assert edition.is_out_of_date()
    assert list(Review.objects.out_of_date()) == [edition]
    diff = changes_since(edition)
    assert [story.kind for story in diff.stories] == ["changed"]
    page = client.get(reverse("admin:reviews_review_change", args=[edition.pk])).content.decode()
    assert "Out of date:" in page and "at dawn" in page
    desk = client.get(reverse("admin:index")).content.decode()
    assert "Editions out of date" in desk and edition.title in desk

    client.post(reverse("admin:reviews_review_mark_current", args=[edition.pk]))
    edition.refresh_from_db()
    assert not edition.is_out_of_date()
    page = client.get(reverse("admin:reviews_review_change", args=[edition.pk])).content.decode()
    assert "Out of date:" not in page


def test_publishing_the_source_changes_nothing_to_translate(source, editor):
    """The source's workflow is its own: a withdrawal moves its version, but the diff of what
    an edition translates stays empty."""
    edition = edition_create(source=source, language="ru", by=editor)
    workflow.review_withdraw(review=source, by=editor)
    edition.refresh_from_db()
    assert edition.is_out_of_date()
    assert changes_since(edition).is_empty


def test_a_moderator_may_not_mark_an_edition_current(source, editor, moderator):
    edition = edition_create(source=source, language="ru", by=editor)
    with pytest.raises(EditionRefused):
        edition_mark_current(edition=edition, by=moderator)


def test_the_preview_of_a_russian_draft_is_in_russian(source, editor, client):
    edition = edition_create(source=source, language="ru", by=editor)
    client.force_login(editor)
    response = client.get(reverse("admin:reviews_review_preview", args=[edition.pk]))
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert '<html lang="ru">' in response.content.decode()
