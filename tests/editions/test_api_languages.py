"""The API's reviews and stories in each language: a list holds the editions of the language
asked for (`language`, the default otherwise), each review says its language, one found by
id or address is found in any language, and a draft edition is never shown; a review lists
its other published editions; subjects are named in the language asked for."""

import datetime

import pytest
from taggit.models import Tag

from reviews.models import Outlet, Review, Section, TagTranslation
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import CitationFactory, ExpertFactory, ReviewFactory, StoryFactory

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


def editions_of(client, review) -> list[tuple[str, int]]:
    data = client.get(f"/api/v1/reviews/{review.pk}").json()
    return [(edition["language"], edition["id"]) for edition in data["editions"]]


def test_a_review_lists_its_other_editions_only_while_they_are_published(client, editor):
    """A Russian draft is not listed; published, it is, with its addresses; withdrawn or
    scheduled, it is gone again (an edition's state is its own)."""
    english = ReviewFactory(title="Press review: Tolls rise")
    StoryFactory(review=english)
    russian = edition_create(source=english, language="ru", by=editor)
    assert editions_of(client, english) == []
    assert client.get("/api/v1/reviews").json()["results"][0]["editions"] == []

    russian = workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)
    assert editions_of(client, english) == [("ru", russian.pk)]
    listed = client.get("/api/v1/reviews").json()["results"][0]["editions"]
    assert listed == [
        {
            "language": "ru",
            "id": russian.pk,
            "url": f"http://testserver{russian.get_absolute_url()}",
            "api_url": f"http://testserver/api/v1/reviews/{russian.pk}",
        }
    ]
    assert russian.get_absolute_url().startswith("/ru/")
    assert editions_of(client, russian) == [("en", english.pk)]

    workflow.review_withdraw(review=Review.objects.get(pk=russian.pk), by=editor)
    assert editions_of(client, english) == []
    Review.objects.filter(pk=russian.pk).update(
        status=Review.Status.PUBLISHED, publish_at=english.publish_at + datetime.timedelta(days=9)
    )
    assert editions_of(client, english) == []


def test_a_story_and_a_review_name_their_subjects_in_the_review_language(client, editions):
    """The Russian edition's outlet, section and tag are named in Russian, the English
    review's in English; a name without a Russian one falls back to the default's."""
    english, russian = editions
    story = english.stories.get()
    Outlet.objects.filter(pk=story.outlet_id).update(translations={"ru": {"name": "Курьер"}})
    story.tags.add("ports", "rail")
    TagTranslation.objects.create(
        tag=Tag.objects.get(name="ports"), translations={"ru": {"name": "порты"}}
    )
    russian.stories.get().tags.add("ports", "rail")

    ru = client.get(f"/api/v1/reviews/{russian.pk}").json()
    assert ru["stories"][0]["outlet"]["name"] == "Курьер"
    assert ru["stories"][0]["outlet"]["url"].startswith("http://testserver/ru/")
    assert [tag["name"] for tag in ru["tags"]] == ["rail", "порты"]
    assert ru["section"]["name"] == english.section.name
    story_ru = client.get("/api/v1/stories?language=ru").json()["results"][0]
    assert story_ru["outlet"]["name"] == "Курьер"

    en = client.get(f"/api/v1/reviews/{english.pk}").json()
    assert en["stories"][0]["outlet"]["name"] == story.outlet.name
    assert [tag["name"] for tag in en["tags"]] == ["ports", "rail"]


@pytest.fixture
def translated_subjects(editions):
    """The editions' outlet, section, expert and tag with Russian names, and a second
    outlet with none."""
    english, russian = editions
    story = english.stories.get()
    expert = ExpertFactory(
        name="Sergey Lavrov",
        position="minister",
        translations={"ru": {"name": "Сергей Лавров", "position": "министр"}},
    )
    for each in (story, russian.stories.get()):
        CitationFactory(story=each, expert=expert)
        each.tags.add("ports")
    Outlet.objects.filter(pk=story.outlet_id).update(
        name="Courier",
        translations={"ru": {"name": "Курьер", "description": "Ежедневная газета"}},
        description="A daily",
    )
    Section.objects.filter(pk=english.section_id).update(translations={"ru": {"name": "Политика"}})
    TagTranslation.objects.create(
        tag=Tag.objects.get(name="ports"), translations={"ru": {"name": "порты"}}
    )
    untranslated = StoryFactory(review=english, position=2, outlet__name="Morning Post").outlet
    return story.outlet, untranslated, expert


def test_subjects_are_named_in_the_language_asked_for_else_the_default(client, translated_subjects):
    outlet, untranslated, expert = translated_subjects
    outlets = client.get("/api/v1/outlets?language=ru").json()["results"]
    assert [(each["name"], each["description"]) for each in outlets] == [
        ("Курьер", "Ежедневная газета"),
        (untranslated.name, untranslated.description),
    ]
    assert outlets[0]["url"] == f"http://testserver/ru/outlets/{outlet.slug}/"
    detail = client.get(f"/api/v1/outlets/{outlet.slug}?language=ru").json()
    assert detail["name"] == "Курьер"
    assert client.get(f"/api/v1/outlets/{outlet.slug}").json()["name"] == "Courier"

    ru_expert = client.get(f"/api/v1/experts/{expert.slug}?language=ru").json()
    assert (ru_expert["name"], ru_expert["position"]) == ("Сергей Лавров", "министр")
    assert client.get("/api/v1/experts").json()["results"][0]["name"] == "Sergey Lavrov"
    assert client.get("/api/v1/tags?language=ru").json()["results"][0]["name"] == "порты"
    assert client.get("/api/v1/tags/ports?language=en").json()["name"] == "ports"
    assert client.get("/api/v1/sections?language=ru").json()["results"][0]["name"] == "Политика"


def test_subject_counts_are_those_of_the_language_asked_for(client, translated_subjects):
    """The untranslated outlet heads a story of the English edition only."""
    _outlet, untranslated, _expert = translated_subjects
    url = f"/api/v1/outlets/{untranslated.slug}"
    assert client.get(url).json()["story_count"] == 1
    assert client.get(f"{url}?language=ru").json()["story_count"] == 0


@pytest.mark.parametrize(
    "url", ["/api/v1/outlets", "/api/v1/experts/anyone", "/api/v1/tags", "/api/v1/sections/x"]
)
def test_a_subject_in_a_language_the_site_does_not_have_is_a_400(client, url):
    response = client.get(url, {"language": "fr"})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"parameter": "language", "message": "One of the site's languages: en, ru."}
    ]


def test_a_draft_editions_subjects_are_neither_listed_nor_counted(client, editor):
    """A tag and an outlet only the Russian draft uses stay out; the shared outlet counts
    no Russian story."""
    english = ReviewFactory()
    shared = StoryFactory(review=english).outlet
    draft = edition_create(source=english, language="ru", by=editor)
    story = draft.stories.get()
    story.tags.add("secret-talks")
    StoryFactory(review=draft, position=2, outlet__slug="draft-only")

    assert client.get("/api/v1/tags?language=ru").json()["results"] == []
    assert client.get("/api/v1/tags/secret-talks?language=ru").status_code == 404
    assert client.get("/api/v1/outlets/draft-only?language=ru").status_code == 404
    outlets = client.get("/api/v1/outlets?language=ru").json()["results"]
    assert [(outlet["slug"], outlet["story_count"]) for outlet in outlets] == [(shared.slug, 0)]


def test_an_experts_citations_over_time_in_the_language_asked_for(client, translated_subjects):
    """Named in Russian, outlets too, and counting the Russian edition's citations."""
    outlet, _untranslated, expert = translated_subjects
    url = f"/api/v1/experts/{expert.slug}/citations-over-time"
    answers = {
        language: client.get(url, {"language": language}).json() for language in ("en", "ru")
    }
    assert answers["ru"]["expert"]["name"] == "Сергей Лавров"
    assert [outlet for month in answers["ru"]["months"] for outlet in month["outlets"]] == [
        {"name": "Курьер", "slug": outlet.slug, "citations": 1}
    ]
    assert [outlet for month in answers["en"]["months"] for outlet in month["outlets"]] == [
        {"name": "Courier", "slug": outlet.slug, "citations": 1}
    ]
    assert client.get(url, {"language": "fr"}).status_code == 400
