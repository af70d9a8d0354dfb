"""What PostgreSQL's full-text search vectors are made of, defined once: the database trigger
of migration 0007 computes the stored `search_vector` exactly as these functions do, and the
GIN indexes exist on PostgreSQL only. See docs/PERFORMANCE.md, "Lists, filters and search at
archive scale".
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.backends.ddl_references import Statement

SEARCH_CONFIG = "english"


# The words of a story and of a review: a heading, which weighs more (A), then a text (B).
# Search reads the same fields where there is no full-text search (reviews.finding.search).
STORY_WORDS = ("headline", "body")
REVIEW_WORDS = ("title", "lede")


def story_search_vector() -> SearchVector:
    return weighted_vector(*STORY_WORDS)


def review_search_vector() -> SearchVector:
    """A review's own words (its stories' words are theirs)."""
    return weighted_vector(*REVIEW_WORDS)


def weighted_vector(heading: str, text: str) -> SearchVector:
    return SearchVector(heading, config=SEARCH_CONFIG, weight="A") + SearchVector(
        text, config=SEARCH_CONFIG, weight="B"
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
