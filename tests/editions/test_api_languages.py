"""The API's reviews and stories in each language: a list holds the editions of the language
asked for (`language`, the default otherwise), each review says its language, one found by
id or address is found in any language, and a draft edition is never shown."""

import pytest

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(editor):
    """A published English review and its published Russian edition."""
    english = ReviewFactory(title="Press review: Ferries resume")
    StoryFactory(review=english, headline="Ferries sail again")
    russian = edition_create(source=english, language="ru", by=editor)
    workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)
    return english, Review.objects.get(pk=russian.pk)


@pytest.mark.parametrize(("asked", "expected"), [("", "en"), ("en", "en"), ("ru", "ru")])
def test_each_list_holds_the_editions_of_the_language_asked_for(client, editions, asked, expected):
    english, russian = editions
    query = f"?language={asked}" if asked else ""
    reviews = client.get(f"/api/v1/reviews{query}").json()["results"]
    assert [(review["id"], review["language"]) for review in reviews] == [
        ((english if expected == "en" else russian).pk, expected)
    ]
    stories = client.get(f"/api/v1/stories{query}").json()["results"]
    assert [story["review"]["language"] for story in stories] == [expected]


def test_a_review_or_story_by_id_is_found_in_any_language(client, editions):
    _english, russian = editions
    review = client.get(f"/api/v1/reviews/{russian.pk}").json()
    assert review["language"] == "ru"
    assert review["url"].endswith(russian.get_absolute_url())
    assert russian.get_absolute_url().startswith("/ru/")
    by_date = client.get(f"/api/v1/reviews/{russian.review_date:%Y/%m/%d}/{russian.slug}").json()
    assert by_date["id"] == russian.pk
    story = russian.stories.get()
    assert client.get(f"/api/v1/stories/{story.pk}").json()["review"]["language"] == "ru"


@pytest.mark.parametrize("language", ["fr", "RU", "ru-ru", "<b>"])
def test_a_language_the_site_does_not_have_is_a_400_that_names_the_parameter(client, language):
    response = client.get("/api/v1/reviews", {"language": language})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"parameter": "language", "message": "One of the site's languages: en, ru."}
    ]


def test_a_draft_edition_is_in_no_list_and_not_found_by_id(client, editor):
    english = ReviewFactory(title="Press review: Tolls rise")
    StoryFactory(review=english)
    draft = edition_create(source=english, language="ru", by=editor)

    assert client.get("/api/v1/reviews?language=ru").json()["results"] == []
    assert client.get("/api/v1/stories?language=ru").json()["results"] == []
    assert client.get(f"/api/v1/reviews/{draft.pk}").status_code == 404
    story = Review.objects.get(pk=draft.pk).stories.get()
    assert client.get(f"/api/v1/stories/{story.pk}").status_code == 404
