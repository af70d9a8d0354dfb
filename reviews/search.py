"""Text search over reviews and stories.

On PostgreSQL, full-text search in English: words match whatever their ending ("strikes"
finds "striking"), the web-search syntax works ("a phrase", `or`, `-word`), the GIN indexes
declared in models.py (over the vectors of `reviews.fulltext`) keep it fast, results are
ranked and their matches highlighted. Elsewhere (SQLite in development) a plain fallback:
every word must be contained in the text, newest first, the snippet is the text's start.
"""

import re

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Left, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .fulltext import SEARCH_CONFIG, review_search_vector, story_search_vector
from .models import Review, Story

MAX_QUERY_LENGTH = 200
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


def search_stories(stories: QuerySet, text: str) -> QuerySet:
    """Stories whose headline or body match `text` (see the module's docstring)."""
    text = without_nul(text).strip()
    if not text:
        return stories
    if connections[stories.db].vendor == "postgresql":
        # The matches come from the GIN index in a subquery that DISTINCT keeps PostgreSQL
        # from merging into the list's query. Merged, a list ordered by date with a LIMIT
        # may be planned as a walk down the dates that computes every story's vector until
        # 20 match: seconds per thousand stories when a word is rare.
        matches = (
            Story.objects.alias(story_search=story_search_vector())
            .filter(story_search=web_search_query(text))
            .values("pk")
            .distinct()
        )
        return stories.filter(pk__in=matches)
    for word in plain_words(text):
        stories = stories.filter(Q(headline__icontains=word) | Q(body__icontains=word))
    return stories


def search_reviews(reviews: QuerySet, text: str) -> QuerySet:
    """Reviews whose title or lede, or one of whose stories, match `text`."""
    text = without_nul(text).strip()
    if not text:
        return reviews
    if connections[reviews.db].vendor == "postgresql":
        # Two subqueries, each served by its GIN index, rather than a test of every review.
        query = web_search_query(text)
        by_own_words = (
            Review.objects.alias(review_search=review_search_vector())
            .filter(review_search=query)
            .values("pk")
        )
        by_stories = (
            Story.objects.alias(story_search=story_search_vector())
            .filter(story_search=query)
            .values("review_id")
        )
        return reviews.filter(Q(pk__in=by_own_words) | Q(pk__in=by_stories))
    for word in plain_words(text):
        matching_story = Story.objects.filter(review=OuterRef("pk")).filter(
            Q(headline__icontains=word) | Q(body__icontains=word)
        )
        reviews = reviews.filter(
            Q(title__icontains=word) | Q(lede__icontains=word) | Exists(matching_story)
        )
    return reviews


def ranked_story_results(text: str) -> QuerySet[Story]:
    """Published stories matching `text`, best first, for the search page.

    Each has `search_headline` and `search_snippet` (a passage of the body), the matches
    marked for `highlight()`.
    """
    stories = Story.objects.published()
    text = without_nul(text).strip()
    if not text:
        return stories.none()
    newest_first = ("-review__review_date", "-review__publish_at", "review_id", "position")
    if connection.vendor != "postgresql":
        return (
            search_stories(stories, text)
            .annotate(search_headline=F("headline"), search_snippet=Left("body", 600))
            .order_by(*newest_first)
        )
    query = web_search_query(text)
    # The GIN index finds the matches; ranking them recomputes each match's vector (the
    # index keeps no weights or positions), so the cost grows with the number of matches.
    return (
        stories.alias(story_search=story_search_vector())
        .filter(story_search=query)
        .annotate(
            search_rank=SearchRank(F("story_search"), query),
            search_headline=marked_headline("headline", query),
            search_snippet=marked_snippet("body", query),
        )
        .order_by("-search_rank", *newest_first)
    )


def ranked_review_results(text: str) -> QuerySet[Review]:
    """Published reviews whose title or lede match `text`, best first.

    Each has `search_headline` (the title) and `search_snippet` (the lede), marked for
    `highlight()`.
    """
    reviews = Review.objects.published()
    text = without_nul(text).strip()
    if not text:
        return reviews.none()
    if connection.vendor != "postgresql":
        for word in plain_words(text):
            reviews = reviews.filter(Q(title__icontains=word) | Q(lede__icontains=word))
        return reviews.annotate(
            search_headline=F("title"), search_snippet=Left("lede", 600)
        ).latest_first()
    query = web_search_query(text)
    return (
        reviews.alias(review_search=review_search_vector())
        .filter(review_search=query)
        .annotate(
            search_rank=SearchRank(F("review_search"), query),
            search_headline=marked_headline("title", query),
            search_snippet=marked_snippet("lede", query),
        )
        .order_by("-search_rank", "-review_date", "-publish_at", "-pk")
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
    return SearchHeadline(
        without_markers(field),
        query,
        config=SEARCH_CONFIG,
        start_sel=MATCH_START,
        stop_sel=MATCH_STOP,
        highlight_all=True,
    )


def marked_snippet(field: str, query: SearchQuery) -> SearchHeadline:
    """Up to two passages of a long field around its matches, the matches marked."""
    return SearchHeadline(
        without_markers(field),
        query,
        config=SEARCH_CONFIG,
        start_sel=MATCH_START,
        stop_sel=MATCH_STOP,
        max_words=SNIPPET_WORDS // 2,
        min_words=SNIPPET_WORDS // 4,
        max_fragments=2,
        fragment_delimiter=" … ",
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
