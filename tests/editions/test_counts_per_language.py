"""Each language's pages count its own editions, as they list them: a story copied into the
Russian edition is one story on the English pages and one on the Russian ones, never two;
a draft edition counts nowhere. The kept counts (reviews.counts, reviews.monthly_counts)
follow a review put in another language, or deleted."""

import pytest
from django.utils import translation

from reviews import tallies
from reviews.counts import published_counts
from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support import direct_tallies
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru")


@pytest.fixture
def subjects():
    return OutletFactory(name="Harbour Gazette"), ExpertFactory(name="Ilse Brandt")


@pytest.fixture
def editions(editor, subjects):
    """An English review whose story quotes an expert under a tag, and its Russian edition
    (a copy of the story, citation and tag), both published."""
    outlet, expert = subjects
    english = ReviewFactory(title="Press review: Ferries resume")
    story = StoryFactory(review=english, outlet=outlet, tags=["Ferries"])
    CitationFactory(story=story, expert=expert)
    russian = edition_create(source=english, language="ru", by=editor)
    workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)
    return english, Review.objects.get(pk=russian.pk)


def assert_counts_right() -> None:
    """Every kept count and monthly tally of each language is what its content says."""
    period = tallies.last_months(tallies.SUBJECT_MONTHS)
    for language in LANGUAGES:
        with translation.override(language):
            for kind in ("outlet", "tag", "expert"):
                assert published_counts(kind) == direct_tallies.published_counts(kind), (
                    kind,
                    language,
                )
                assert tallies.ranked(kind, period, 10) == direct_tallies.ranked(
                    kind, period, 10
                ), (kind, language)
            assert tallies.who_quotes_whom(period) == direct_tallies.who_quotes_whom(period)


def chart_total(response) -> int:
    """The stories the subject page's chart counts, every month together."""
    return sum(column.total for column in response.context["figures"]["charts"][0].columns)


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_each_language_counts_its_own_edition_once(client, editions, subjects, prefix):
    outlet, expert = subjects
    outlets = client.get(f"{prefix}/outlets/")
    assert [(found.pk, found.story_count) for found in outlets.context["outlets"]] == [
        (outlet.pk, 1)
    ]
    assert chart_total(client.get(f"{prefix}{outlet.get_absolute_url()}")) == 1
    experts = client.get(f"{prefix}/experts/")
    assert [(found.pk, found.citation_count) for found in experts.context["experts"]] == [
        (expert.pk, 1)
    ]
    tags = client.get(f"{prefix}/tags/")
    assert [(found.name, found.story_count) for found in tags.context["tags"]] == [("Ferries", 1)]
    assert_counts_right()


def test_a_draft_edition_counts_nowhere(client, editor, subjects):
    outlet, _expert = subjects
    english = ReviewFactory()
    StoryFactory(review=english, outlet=outlet)
    edition_create(source=english, language="ru", by=editor)  # a draft
    assert [found.story_count for found in client.get("/outlets/").context["outlets"]] == [1]
    assert list(client.get("/ru/outlets/").context["outlets"]) == []
    with translation.override("ru"):
        assert published_counts("outlet") == {}
        period = tallies.last_months(tallies.SUBJECT_MONTHS)
        assert sum(uses for _month, uses in tallies.per_month("outlet", outlet.pk, period)) == 0
    assert_counts_right()


def test_the_counts_follow_a_review_put_in_another_language_and_its_deletion(editions):
    english, russian = editions
    Review.objects.filter(pk=russian.pk).update(edition_group=None, language="en")
    assert_counts_right()
    with translation.override("ru"):
        assert published_counts("outlet") == {}
    Review.objects.filter(pk=english.pk).update(edition_group=None, language="ru")
    assert_counts_right()
    Review.objects.filter(pk=english.pk).delete()
    assert_counts_right()
    with translation.override("ru"):
        assert published_counts("expert") == {}


def test_the_api_counts_the_default_language_like_its_lists(client, editions, subjects):
    _outlet, expert = subjects
    russian_browser = {"HTTP_ACCEPT_LANGUAGE": "ru"}  # the API is unprefixed: the default's
    outlets = client.get("/api/v1/outlets", **russian_browser).json()["results"]
    assert [outlet["story_count"] for outlet in outlets] == [1]
    sections = client.get("/api/v1/sections", **russian_browser).json()["results"]
    assert [section["review_count"] for section in sections] == [1]
    over_time = client.get(
        f"/api/v1/experts/{expert.slug}/citations-over-time", **russian_browser
    ).json()
    assert sum(month["citations"] for month in over_time["months"]) == 1


def test_each_language_s_expert_list_has_the_experts_its_editions_cite_by_their_names(
    client, editions, subjects
):
    english, russian = editions
    _outlet, both = subjects
    both.translations = {"ru": {"name": "Ильзе Брандт"}}
    both.save()
    only_english = CitationFactory(story=english.stories.get(), expert__name="Aino Virtanen")
    only_russian = CitationFactory(story=russian.stories.get(), expert__name="Zoe Adair")
    only_russian.expert.translations = {"ru": {"name": "Зоя Адэр"}}
    only_russian.expert.save()

    def listed(prefix: str) -> list[str]:
        experts = client.get(f"{prefix}/experts/").context["experts"]
        return [expert.pk for expert in experts]

    assert listed("") == [only_english.expert.pk, both.pk]  # Aino, Ilse
    assert listed("/ru") == [only_russian.expert.pk, both.pk]  # Зоя, Ильзе
