# ruff: noqa: RUF001, RUF002, RUF003 (Russian words are Cyrillic on purpose)
"""Search on SQLite: FTS5 over the tables of reviews.fulltext (porter stemming, accents
ignored), ranked by bm25(), marked by highlight() and snippet(); a Russian word of the query
stemmed here and found as a prefix (see russian_word)."""

import re
import threading

import snowballstemmer
from django.conf import settings
from django.db.models import F, FloatField, Func, Q, QuerySet, TextField, Value

from reviews.finding.highlighting import MATCH_START, MATCH_STOP, SNIPPET_WORDS
from reviews.finding.query import Fts5Word, ReaderQuery
from reviews.fulltext import FTS5_WEIGHTS, ReviewFts5Entry, StoryFts5Entry
from reviews.models import ANY_LANGUAGE

# The column numbers of the heading and the text in each FTS5 table.
HEADING, TEXT = 0, 1
# The join from a story or review to its row of the FTS5 table, by the hidden column.
DOCUMENT = "fts5_entry__document"

# Porter stems English words only, and unicode61 passes a Cyrillic word to it whole
# ("переговорах" is indexed as written). So, searching Russian editions, a Cyrillic word of
# the query is stemmed by Snowball, as PostgreSQL's russian configuration stems it, and
# found as a prefix: "переговоры" is "переговор*", which finds "переговорах". Shorter stems
# would find too many unrelated words ("ес*": "если", "есть"): such a word is found whole.
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN = re.compile(r"[a-z]", re.IGNORECASE)
SHORTEST_PREFIX = 3


def fts5_expression(query: ReaderQuery, language: str) -> str:
    """`query` as an FTS5 expression for the editions in `language`."""
    return query.fts5(fts5_word(language))


def fts5_word(language: str) -> Fts5Word | None:
    """How a word is written for the editions in `language`: as typed (porter stems it),
    but for Russian (or every language, when Russian is one) as russian_word()."""
    languages = [code for code, _name in settings.LANGUAGES] if language == ANY_LANGUAGE else []
    return russian_word if "ru" in (language, *languages) else None


def russian_word(word: str) -> str:
    """A Cyrillic `word` as the prefix its Snowball stem is (kept as typed: "ёлки" is
    "ёлк*", since FTS5 tells ё from е), other words as they are."""
    if not CYRILLIC.search(word) or LATIN.search(word):
        return f'"{word}"'
    stem = russian_stemmer().stemWord(word)
    if len(stem) < SHORTEST_PREFIX:
        return f'"{word}"'
    # Snowball only takes endings off, once ё is written е: the stem starts the word.
    if word.replace("ё", "е").startswith(stem):
        stem = word[: len(stem)]
    return f'"{stem}" *'


def russian_stemmer():
    """This thread's Russian stemmer: one keeps its word in hand while stemming it."""
    if not hasattr(STEMMERS, "russian"):
        STEMMERS.russian = snowballstemmer.stemmer("russian")
    return STEMMERS.russian


STEMMERS = threading.local()


def own_words_matching(queryset: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    # Joined, so that SQLite starts from the FTS5 table's matches: given `pk IN (matches)`
    # it may instead test every published row against the whole list of them.
    return queryset.filter(**{f"{DOCUMENT}__match": fts5_expression(query, language)})


def stories_matching(stories: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    return own_words_matching(stories, query, language)


def reviews_matching(reviews: QuerySet, query: ReaderQuery, language: str) -> QuerySet:
    # Each MATCH in a subquery of its own: FTS5 cannot answer one under OR.
    expression = fts5_expression(query, language)
    by_own_words = ReviewFts5Entry.objects.filter(document__match=expression).values("pk")
    by_stories = StoryFts5Entry.objects.filter(document__match=expression).values(
        "story__review_id"
    )
    return reviews.filter(Q(pk__in=by_own_words) | Q(pk__in=by_stories))


def ranked(
    matches: QuerySet, query: ReaderQuery, language: str, *, words: tuple[str, str]
) -> QuerySet:
    """`matches` (editions in `language`) with their `search_rank` (higher is better), the
    heading marked whole (`search_headline`) and a passage of the text (`search_snippet`)."""
    return own_words_matching(matches, query, language).annotate(
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
