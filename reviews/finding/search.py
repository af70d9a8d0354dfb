"""Text search over reviews and stories: PostgreSQL's full-text search over the stored vectors,
ranked and highlighted; a plain containment search elsewhere. See docs/PERFORMANCE.md,
"Lists, filters and search at archive scale".
"""

import functools
import operator
import re
from collections.abc import Callable

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Left, Replace
from django.db.models.lookups import IsNull
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from reviews.fulltext import REVIEW_WORDS, SEARCH_CONFIG, STORY_WORDS
from reviews.models import Review, Story

MAX_QUERY_LENGTH = 200
# How many of the newest matching stories the search page ranks (see ranked_story_results).
RANKED_MATCHES = 1000
# From how many matching stories on a word is common (see is_common).
COMMON_MATCHES = 2000
SNIPPET_WORDS = 40
# The database marks matches with these private-use characters, which no text means and
# escape() leaves alone: the snippet is escaped whole, then they become <mark> tags.
MATCH_START, MATCH_STOP = "\ue000", "\ue001"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search reviews and stories for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.SearchInput,
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and "q" in data:
            # PostgreSQL refuses NUL characters in text and no reader means one: drop them.
            data = data.copy()
            data["q"] = without_nul(data["q"])
        super().__init__(data, **kwargs)


def without_nul(text: str) -> str:
    return text.replace("\x00", "")


def searched_text(text: str) -> str:
    """What is searched for: `text` without NUL characters or surrounding space."""
    return without_nul(text).strip()


def search_stories(stories: QuerySet, text: str) -> QuerySet:
    """Stories whose headline or body match `text` (see the module's docstring)."""
    return matching(stories, text, full_text=stories_by_vector, word_test=story_has_word)


def search_reviews(reviews: QuerySet, text: str) -> QuerySet:
    """Reviews whose title or lede, or one of whose stories, match `text`."""
    return matching(reviews, text, full_text=reviews_by_vector, word_test=review_has_word)


def matching(
    queryset: QuerySet,
    text: str,
    *,
    full_text: Callable[..., QuerySet],
    word_test: Callable[[str], Q],
) -> QuerySet:
    """`queryset` filtered by the words of `text` (all of it when there are none): on
    PostgreSQL by `full_text(queryset, query, common=is_common(query))`, elsewhere by
    `word_test(word)` for every word."""
    text = searched_text(text)
    if not text:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        query = web_search_query(text)
        return full_text(queryset, query, common=is_common(query))
    return containing_words(queryset, text, word_test)


def stories_by_vector(stories: QuerySet, query: SearchQuery, *, common: bool) -> QuerySet:
    if common:
        # Thousands of matches: walking the list in its order, testing each story's
        # stored vector, finds a page of them at once.
        return stories.filter(search_vector=query)
    # Few matches: they come from the GIN index in a subquery that DISTINCT keeps
    # PostgreSQL from merging into the list's query. Merged, a list ordered by date
    # with a LIMIT may be planned as a walk down the dates that tests every story
    # until 20 match: the whole archive when a word is rare.
    matches = Story.objects.filter(search_vector=query).values("pk").distinct()
    return stories.filter(pk__in=matches)


def reviews_by_vector(reviews: QuerySet, query: SearchQuery, *, common: bool) -> QuerySet:
    if common:
        # As for stories: walk the list, testing each review and then its stories (a
        # scalar subquery, which PostgreSQL cannot turn into a hash of every match).
        first_matching_story = Story.objects.filter(
            review=OuterRef("pk"), search_vector=query
        ).values("pk")[:1]
        return reviews.filter(
            Q(search_vector=query) | Q(IsNull(Subquery(first_matching_story), False))
        )
    # Two subqueries, each served by its GIN index, rather than a test of every review.
    by_own_words = Review.objects.filter(search_vector=query).values("pk")
    by_stories = Story.objects.filter(search_vector=query).values("review_id")
    return reviews.filter(Q(pk__in=by_own_words) | Q(pk__in=by_stories))


def story_has_word(word: str) -> Q:
    return contains(word, STORY_WORDS)


def review_has_word(word: str) -> Q:
    its_stories = Story.objects.filter(review=OuterRef("pk"))
    return contains(word, REVIEW_WORDS) | Exists(its_stories.filter(story_has_word(word)))


def contains(word: str, fields: tuple[str, ...]) -> Q:
    """The fallback's test: `word` is in one of `fields`, in any case."""
    return functools.reduce(operator.or_, (Q(**{f"{field}__icontains": word}) for field in fields))


def containing_words(queryset: QuerySet, text: str, word_test: Callable[[str], Q]) -> QuerySet:
    """The fallback search: every word of `text` passes `word_test`."""
    for word in plain_words(text):
        queryset = queryset.filter(word_test(word))
    return queryset


def is_common(query: SearchQuery) -> bool:
    """Whether at least COMMON_MATCHES stories match (read from the GIN index and as many
    rows): a list filtered by such words is best found by walking it."""
    matches = Story.objects.filter(search_vector=query).values("pk")[:COMMON_MATCHES]
    return matches.count() >= COMMON_MATCHES


def ranking_was_bounded(count: int) -> bool:
    """Whether `ranked_*_results()` left matches out: it ranks RANKED_MATCHES at most."""
    return connection.vendor == "postgresql" and count >= RANKED_MATCHES


def ranked_story_results(text: str) -> QuerySet[Story]:
    """Published stories matching `text`, best first, for the search page.

    Each has `search_headline` and `search_snippet` (a passage of the body), the matches
    marked for `highlight()`.
    """
    # The newest matches by id, which rises with time.
    return ranked_results(
        Story.objects.published(),
        text,
        words=STORY_WORDS,
        newest_first=("-review__review_date", "-review__publish_at", "review_id", "position"),
        newest_matches_first=("-pk",),
    )


def ranked_review_results(text: str) -> QuerySet[Review]:
    """Published reviews whose title or lede match `text`, best first.

    Each has `search_headline` (the title) and `search_snippet` (the lede), marked for
    `highlight()`.
    """
    newest_first = ("-review_date", "-publish_at", "-pk")
    return ranked_results(
        Review.objects.published(),
        text,
        words=REVIEW_WORDS,
        newest_first=newest_first,
        newest_matches_first=newest_first,
    )


def ranked_results(
    published: QuerySet,
    text: str,
    *,
    words: tuple[str, str],
    newest_first: tuple[str, ...],
    newest_matches_first: tuple[str, ...],
) -> QuerySet:
    """The `published` rows whose `words` (heading, text) match `text`, best first, each
    with `search_headline` (the heading) and `search_snippet` (a passage of the text)."""
    heading, body = words
    text = searched_text(text)
    if not text:
        return published.none()
    if connection.vendor != "postgresql":
        return (
            containing_words(published, text, lambda word: contains(word, words))
            .annotate(search_headline=F(heading), search_snippet=Left(body, 600))
            .order_by(*newest_first)
        )
    query = web_search_query(text)
    # Ranking reads each candidate's stored vector, so its cost grows with the number of
    # candidates: only the RANKED_MATCHES newest matches are ranked. A common word matching
    # a hundred thousand stories costs no more than one matching a thousand; fewer matches
    # are all ranked.
    newest_matches = (
        published.filter(search_vector=query)
        .order_by(*newest_matches_first)
        .values("pk")[:RANKED_MATCHES]
    )
    return (
        published.model.objects.filter(pk__in=newest_matches)
        .annotate(
            search_rank=SearchRank(F("search_vector"), query),
            search_headline=marked_headline(heading, query),
            search_snippet=marked_snippet(body, query),
        )
        .order_by("-search_rank", *newest_first)
    )


def highlight_results(results, text: str) -> list:
    """The results of `ranked_*_results()` as a list, each given `headline_html` and
    `snippet_html`: safe HTML with the matches in <mark>."""
    results = list(results)
    for result in results:
        snippet = result.search_snippet
        if connection.vendor != "postgresql":
            snippet = Truncator(snippet).words(SNIPPET_WORDS)
        result.headline_html = highlight(result.search_headline, text)
        result.snippet_html = highlight(snippet, text)
    return results


def highlight(marked_text: str, text: str) -> SafeString:
    """`marked_text` as HTML: all of it escaped, then its marked matches put in <mark>.

    PostgreSQL has marked the matches already; elsewhere the words of `text` are marked here.
    """
    if connection.vendor != "postgresql":
        marked_text = mark_words(unmarked(marked_text), plain_words(text))
    html = escape(marked_text).replace(MATCH_START, "<mark>").replace(MATCH_STOP, "</mark>")
    # Safe: everything was escaped; only our own markers have become tags.
    return mark_safe(html)


def web_search_query(text: str) -> SearchQuery:
    # websearch_to_tsquery() accepts any input without a syntax error.
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def marked_headline(field: str, query: SearchQuery) -> SearchHeadline:
    """The whole of a short field, every match marked."""
    return marked(field, query, highlight_all=True)


def marked_snippet(field: str, query: SearchQuery) -> SearchHeadline:
    """Up to two passages of a long field around its matches, the matches marked."""
    return marked(
        field,
        query,
        max_words=SNIPPET_WORDS // 2,
        min_words=SNIPPET_WORDS // 4,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def marked(field: str, query: SearchQuery, **options) -> SearchHeadline:
    """`field` with the matches of `query` between our markers (see `highlight()`)."""
    return SearchHeadline(
        without_markers(field),
        query,
        config=SEARCH_CONFIG,
        start_sel=MATCH_START,
        stop_sel=MATCH_STOP,
        **options,
    )


def without_markers(field: str) -> Replace:
    """The field without our marker characters, so that only real matches become <mark>."""
    return Replace(Replace(F(field), Value(MATCH_START)), Value(MATCH_STOP))


def unmarked(text: str) -> str:
    return text.replace(MATCH_START, "").replace(MATCH_STOP, "")


def plain_words(text: str) -> list[str]:
    """The words of `text` for the fallback search, quotes of the web-search syntax dropped."""
    return text.replace('"', " ").split()


def mark_words(text: str, words: list[str]) -> str:
    if not words:
        return text
    longest_first = sorted(set(words), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE)
    return pattern.sub(lambda match: f"{MATCH_START}{match[0]}{MATCH_STOP}", text)
