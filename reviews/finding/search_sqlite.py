"""Search on SQLite: FTS5 over the tables of reviews.fulltext (porter stemming, accents
ignored), ranked by bm25(), marked by highlight() and snippet()."""

from django.db.models import F, FloatField, Func, Q, QuerySet, TextField, Value

from reviews.finding.highlighting import MATCH_START, MATCH_STOP, SNIPPET_WORDS
from reviews.finding.query import ReaderQuery
from reviews.fulltext import FTS5_WEIGHTS, ReviewFts5Entry, StoryFts5Entry

# The column numbers of the heading and the text in each FTS5 table.
HEADING, TEXT = 0, 1
# The join from a story or review to its row of the FTS5 table, by the hidden column.
DOCUMENT = "fts5_entry__document"


def own_words_matching(queryset: QuerySet, query: ReaderQuery) -> QuerySet:
    # Joined, so that SQLite starts from the FTS5 table's matches: given `pk IN (matches)`
    # it may instead test every published row against the whole list of them.
    return queryset.filter(**{f"{DOCUMENT}__match": query.fts5()})


def stories_matching(stories: QuerySet, query: ReaderQuery) -> QuerySet:
    return own_words_matching(stories, query)


def reviews_matching(reviews: QuerySet, query: ReaderQuery) -> QuerySet:
    # Each MATCH in a subquery of its own: FTS5 cannot answer one under OR.
    expression = query.fts5()
    by_own_words = ReviewFts5Entry.objects.filter(document__match=expression).values("pk")
    by_stories = StoryFts5Entry.objects.filter(document__match=expression).values(
        "story__review_id"
    )
    return reviews.filter(Q(pk__in=by_own_words) | Q(pk__in=by_stories))


def ranked(matches: QuerySet, query: ReaderQuery, *, words: tuple[str, str]) -> QuerySet:
    """`matches` with their `search_rank` (higher is better), the heading marked whole
    (`search_headline`) and a passage of the text (`search_snippet`)."""
    return own_words_matching(matches, query).annotate(
        # bm25() is lower for a better match.
        search_rank=-Fts5Function("bm25", *FTS5_WEIGHTS, output_field=FloatField()),
        search_headline=Fts5Function("highlight", HEADING, MATCH_START, MATCH_STOP),
        search_snippet=Fts5Function("snippet", TEXT, MATCH_START, MATCH_STOP, " … ", SNIPPET_WORDS),
    )


class Fts5Function(Func):
    """An FTS5 auxiliary function of the joined row: `function(table, *arguments)`."""

    output_field = TextField()

    def __init__(self, function, *arguments, **extra):
        super().__init__(F(DOCUMENT), *map(Value, arguments), function=function, **extra)
