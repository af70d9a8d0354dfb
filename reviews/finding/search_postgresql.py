"""Search on PostgreSQL: its full-text search over the stored vectors (reviews.fulltext),
served by their GIN indexes, ranked by ts_rank() and marked by ts_headline(), the query read
in the text search configuration of the language searched."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.lookups import IsNull

from reviews.finding.highlighting import MATCH_START, MATCH_STOP, SNIPPET_WORDS
from reviews.finding.query import ReaderQuery
from reviews.fulltext import search_config
from reviews.models import ANY_LANGUAGE, Review, Story

# From how many matching stories on a word is common (see is_common).
COMMON_MATCHES = 2000


def web_search_query(query: ReaderQuery, language: str) -> SearchQuery:
    """`query` read as the editions in `language` were stemmed; with ANY_LANGUAGE (the
    admin's lists of every edition), read in each language's way, any of them matching."""
    if language == ANY_LANGUAGE:
        configs = dict.fromkeys(search_config(code) for code, _name in settings.LANGUAGES)
        return reduce(or_, (websearch(query, config) for config in configs))
    return websearch(query, search_config(language))


def websearch(query: ReaderQuery, config: str) -> SearchQuery:
    return SearchQuery(query.websearch(), search_type="websearch", config=config)


def own_words_matching(queryset: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    return queryset.filter(search_vector=web_search_query(query, language))


def stories_matching(stories: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    search_query = web_search_query(query, language)
    if is_common(search_query):
        # Thousands of matches: walking the list in its order, testing each story's
        # stored vector, finds a page of them at once.
        return stories.filter(search_vector=search_query)
    # Few matches: they come from the GIN index in a subquery that DISTINCT keeps
    # PostgreSQL from merging into the list's query. Merged, a list ordered by date
    # with a LIMIT may be planned as a walk down the dates that tests every story
    # until 20 match: the whole archive when a word is rare.
    matches = Story.objects.filter(search_vector=search_query).values("pk").distinct()
    return stories.filter(pk__in=matches)


def reviews_matching(reviews: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    search_query = web_search_query(query, language)
    if is_common(search_query):
        # As for stories: walk the list, testing each review and then its stories (a
        # scalar subquery, which PostgreSQL cannot turn into a hash of every match).
        first_matching_story = Story.objects.filter(
            review=OuterRef("pk"), search_vector=search_query
        ).values("pk")[:1]
        return reviews.filter(
            Q(search_vector=search_query) | Q(IsNull(Subquery(first_matching_story), False))
        )
    # Two subqueries, each served by its GIN index, rather than a test of every review.
    by_own_words = Review.objects.filter(search_vector=search_query).values("pk")
    by_stories = Story.objects.filter(search_vector=search_query).values("review_id")
    return reviews.filter(Q(pk__in=by_own_words) | Q(pk__in=by_stories))


def is_common(search_query: SearchQuery) -> bool:
    """Whether at least COMMON_MATCHES stories match (read from the GIN index and as many
    rows): a list filtered by such words is best found by walking it."""
    matches = Story.objects.filter(search_vector=search_query).values("pk")[:COMMON_MATCHES]
    return matches.count() >= COMMON_MATCHES


def ranked(
    matches: QuerySet, query: ReaderQuery, language: str, *, words: tuple[str, str]
) -> QuerySet:
    """`matches` (editions in `language`) with their `search_rank` (higher is better), the
    heading marked whole (`search_headline`) and up to two passages of the text
    (`search_snippet`)."""
    heading, text = words
    search_query = web_search_query(query, language)
    config = search_config(language)
    return matches.annotate(
        search_rank=SearchRank(F("search_vector"), search_query),
        search_headline=marked(heading, search_query, config, highlight_all=True),
        search_snippet=marked(
            text,
            search_query,
            config,
            max_words=SNIPPET_WORDS // 2,
            min_words=SNIPPET_WORDS // 4,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )


def marked(field: str, search_query: SearchQuery, config: str, **options) -> SearchHeadline:
    """`field` with the matches of `search_query` between the markers of highlight(), its
    words read in `config` as the stored vectors were."""
    return SearchHeadline(
        field,
        search_query,
        config=config,
        start_sel=MATCH_START,
        stop_sel=MATCH_STOP,
        **options,
    )
