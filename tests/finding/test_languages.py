"""Search in each language: the editions of the page's language only, their words found in
any form that language's stemming gives them (PostgreSQL's configuration of the language;
on SQLite, porter for English and a Snowball stem found as a prefix for Russian), names in
either spelling, and a draft edition never."""

# Russian words are the point here, their letters only look like Latin ones.
# ruff: noqa: RUF001, RUF002

import sqlite3

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from reviews.finding.query import STOP_WORDS, read_query, stop_words
from reviews.finding.search import ranked_story_results, search_reviews, search_stories
from reviews.finding.search_sqlite import russian_word
from reviews.fulltext import FTS5_TOKENIZER, SEARCH_CONFIGS, search_config
from reviews.models import ANY_LANGUAGE, Review, Story
from reviews.publishing.editions import edition_create
from tests.support.database import built_once, only_gin_index_scans_cheap
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    ReviewFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only: runs in CI's PostgreSQL pass"
)

ENGLISH_STORY = "Negotiators meet at the harbour"
RUSSIAN_STORY = "Докеры вернулись к столу"
CITING_STORY = "Министр прокомментировал забастовку"
DRAFT_STORY = "Тайные переговоры о пароме"


@pytest.fixture(scope="module", autouse=True)
def editions(django_db_setup, django_db_blocker):
    """A published English review and its published Russian edition, each with a story
    naming the Harbourline terminal; a Russian story citing an expert with a Russian name;
    and a Russian draft edition of another review."""
    with built_once(django_db_blocker):
        english = ReviewFactory(title="Press review: Harbour talks resume", slug="harbour-talks")
        StoryFactory(
            review=english,
            headline=ENGLISH_STORY,
            body="Dockers and owners of the Harbourline terminal negotiated through the night.",
        )
        russian = ReviewFactory(
            language="ru",
            slug="harbour-talks-ru",
            title="Обзор прессы: переговоры в порту",
            lede="Газеты следят за переговорами.",
        )
        StoryFactory(
            review=russian,
            position=1,
            headline=RUSSIAN_STORY,
            body="Профсоюз и владельцы терминалов Harbourline провели ночь в переговорах.",
        )
        lavrov = ExpertFactory(
            name="Sergey Lavrov",
            slug="sergey-lavrov",
            translations={"ru": {"name": "Сергей Лавров"}},
        )
        CitationFactory(
            expert=lavrov,
            story__review=russian,
            story__position=2,
            story__headline=CITING_STORY,
            story__body="Сергей Лавров заявил, что порт откроется в пятницу.",
        )
        other = ReviewFactory(title="Press review: Ferries", slug="ferries")
        StoryFactory(review=other, headline="Ferries sail", body="The ferrymen talk.")
        draft = edition_create(source=other, language="ru", by=UserFactory(groups=["Editors"]))
        Review.objects.filter(pk=draft.pk).update(title="Обзор прессы: черновик о переговорах")
        Story.objects.filter(review=draft).update(
            headline=DRAFT_STORY, body="Черновик о переговорах с паромщиками."
        )
        yield


def search(client, q, language="en"):
    with translation.override(language):
        path = reverse("reviews:search")
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    return response


def found(client, q, language="en") -> list[str]:
    return [story.headline for story in search(client, q, language).context["stories"]]


@pytest.mark.parametrize("q", ["переговоры", "переговорами", "Переговор"])
def test_a_russian_story_is_found_by_another_form_of_its_words(client, q):
    """The text says "переговорах"; the Russian search page finds it by any of its forms,
    and marks the word as the text has it."""
    response = search(client, q, "ru")
    assert [story.headline for story in response.context["stories"]] == [RUSSIAN_STORY]
    assert "<mark>переговорах</mark>" in response.text
    assert [review.title for review in response.context["reviews"]] == [
        "Обзор прессы: переговоры в порту"
    ]


def test_a_russian_phrase_is_found_in_another_form(client):
    """The text says "владельцы терминалов": the phrase in another case is found, its words
    still together and in order."""
    assert found(client, '"владельца терминалов"', "ru") == [RUSSIAN_STORY]
    assert found(client, '"терминалов владельца"', "ru") == []


def test_common_russian_words_are_left_out_as_postgresql_leaves_them_out(client):
    """On both databases: "или" is not in the story, and no search needs it."""
    assert found(client, "переговоры или", "ru") == [RUSSIAN_STORY]
    response = search(client, "и", "ru")
    assert response.context["stories"] == []
    assert response.context["search_notes"][0] == (
        "Слово «и» слишком распространено для поиска: оно есть почти в каждом тексте."
    )


def test_english_stemming_is_unchanged(client):
    assert found(client, "negotiation") == [ENGLISH_STORY]
    assert found(client, "negotiating harbours") == [ENGLISH_STORY]


def test_each_language_s_search_lists_only_its_own_editions(client):
    assert found(client, "Harbourline") == [ENGLISH_STORY]
    assert found(client, "Harbourline", "ru") == [RUSSIAN_STORY]
    assert found(client, "переговорах") == []
    assert found(client, "negotiated", "ru") == []


def test_a_russian_draft_edition_is_never_found(client):
    response = search(client, "паромщики переговоры", "ru")
    assert response.context["stories"] == []
    response = search(client, "переговоры", "ru")
    assert DRAFT_STORY not in response.text
    assert "черновик" not in response.text.lower()


@pytest.mark.parametrize("q", ["Lavrov", "Лавров", "sergey lavrov"])
def test_an_expert_is_found_by_either_spelling_of_his_name(client, q):
    """The Russian story writes "Сергей Лавров"; the Latin spelling finds it too."""
    assert found(client, q, "ru") == [CITING_STORY]


def test_the_api_searches_the_editions_of_the_language_asked_for(client):
    def headlines(language):
        response = client.get("/api/v1/stories", {"q": "переговоры", "language": language})
        assert response.status_code == 200
        return [story["headline"] for story in response.json()["results"]]

    assert headlines("ru") == [RUSSIAN_STORY]
    assert headlines("en") == []


def test_the_lists_q_searches_the_page_s_language(client):
    with translation.override("ru"):
        path = reverse("reviews:story-list")
    assert RUSSIAN_STORY in client.get(path, {"q": "переговоры"}).text


def test_the_admin_s_search_finds_each_edition_as_its_language_stems(client):
    """The admin lists every language's editions: a Russian word in any of its forms
    finds the Russian ones (and stays out of the English)."""
    stories = Story.objects.all()
    assert set(
        search_stories(stories, "переговоры", language=ANY_LANGUAGE).values_list(
            "headline", flat=True
        )
    ) == {RUSSIAN_STORY, DRAFT_STORY}
    assert set(
        search_stories(stories, "negotiation", language=ANY_LANGUAGE).values_list(
            "headline", flat=True
        )
    ) == {ENGLISH_STORY}


def test_a_review_put_in_another_language_is_searched_as_that_language_stems(client):
    """A review's language changed (or a story moved to a review of another language):
    its stories' words are then stemmed in the new language."""
    review = ReviewFactory(slug="mislabelled", title="Обзор прессы: ошибка")
    StoryFactory(review=review, headline="Паромщики бастуют", body="Паромщики бастуют.")
    moved = StoryFactory(headline="Забастовка паромщиков", body="Паромщиков поддержали.")
    Review.objects.filter(pk=review.pk).update(language="ru")
    Story.objects.filter(pk=moved.pk).update(review=review, position=2)
    with translation.override("ru"):
        found = search_stories(Story.objects.published().in_language(), "паромщик")
        assert set(found.values_list("headline", flat=True)) == {
            "Паромщики бастуют",
            "Забастовка паромщиков",
        }


@pytest.mark.once
@pytest.mark.parametrize(
    ("word", "written"),
    [
        ("переговорах", '"переговор" *'),
        ("ёлками", '"ёлк" *'),
        ("ес", '"ес"'),
        ("harbour", '"harbour"'),
        ("covid19", '"covid19"'),
    ],
)
def test_a_russian_word_is_found_by_the_prefix_its_stem_is(word, written):
    """On SQLite: short stems find the word whole; ё is kept as typed (FTS5 tells it from
    е); words with Latin letters are left to porter."""
    assert russian_word(word) == written


@pytest.mark.once
def test_fts5_leaves_cyrillic_words_whole_and_finds_them_by_their_stems():
    """What the prefix search relies on: porter passes Cyrillic through unchanged."""
    database = sqlite3.connect(":memory:")
    database.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, tokenize='{FTS5_TOKENIZER}')")
    database.execute("CREATE VIRTUAL TABLE words USING fts5vocab(t, 'row')")
    database.execute("INSERT INTO t VALUES ('Переговоры о ёлках в порту')")
    assert {term for (term,) in database.execute("SELECT term FROM words")} == {
        "переговоры",
        "о",
        "ёлках",
        "в",
        "порту",
    }

    def count(text):
        expression = read_query(text).fts5(russian_word)
        return database.execute("SELECT count(*) FROM t WHERE t MATCH ?", [expression]).fetchone()

    assert count('"переговорах о ёлке"') == (1,)
    assert count("ёлка -порта") == (0,)
    assert count("ёлка -паромы") == (1,)


@postgres_only
@pytest.mark.parametrize(
    "text",
    [
        "переговоры и порт",
        '"владельцы терминалов" -паромы',
        "Lavrov или переговоры",
        "переговоры or порт",
        '"переговоры в порту" the',
    ],
)
def test_postgresql_reads_a_russian_query_as_it_reads_what_the_reader_typed(text):
    """As tests/finding/test_query.py checks in English, in the russian configuration."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery('russian', %s)::text, "
            "websearch_to_tsquery('russian', %s)::text",
            [text, read_query(text, stop_words("ru")).websearch()],
        )
        typed, sent = cursor.fetchone()
    assert sent == typed


@postgres_only
def test_the_common_russian_words_are_postgresqls_russian_stop_words():
    """Each of the list is a stop word to PostgreSQL's russian stemmer, and no other word
    of this module's Russian texts."""
    listed = stop_words("ru") - STOP_WORDS
    words = sorted(listed | {"переговорах", "владельцы", "заявил", "порт", "ещё", "всё"})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word "
            "WHERE ts_lexize('russian_stem', word) = '{}'",
            [words],
        )
        assert {word for (word,) in cursor.fetchall()} == listed


@postgres_only
def test_the_triggers_use_each_language_s_configuration():
    """The SQL function the triggers call agrees with reviews.fulltext.SEARCH_CONFIGS."""
    languages = [*SEARCH_CONFIGS, "de", ""]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT language, reviews_search_config(language)::text "
            "FROM unnest(%s::text[]) AS language",
            [languages],
        )
        assert dict(cursor.fetchall()) == {
            language: search_config(language) for language in languages
        }


@postgres_only
@pytest.mark.parametrize(
    ("index_name", "queryset"),
    [
        pytest.param(
            "story_search_vector_idx", lambda: ranked_story_results("переговоры"), id="page"
        ),
        pytest.param(
            "review_search_vector_idx",
            lambda: search_reviews(Review.objects.published().in_language(), "переговоры"),
            id="review-filter",
        ),
        pytest.param(
            "story_search_vector_idx",
            lambda: search_stories(Story.objects.all(), "переговоры", language=ANY_LANGUAGE),
            id="admin",
        ),
    ],
)
def test_a_russian_search_uses_the_gin_indexes(index_name, queryset):
    """As tests/site/test_search.py checks for English: with sequential and plain index scans
    priced out, a bitmap scan of the GIN index is the only cheap plan left."""
    review = ReviewFactory(language="ru", slug="many-stories-ru", title="Обзор прессы: порт")
    for position in range(1, 201):
        body = "Речь о переговорах." if position % 20 == 0 else f"Заметка {position}."
        StoryFactory(review=review, position=position, headline="Порт", body=body)
    only_gin_index_scans_cheap()
    with translation.override("ru"):
        plan = queryset().explain()
    assert "Bitmap Index Scan on " + index_name in plan, plan
