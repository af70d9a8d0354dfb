"""Reading the reader's search words (reviews/finding/query.py): the web-search syntax as
PostgreSQL reads it, common words dropped as its english configuration drops them, and an
FTS5 expression that nothing typed can break."""

import json
import re
import sqlite3
from pathlib import Path

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from reviews.finding.query import STOP_WORDS, WORD, read_query
from reviews.fulltext import FTS5_TOKENIZER

DEMO_STORIES = Path(__file__).resolve().parents[2] / "reviews/demo/json/stories.json"


def terms(text):
    query = read_query(text)
    return [[(term.text, term.excluded) for term in alternative] for alternative in query]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("harbour strike", [[("harbour", False), ("strike", False)]]),
        ('"rail tender" delay', [[("rail tender", False), ("delay", False)]]),
        ('"unbalanced phrase', [[("unbalanced phrase", False)]]),
        ('cat"dog bird"', [[("cat", False), ("dog bird", False)]]),
        ("calm or airport", [[("calm", False)], [("airport", False)]]),
        ("calm OR airport queues", [[("calm", False)], [("airport", False), ("queues", False)]]),
        ("or calm or or airport or", [[("calm", False)], [("airport", False)]]),
        ("harbour -strike", [[("harbour", False), ("strike", True)]]),
        ("harbour - strike", [[("harbour", False), ("strike", True)]]),
        ('harbour -"rail tender"', [[("harbour", False), ("rail tender", True)]]),
        ("rail-tender", [[("rail-tender", False)]]),
        ("the harbour of a", [[("harbour", False)]]),
        ("a or harbour", [[("harbour", False)]]),
        ("harbour or -strike", [[("harbour", False)]]),
        ("&|!:*() harbour", [[("harbour", False)]]),
    ],
)
def test_the_query_is_read_as_the_web_search_syntax(text, read):
    assert terms(text) == read


@pytest.mark.parametrize(
    ("text", "common", "only_exclusions"),
    [
        ("a", ["a"], False),
        ("The AND of", ["The", "AND", "of"], False),
        ('"the a"', ["the a"], False),
        ("don't", ["don't"], False),
        ("-strike", [], True),
        ("- -", [], False),
        ("*:^", [], False),
    ],
)
def test_a_query_with_nothing_to_find_says_what_was_left_out(text, common, only_exclusions):
    query = read_query(text)
    assert not query
    assert query.common_words == common
    assert query.only_exclusions is only_exclusions


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("harbour strike", '("harbour" AND "strike")'),
        ("Harbour -strike", '(("harbour") NOT ("strike"))'),
        ("calm or airport", '("calm") OR ("airport")'),
        ('"the minister of finance"', '("minister of finance")'),
        ("NEAR(harbour) AND ^x", '("near harbour" AND "x")'),
    ],
)
def test_every_term_of_the_fts5_expression_is_quoted(text, expression):
    assert read_query(text).fts5() == expression


def fts5_table():
    database = sqlite3.connect(":memory:")
    database.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='{FTS5_TOKENIZER}')")
    database.execute("INSERT INTO t VALUES ('Harbour strike', 'The \"quoted\" NEAR AND body')")
    return database


@hypothesis_settings(derandomize=True, database=None, deadline=None, max_examples=400)
@given(st.text(alphabet=st.sampled_from('ab -"*^:()+{}.,AND OR NOT NEAR ñ\\'), max_size=60))
def test_fts5_accepts_whatever_the_reader_typed(text):
    """Generated from FTS5's own syntax characters and keywords, every query is valid FTS5."""
    query = read_query(text)
    if query:
        fts5_table().execute("SELECT rowid FROM t WHERE t MATCH ?", [query.fts5()]).fetchall()


def test_fts5_finds_what_the_expression_says():
    table = fts5_table()

    def found(text):
        return table.execute("SELECT count(*) FROM t WHERE t MATCH ?", [read_query(text).fts5()])

    assert found('"near and" harbour').fetchone() == (1,)
    assert found("strikes -quoted").fetchone() == (0,)
    assert found("quoted or nothing").fetchone() == (1,)


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="compares with PostgreSQL's own reading: runs in CI's PostgreSQL pass",
)


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "harbour strike",
        '"rail tender" delay',
        '"unbalanced phrase',
        'cat"dog bird"',
        "calm or airport queues",
        "or calm or or airport or",
        "harbour -strike",
        "harbour - strike",
        '-"rail tender" harbour',
        "rail-tender e-mail 3.5% o'brien",
        "the harbour of a",
        "a or harbour",
        "&|!:*() harbour",
        "Strikes STRIKING",
    ],
)
def test_postgresql_reads_the_query_as_it_reads_what_the_reader_typed(text):
    """The query sent to PostgreSQL means what websearch_to_tsquery() makes of the text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery('english', %s)::text, "
            "websearch_to_tsquery('english', %s)::text",
            [text, read_query(text).websearch()],
        )
        typed, sent = cursor.fetchone()
    assert sent == typed


@postgres_only
@pytest.mark.django_db
def test_the_common_words_are_postgresqls_english_stop_words():
    """Each of the list is a stop word to PostgreSQL, and no other word of the demo's."""
    stories = json.loads(DEMO_STORIES.read_text())
    text = " ".join(story["headline"] + " " + " ".join(story["paragraphs"]) for story in stories)
    vocabulary = {word.lower() for word in WORD.findall(text) if not re.search(r"\d", word)}
    words = sorted(vocabulary | STOP_WORDS)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word "
            "WHERE ts_lexize('english_stem', word) = '{}'",
            [words],
        )
        postgresql_stop_words = {word for (word,) in cursor.fetchall()}
    assert len(vocabulary) > 1000
    assert postgresql_stop_words == STOP_WORDS
