"""Search at /search/?q=...: published reviews and stories only, matches highlighted safely.

Every behaviour here is expected alike of PostgreSQL's full-text search and SQLite's FTS5
(CI runs this file on both); only the GIN index test is PostgreSQL's own.
"""

import pytest
from django.db import connection
from django.urls import reverse

from reviews.finding.search import (
    MAX_QUERY_LENGTH,
    ranked_story_results,
    search_reviews,
    search_stories,
)
from reviews.models import Review, Story
from tests.support.database import only_gin_index_scans_cheap
from tests.support.factories import OutletFactory, ReviewFactory, SectionFactory, StoryFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only (its GIN indexes): runs in CI's PostgreSQL pass",
)

HIDDEN_STATES = {
    "draft": {"draft": True},
    "in_review": {"in_review": True},
    "withdrawn": {"withdrawn": True},
    "scheduled": {"scheduled": True},
}


def search(client, q, **params):
    return client.get(reverse("reviews:search"), {"q": q, **params})


def found_headlines(response) -> list[str]:
    return [story.headline for story in response.context["stories"]]


def found_titles(response) -> list[str]:
    return [review.title for review in response.context["reviews"]]


def test_search_finds_published_stories_by_words_in_headline_or_body(client):
    StoryFactory(headline="Lighthouse keepers walk out", body="Nothing else to report.")
    StoryFactory(headline="Quiet day", body="The ferry timetable changes in spring.")
    StoryFactory(headline="Unrelated", body="Parliament debates the budget.")

    assert found_headlines(search(client, "lighthouse")) == ["Lighthouse keepers walk out"]
    assert found_headlines(search(client, "ferry timetable")) == ["Quiet day"]


def test_search_finds_published_reviews_by_words_in_title_or_lede(client):
    ReviewFactory(title="Press review: Glaciers retreat faster", lede="The papers lead.")
    ReviewFactory(title="Press review: Calm", lede="The papers discuss the orchard harvest.")

    assert found_titles(search(client, "glaciers")) == ["Press review: Glaciers retreat faster"]
    assert found_titles(search(client, "orchard")) == ["Press review: Calm"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_search_never_returns_an_unpublished_review_or_its_stories(client, state):
    """Draft, in-review, withdrawn and scheduled reviews stay out of the results."""
    hidden = ReviewFactory(
        title="Press review: Zebra crossing quarantined title",
        lede="A zebra lede.",
        **HIDDEN_STATES[state],
    )
    StoryFactory(review=hidden, headline="Quarantined zebra headline", body="Zebra body.")
    StoryFactory(headline="Zebra herd sighted", body="A public story.")

    response = search(client, "zebra")

    assert response.status_code == 200
    assert found_headlines(response) == ["Zebra herd sighted"]
    assert found_titles(response) == []
    assert "Quarantined" not in response.text
    assert hidden.get_absolute_url() not in response.text


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_search_functions_used_by_the_list_filters_keep_hidden_reviews_out(state):
    """The `q` filter of /reviews/ and /stories/ narrows the published querysets only."""
    hidden = ReviewFactory(title="Press review: Walrus", **HIDDEN_STATES[state])
    StoryFactory(review=hidden, headline="Walrus colony", body="Walrus.")

    assert not search_stories(Story.objects.published(), "walrus").exists()
    assert not search_reviews(Review.objects.published(), "walrus").exists()


def test_search_functions_match_a_review_by_its_own_words_or_its_stories():
    by_title = ReviewFactory(title="Press review: Beekeepers protest")
    by_story = ReviewFactory(title="Press review: Other news")
    StoryFactory(review=by_story, headline="Beekeepers march on the ministry")
    ReviewFactory(title="Press review: Nothing to see")

    found = search_reviews(Review.objects.published(), "beekeepers")

    assert set(found) == {by_title, by_story}


def test_search_results_link_to_the_story_anchor_on_the_review_page(client):
    story = StoryFactory(headline="Tram line opens", position=3)

    page = search(client, "tram").text

    assert story.get_absolute_url().endswith("#story-3")
    assert f'href="{story.get_absolute_url()}"' in page
    assert story.outlet.name in page
    assert story.review.get_absolute_url() in page


def test_highlighted_snippet_escapes_html_and_marks_the_match(client):
    """Markup in a headline or body is shown as text (or, by PostgreSQL, left out)."""
    StoryFactory(
        headline="Ferry <script>alert(1)</script> plans",
        body="Officials said <script>alert(2)</script> that a<b & the ferry timetable changes.",
    )

    page = search(client, "ferry").text

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<mark>Ferry</mark>" in page
    assert "a&lt;b &amp; the <mark>ferry</mark> timetable" in page


def test_marker_characters_in_the_text_do_not_become_tags(client):
    """Only real matches are wrapped in <mark>, whatever characters an editor typed."""
    StoryFactory(headline="Canal \ue000works\ue001 resume", body="The canal \ue001reopens.")

    page = search(client, "canal").text

    assert page.count("<mark>") == page.count("</mark>") == 2


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_query_shows_the_form_and_a_hint(client, params):
    StoryFactory()
    response = client.get(reverse("reviews:search"), params)

    assert response.status_code == 200
    assert response.context["stories"] == []
    assert 'type="search" name="q"' in response.text
    assert 'id="search-hint"' in response.text
    assert "story-results" not in response.text


def test_over_long_query_is_refused_with_a_message(client):
    response = search(client, "a" * (MAX_QUERY_LENGTH + 1))

    assert response.status_code == 400
    assert f"at most {MAX_QUERY_LENGTH} characters" in response.text
    assert 'aria-invalid="true"' in response.text
    assert search(client, "a" * MAX_QUERY_LENGTH).status_code == 200


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"unbalanced phrase',
        "&|!:*()",
        "harbour:* & !strike | (",
        "' OR 1=1; --",
        "'); DROP TABLE reviews_story; --",
        "%_\\",
        "-",
        "or",
        "- - or or",
        "<script>alert(1)</script>",
        "ключ 港口 ☃ 🚢",
        "\x00",
        "harbour\x00strike",
        "\ue000harbour\ue001",
        '"',
        '""',
        "*",
        "harbour*",
        "NEAR(harbour strike)",
        "NEAR(",
        "^harbour",
        "headline:harbour",
        ":",
        "harbour AND strike",
        "harbour NOT strike",
        "AND OR NOT",
        '"harbour strike',
        'harbour" strike"',
        "(harbour",
        "harbour)",
        "{headline body}: harbour",
        "+ harbour",
        "-" * MAX_QUERY_LENGTH,
        '"' * MAX_QUERY_LENGTH,
        "harbour " * (MAX_QUERY_LENGTH // 8),
        "a or " * (MAX_QUERY_LENGTH // 5),
        "x -" * (MAX_QUERY_LENGTH // 3),
    ],
)
def test_hostile_queries_never_fail(client, q):
    """Nothing typed is read as the database's own query syntax: no error, ever."""
    StoryFactory(headline="Harbour strike", body="Dockers strike at the harbour.")
    ReviewFactory(title="Press review: Harbour strike")

    response = search(client, q)

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    for list_name in ["reviews:story-list", "reviews:review-list"]:
        assert client.get(reverse(list_name), {"q": q}).status_code in (200, 400)
    assert client.get("/api/v1/stories", {"q": q}).status_code in (200, 400)


def test_search_functions_ignore_nul_characters():
    StoryFactory(headline="Harbour strike")

    assert search_stories(Story.objects.published(), "harb\x00our").count() == 1
    assert search_reviews(Review.objects.published(), "\x00").count() == 1
    assert list(ranked_story_results("\x00")) == []


def test_pagination_keeps_the_query(client):
    review = ReviewFactory()
    for position in range(1, 22):
        StoryFactory(review=review, position=position, headline=f"Heatwave report {position}")
    StoryFactory(headline="Unrelated")

    first = search(client, "heatwave")
    second = search(client, "heatwave", page=2)

    assert first.context["paginator"].count == 21
    assert len(first.context["stories"]) == 20
    assert "?q=heatwave&amp;page=2" in first.text
    assert len(second.context["stories"]) == 1
    assert second.context["reviews"] == []


@pytest.mark.parametrize("results", [1, 20])
def test_search_runs_the_same_queries_for_one_or_many_results(
    client, django_assert_max_num_queries, results
):
    for number in range(results):
        ReviewFactory(title=f"Press review: Drought {number}")
        StoryFactory(headline=f"Drought deepens {number}", tags=["weather", f"tag-{number}"])

    # The names the words may be part of (their other spellings), stories (count, page,
    # tags) and reviews (page, count).
    with django_assert_max_num_queries(6):
        response = search(client, "drought")

    assert len(response.context["stories"]) == results


def test_words_match_whatever_their_ending(client):
    StoryFactory(headline="Nurses strike again", body="Wards close.")
    StoryFactory(headline="Porters striking", body="Lifts stop.")
    StoryFactory(headline="Quiet wards", body="Nothing happens.")

    assert sorted(found_headlines(search(client, "strikes"))) == [
        "Nurses strike again",
        "Porters striking",
    ]
    assert found_headlines(search(client, "NURSE")) == ["Nurses strike again"]


def test_a_quoted_phrase_matches_those_words_in_that_order(client):
    StoryFactory(headline="Ferry tender delayed", body="Bids are late.")
    StoryFactory(headline="Tender offer for the ferry operator", body="Shares rise.")

    assert found_headlines(search(client, '"ferry tender"')) == ["Ferry tender delayed"]
    assert len(found_headlines(search(client, "ferry tender"))) == 2


def test_a_minus_word_excludes_and_or_joins(client):
    StoryFactory(headline="Canal blockade widens", body="Barges wait.")
    StoryFactory(headline="Canal calm returns", body="Ships sail.")
    StoryFactory(headline="Airport queues grow", body="Travellers wait.")

    assert found_headlines(search(client, "canal -blockade")) == ["Canal calm returns"]
    assert found_headlines(search(client, "-blockade canal")) == ["Canal calm returns"]
    assert found_headlines(search(client, 'canal -"blockade widens"')) == ["Canal calm returns"]
    assert sorted(found_headlines(search(client, "calm or airport"))) == [
        "Airport queues grow",
        "Canal calm returns",
    ]
    assert sorted(found_headlines(search(client, "canal wait OR airport -queues"))) == [
        "Canal blockade widens"
    ]
    assert sorted(found_headlines(search(client, '"calm returns" or "queues grow"'))) == [
        "Airport queues grow",
        "Canal calm returns",
    ]


def test_a_match_in_the_headline_ranks_above_one_in_the_body(client):
    StoryFactory(headline="Budget vote", body="The senate also discussed the orchard levy.")
    StoryFactory(headline="Orchard levy scrapped", body="Farmers celebrate.")
    StoryFactory(headline="Weather", body="Rain.")

    assert found_headlines(search(client, "orchard")) == [
        "Orchard levy scrapped",
        "Budget vote",
    ]


def test_more_matching_words_rank_above_fewer(client):
    """Of two body-only matches, the one with both words comes first."""
    StoryFactory(headline="Budget", body="The orchard board met on Monday.")
    StoryFactory(headline="Farming", body="The orchard levy, the orchard levy again.")

    assert found_headlines(search(client, "orchard or levy")) == ["Farming", "Budget"]


def test_snippet_is_a_passage_around_the_match(client):
    filler = " ".join(f"word{number}" for number in range(200))
    StoryFactory(headline="Long story", body=f"{filler} the glacier melts. {filler}")

    snippet = str(search(client, "glacier").context["stories"][0].snippet_html)

    assert "<mark>glacier</mark>" in snippet
    assert len(snippet.split()) < 60


def test_the_snippet_of_a_match_in_the_headline_is_the_start_of_the_body(client):
    StoryFactory(headline="Glacier melts", body="Scientists measured the ice. " * 30)

    snippet = str(search(client, "glacier").context["stories"][0].snippet_html)

    assert snippet.startswith("Scientists measured the ice.")
    assert len(snippet.split()) < 60


@pytest.mark.parametrize("q", ["a", "the", "A", "The", "and the of", '"the a"', "don't"])
def test_a_search_for_common_words_alone_finds_nothing_and_says_why(client, q):
    StoryFactory(headline="A day at the canal", body="The barges and the boats.")
    ReviewFactory(title="Press review: A canal and the barges")

    response = search(client, q)

    assert response.status_code == 200
    assert response.context["stories"] == []
    assert response.context["reviews"] == []
    assert "too common to search for" in response.text
    assert "story-results" not in response.text
    assert not search_stories(Story.objects.published(), q).exists()
    assert not search_reviews(Review.objects.published(), q).exists()


def test_the_note_on_common_words_shows_them_as_text(client):
    page = search(client, "<i>the</i>").text

    assert "“&lt;i&gt;the&lt;/i&gt;” is too common to search for" in page
    assert "<i>the" not in page


def test_common_words_are_left_out_of_a_longer_search_and_the_page_says_so(client):
    StoryFactory(headline="Barges on a canal", body="Boats.")
    StoryFactory(headline="Barges in the river", body="Boats.")

    response = search(client, "the canal barges")

    assert found_headlines(response) == ["Barges on a canal"]
    assert "“the” is too common to search for" in response.text


def test_a_phrase_keeps_the_words_on_either_side_of_a_common_one(client):
    StoryFactory(headline="Minister of finance resigns", body="Markets react.")
    StoryFactory(headline="Finance minister resigns", body="Markets react.")

    assert found_headlines(search(client, '"minister of finance"')) == [
        "Minister of finance resigns"
    ]
    assert found_headlines(search(client, '"the minister of finance"')) == [
        "Minister of finance resigns"
    ]


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("-blockade", "A minus sign only leaves words out"),
        ("- - -", "Type a word to look for"),
        ('"*" ^ :', "Type a word to look for"),
    ],
)
def test_a_search_with_nothing_to_find_says_why(client, q, said):
    StoryFactory(headline="Canal calm returns", body="Ships sail.")

    response = search(client, q)

    assert response.status_code == 200
    assert response.context["stories"] == []
    assert said in response.text


def test_the_search_page_explains_how_to_search(client):
    page = search(client, "").text

    assert "How to search" in page
    for example in ["<code>harbour strike</code>", '<code>"rail tender"</code>']:
        assert example in page


@pytest.mark.parametrize(
    ("list_name", "params", "found"),
    [
        ("reviews:story-list", {"q": "canal", "outlet": "canal-times"}, ["Canal calm returns"]),
        ("reviews:story-list", {"q": "canal -calm"}, ["Canal blockade widens"]),
        ("reviews:story-list", {"q": "canal", "tag": "boats"}, ["Canal blockade widens"]),
        ("reviews:review-list", {"q": "canal", "section": "waterways"}, ["Press review: Calm"]),
        ("reviews:review-list", {"q": '"blockade widens"'}, ["Press review: Blockade"]),
        ("reviews:review-list", {"q": "a"}, []),
    ],
)
def test_the_lists_combine_search_with_their_filters(client, list_name, params, found):
    calm = ReviewFactory(
        title="Press review: Calm", section=SectionFactory(name="Waterways", slug="waterways")
    )
    StoryFactory(
        review=calm,
        headline="Canal calm returns",
        outlet=OutletFactory(name="Canal Times", slug="canal-times"),
    )
    blockade = ReviewFactory(title="Press review: Blockade")
    StoryFactory(review=blockade, headline="Canal blockade widens", tags=["boats"])

    response = client.get(reverse(list_name), params)

    assert response.status_code == 200
    listed = response.context["object_list"]
    assert [getattr(row, "headline", None) or row.title for row in listed] == found


def test_the_api_searches_as_the_site_does(client):
    StoryFactory(headline="Canal blockade widens", body="Barges wait.")
    StoryFactory(headline="Canal calm returns", body="Ships sail.")

    def api_headlines(q):
        response = client.get("/api/v1/stories", {"q": q})
        assert response.status_code == 200
        return sorted(story["headline"] for story in response.json()["results"])

    assert api_headlines("canals -blockade") == ["Canal calm returns"]
    assert api_headlines('"calm returns" or blockade') == [
        "Canal blockade widens",
        "Canal calm returns",
    ]
    assert api_headlines("the") == []


@postgres_only
@pytest.mark.parametrize(
    ("index_name", "queryset"),
    [
        pytest.param(
            "story_search_vector_idx", lambda: ranked_story_results("harbour"), id="search-page"
        ),
        pytest.param(
            "story_search_vector_idx",
            lambda: search_stories(Story.objects.published(), "harbour"),
            id="story-filter",
        ),
        pytest.param(
            "review_search_vector_idx",
            lambda: search_reviews(Review.objects.published(), "harbour"),
            id="review-filter",
        ),
    ],
)
def test_search_queries_use_the_gin_indexes(index_name, queryset):
    """The query tests the indexed (stored) vector, so PostgreSQL can use the index.

    With sequential and plain index scans priced out, a bitmap scan of the GIN index is
    the only cheap plan left, and is possible only if the expressions are the same.
    """
    review = ReviewFactory(title="Press review: Harbour news")
    for position in range(1, 201):
        headline = f"Harbour story {position}" if position % 20 == 0 else f"Story {position}"
        StoryFactory(review=review, position=position, headline=headline)
    only_gin_index_scans_cheap()

    plan = queryset().explain()

    assert "Bitmap Index Scan on " + index_name in plan, plan


def test_the_gin_indexes_exist_on_postgresql_only():
    """Elsewhere their SQL is a comment, so migrations that rebuild these tables still work."""
    editor = connection.schema_editor()
    for model, name in [(Story, "story_search_vector_idx"), (Review, "review_search_vector_idx")]:
        (index,) = [index for index in model._meta.indexes if index.name == name]
        sql = str(index.create_sql(model, editor))
        if connection.vendor == "postgresql":
            assert sql.startswith(f'CREATE INDEX "{name}"') and "USING gin" in sql
        else:
            assert sql == f"-- create index {name}: PostgreSQL only"


def test_search_results_ask_crawlers_not_to_index_them(client):
    response = client.get(reverse("reviews:search"), {"q": "anything"})
    assert '<meta name="robots" content="noindex, follow">' in response.text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 tables")
@pytest.mark.parametrize(
    "queryset",
    [
        pytest.param(lambda: ranked_story_results("harbour"), id="search-page"),
        pytest.param(
            lambda: search_stories(Story.objects.published(), "harbour").order_by("-pk"),
            id="story-filter",
        ),
    ],
)
def test_sqlite_starts_from_the_fts5_matches(queryset):
    """Not from every published story tested against a list of the matches, which cost
    minutes at 60,000 stories."""
    StoryFactory(headline="Harbour story")

    plan = queryset().explain()

    assert plan.splitlines()[0].split(maxsplit=3)[3].startswith("SCAN reviews_story_fts"), plan
