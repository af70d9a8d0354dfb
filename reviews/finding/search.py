"""Text search over reviews and stories, the same on both databases: the reader's words are
read once (query.py), then found by the database's full-text search (search_postgresql.py
or search_sqlite.py) as the language searched stems them (the page's by default), ranked and
highlighted. See docs/PERFORMANCE.md, "Search".
"""

from types import ModuleType

from django import forms
from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from reviews.finding import search_postgresql, search_sqlite
from reviews.finding.highlighting import highlight
from reviews.finding.query import ReaderQuery, read_query, stop_words
from reviews.finding.spellings import with_other_spellings
from reviews.fulltext import REVIEW_WORDS, STORY_WORDS
from reviews.models import Review, Story
from reviews.translations import current_language

MAX_QUERY_LENGTH = 200
# How many of the newest matching stories the search page ranks (see ranked_results).
RANKED_MATCHES = 1000
BACKENDS = {"postgresql": search_postgresql, "sqlite": search_sqlite}


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


def reader_query(text: str) -> ReaderQuery:
    """The reader's words, as typed, less the common words of the page's language."""
    return read_query(searched_text(text), stop_words(current_language()))


def searched_query(text: "str | ReaderQuery") -> ReaderQuery:
    """What is searched for: the reader's words, each also in the other spellings of the
    names it is part of (reviews.finding.spellings), read once when given a ReaderQuery."""
    if isinstance(text, ReaderQuery):
        return text
    return with_other_spellings(reader_query(text))


def backend(queryset: QuerySet) -> ModuleType:
    return BACKENDS[connections[queryset.db].vendor]


def search_stories(stories: QuerySet, text: str, *, language: str | None = None) -> QuerySet:
    """Stories whose headline or body match `text` (all of them when `text` is blank), the
    words read as the editions in `language` (the page's by default; ANY_LANGUAGE: as any
    language's) are stemmed."""
    if not searched_text(text):
        return stories
    query = searched_query(text)
    if not query:
        return stories.none()
    return backend(stories).stories_matching(stories, query, language or current_language())


def search_reviews(reviews: QuerySet, text: str, *, language: str | None = None) -> QuerySet:
    """Reviews whose title or lede, or one of whose stories, match `text` (in `language`,
    as for search_stories())."""
    if not searched_text(text):
        return reviews
    query = searched_query(text)
    if not query:
        return reviews.none()
    return backend(reviews).reviews_matching(reviews, query, language or current_language())


def ranking_was_bounded(count: int) -> bool:
    """Whether `ranked_*_results()` left matches out: it ranks RANKED_MATCHES at most."""
    return count >= RANKED_MATCHES


def ranked_story_results(text: "str | ReaderQuery") -> QuerySet[Story]:
    """Published stories of the page's language matching `text` (or a `searched_query()`),
    best first, for the search page.

    Each has `search_headline` and `search_snippet` (a passage of the body), the matches
    marked for `highlight()`.
    """
    # The newest matches by id, which rises with time.
    return ranked_results(
        Story.objects.published().in_language(),
        text,
        words=STORY_WORDS,
        newest_first=("-review__review_date", "-review__publish_at", "review_id", "position"),
        newest_matches_first=("-pk",),
    )


def ranked_review_results(text: "str | ReaderQuery") -> QuerySet[Review]:
    """Published reviews of the page's language whose title or lede match `text`, best
    first.

    Each has `search_headline` (the title) and `search_snippet` (the lede), marked for
    `highlight()`.
    """
    newest_first = ("-review_date", "-publish_at", "-pk")
    return ranked_results(
        Review.objects.published().in_language(),
        text,
        words=REVIEW_WORDS,
        newest_first=newest_first,
        newest_matches_first=newest_first,
    )


def ranked_results(
    published: QuerySet,
    text: "str | ReaderQuery",
    *,
    words: tuple[str, str],
    newest_first: tuple[str, ...],
    newest_matches_first: tuple[str, ...],
) -> QuerySet:
    """The `published` rows (of the page's language) whose `words` (heading, text) match
    `text`, best first, each with `search_headline` (the heading) and `search_snippet` (a
    passage of the text)."""
    query = searched_query(text)
    if not query:
        return published.none()
    search = backend(published)
    language = current_language()
    # Ranking reads each candidate's words, so its cost grows with the number of
    # candidates: only the RANKED_MATCHES newest matches are ranked. A common word matching
    # a hundred thousand stories costs no more than one matching a thousand; fewer matches
    # are all ranked.
    newest_matches = (
        search.own_words_matching(published, query, language)
        .order_by(*newest_matches_first)
        .values("pk")[:RANKED_MATCHES]
    )
    matches = published.model.objects.filter(pk__in=newest_matches)
    return search.ranked(matches, query, language, words=words).order_by(
        "-search_rank", *newest_first
    )


def highlight_results(results) -> list:
    """The results of `ranked_*_results()` as a list, each given `headline_html` and
    `snippet_html`: safe HTML with the matches in <mark>."""
    results = list(results)
    for result in results:
        result.headline_html = highlight(result.search_headline)
        result.snippet_html = highlight(result.search_snippet)
    return results
