"""What the full-text indexes are made of, defined once: PostgreSQL's stored search vectors
(computed by triggers in the text search configuration of the review's language, under GIN
indexes) and SQLite's FTS5 tables over the same words, kept by triggers. See
docs/PERFORMANCE.md, "Search".
"""

from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.backends.ddl_references import Statement

# PostgreSQL's text search configuration of the editions in each language: their stored
# vectors are made in it (stemmed, stop words dropped) and searches of them read the query in
# it. A language not named here is searched word for word ("simple"). The triggers hold a
# copy (the SQL function reviews_search_config() of migration 0024): adding a language takes
# a migration that makes that function again and recomputes that language's vectors.
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
UNSTEMMED_CONFIG = "simple"


def search_config(language: str) -> str:
    """The text search configuration of the editions in `language`."""
    return SEARCH_CONFIGS.get(language, UNSTEMMED_CONFIG)


# The words of a story and of a review: a heading, which weighs more (A), then a text (B).
# SQLite's FTS5 tables index the same fields, heading first.
STORY_WORDS = ("headline", "body")
REVIEW_WORDS = ("title", "lede")


# As migration 0007 first filled the vectors, in English (0024 computes each language's).
def story_search_vector() -> SearchVector:
    return weighted_vector(*STORY_WORDS)


def review_search_vector() -> SearchVector:
    """A review's own words (its stories' words are theirs)."""
    return weighted_vector(*REVIEW_WORDS)


def weighted_vector(heading: str, text: str) -> SearchVector:
    return SearchVector(heading, config="english", weight="A") + SearchVector(
        text, config="english", weight="B"
    )


class PostgresOnlyGinIndex(GinIndex):
    """A GIN index created on PostgreSQL only; elsewhere its SQL is a comment.

    A plain `GinIndex` would break every later migration that rebuilds the table on SQLite
    (SQLite copies a table, with all its `Meta.indexes`, for most field changes), and the
    migration that adds it. The comment keeps `sqlmigrate` honest about what was skipped.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return self._skipped("create")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return self._skipped("drop")
        return super().remove_sql(model, schema_editor, **kwargs)

    def _skipped(self, action: str) -> Statement:
        return Statement(
            "-- %(action)s index %(name)s: PostgreSQL only", action=action, name=self.name
        )


# SQLite: an FTS5 table over each model's words, which reads their text from the model's
# table (external content) and is kept current by triggers on it.
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"
# bm25() weights of the heading and the text, as PostgreSQL's ts_rank() weighs A and B.
FTS5_WEIGHTS = (1.0, 0.4)


@dataclass(frozen=True)
class Fts5Index:
    table: str
    content: str
    columns: tuple[str, str]

    def create_sql(self) -> list[str]:
        """The table, its triggers, and the filling of it from the rows already there."""
        table, content = self.table, self.content
        columns = ", ".join(self.columns)
        new = ", ".join(f"new.{column}" for column in self.columns)
        old = ", ".join(f"old.{column}" for column in self.columns)
        changed = " OR ".join(f"old.{column} <> new.{column}" for column in ("id", *self.columns))
        insert = f"INSERT INTO {table} (rowid, {columns}) VALUES (new.id, {new});"
        # An external-content index forgets a row by being told the words it indexed.
        delete = (
            f"INSERT INTO {table} ({table}, rowid, {columns}) VALUES ('delete', old.id, {old});"
        )
        return [
            f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='{content}', "
            f"content_rowid='id', tokenize='{FTS5_TOKENIZER}');",
            f"CREATE TRIGGER {table}_insert AFTER INSERT ON {content} BEGIN {insert} END;",
            f"CREATE TRIGGER {table}_delete AFTER DELETE ON {content} BEGIN {delete} END;",
            f"CREATE TRIGGER {table}_update AFTER UPDATE ON {content} WHEN {changed} "
            f"BEGIN {delete} {insert} END;",
            f"INSERT INTO {table} ({table}) VALUES ('rebuild');",
        ]

    def drop_sql(self) -> list[str]:
        triggers = [f"DROP TRIGGER IF EXISTS {self.table}_{event};" for event in TRIGGER_EVENTS]
        return [*triggers, f"DROP TABLE IF EXISTS {self.table};"]


TRIGGER_EVENTS = ("insert", "delete", "update")
STORY_FTS5 = Fts5Index("reviews_story_fts", "reviews_story", STORY_WORDS)
REVIEW_FTS5 = Fts5Index("reviews_review_fts", "reviews_review", REVIEW_WORDS)
FTS5_INDEXES = (STORY_FTS5, REVIEW_FTS5)


class Fts5TableColumn(models.TextField):
    """An FTS5 table's hidden column named after the table: the left side of MATCH and the
    first argument of bm25(), highlight() and snippet()."""


@Fts5TableColumn.register_lookup
class Match(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class Fts5Entry(models.Model):
    """A row of an FTS5 table (SQLite only), read by search, written by triggers alone."""

    class Meta:
        abstract = True
        managed = False
        required_db_vendor = "sqlite"

    def __str__(self):
        return str(self.pk)


class StoryFts5Entry(Fts5Entry):
    story = models.OneToOneField(
        "reviews.Story",
        models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="fts5_entry",
    )
    document = Fts5TableColumn(db_column=STORY_FTS5.table)

    class Meta(Fts5Entry.Meta):
        db_table = STORY_FTS5.table


class ReviewFts5Entry(Fts5Entry):
    review = models.OneToOneField(
        "reviews.Review",
        models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="fts5_entry",
    )
    document = Fts5TableColumn(db_column=REVIEW_FTS5.table)

    class Meta(Fts5Entry.Meta):
        db_table = REVIEW_FTS5.table
