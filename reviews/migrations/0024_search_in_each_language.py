"""Search in each language (issue 20): on PostgreSQL, a review's and its stories' search
vectors are made in the text search configuration of the review's language
(reviews.fulltext.SEARCH_CONFIGS: english, russian, simple for any other), kept so when a
story moves to another review or a review changes language.

The triggers of 0007 are replaced: both call reviews_weighted_vector() with the config that
reviews_search_config() gives the review's language. Only the vectors of editions in a
language other than English are recomputed (English ones are what 0007 made). SQLite: nothing
(its FTS5 tables hold words as written; reviews/finding/search_sqlite.py stems the query).
"""

from django.db import migrations

# A copy of reviews.fulltext.SEARCH_CONFIGS (tests/finding/test_languages.py checks the two
# agree).
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}
CASES = " ".join(
    f"WHEN '{language}' THEN '{config}'" for language, config in SEARCH_CONFIGS.items()
)

# table: (heading, text, the SQL of the row's language, and what else changes it)
TABLES = {
    "reviews_review": ("title", "lede", "NEW.language", ", language"),
    "reviews_story": (
        "headline",
        "body",
        "(SELECT language FROM reviews_review WHERE id = NEW.review_id)",
        ", review_id",
    ),
}

TRIGGER = """
CREATE OR REPLACE FUNCTION {table}_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := reviews_weighted_vector({config}, NEW.{a}, NEW.{b});
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
CREATE TRIGGER {table}_search_vector
    BEFORE INSERT OR UPDATE OF {a}, {b}{also} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_vector_update();
"""


def triggers(in_language: bool) -> str:
    """The triggers of both tables, in the row's language's configuration or in English."""
    return "".join(
        TRIGGER.format(
            table=table,
            a=a,
            b=b,
            config=f"reviews_search_config({language})" if in_language else "'english'",
            also=also if in_language else "",
        )
        for table, (a, b, language, also) in TABLES.items()
    )


def recompute(config: str) -> str:
    """The vectors of the editions not in English made again, in `config` (SQL in which
    `{language}` is the review's language)."""
    return f"""
UPDATE reviews_review
SET search_vector = reviews_weighted_vector({config.format(language="language")}, title, lede)
WHERE language <> 'en';
UPDATE reviews_story AS story
SET search_vector = reviews_weighted_vector(
    {config.format(language="review.language")}, story.headline, story.body
)
FROM reviews_review AS review
WHERE review.id = story.review_id AND review.language <> 'en';
"""


FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION reviews_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE language {CASES} ELSE 'simple' END)::regconfig
$$;

CREATE OR REPLACE FUNCTION reviews_weighted_vector(config regconfig, heading text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector(config, COALESCE(heading, '')), 'A')
        || setweight(to_tsvector(config, COALESCE(body, '')), 'B')
$$;

-- After a review changes language its stories' vectors are made again in the new one.
CREATE OR REPLACE FUNCTION reviews_review_stories_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reviews_story
    SET search_vector = reviews_weighted_vector(
        reviews_search_config(NEW.language), headline, body
    )
    WHERE review_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER reviews_review_stories_search_vector
    AFTER UPDATE OF language ON reviews_review
    FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION reviews_review_stories_search_vector_update();
"""

FORWARD = FUNCTIONS + triggers(in_language=True) + recompute("reviews_search_config({language})")
# Back to 0007's triggers (english for every language), then the vectors made so.
UNDO = (
    """
DROP TRIGGER IF EXISTS reviews_review_stories_search_vector ON reviews_review;
DROP FUNCTION IF EXISTS reviews_review_stories_search_vector_update();
"""
    + triggers(in_language=False)
    + recompute("'english'")
    + "DROP FUNCTION IF EXISTS reviews_search_config(text);"
)


def postgresql_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0023_subject_and_monthly_counts_per_language"),
    ]

    operations = [
        migrations.RunPython(postgresql_only(FORWARD), postgresql_only(UNDO), elidable=False),
    ]
