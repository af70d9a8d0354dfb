"""Performance at archive scale (docs/PERFORMANCE.md).

- Reviews and stories keep their search vectors in a column, which a trigger fills on every
  write (whichever way it is made: save, bulk insert, COPY, revision restore), with a GIN
  index over it: ranking reads stored vectors instead of computing one for every match, and
  "the newest matches" can be found by walking the newest rows. They replace the expression
  indexes of 0003 (review_search_idx, story_search_idx).
- Indexes that answer "does this outlet / expert / tag have a published story?" and "its
  stories nearest in time" from the index alone.

The vectors and the GIN indexes are PostgreSQL only, like 0003: elsewhere the columns stay
empty and the indexes are comments. On a large database the backfill and the indexes take
minutes (about ten per million stories on two cores); run the migration in a quiet hour.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import reviews.fulltext

# Each trigger must compute what reviews.fulltext's function of the same name computes.
TRIGGERS = {
    "reviews_review": ("title", "lede"),
    "reviews_story": ("headline", "body"),
}
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION {table}_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english'::regconfig, COALESCE(NEW.{a}, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, COALESCE(NEW.{b}, '')), 'B');
    RETURN NEW;
END
$$;
CREATE TRIGGER {table}_search_vector
    BEFORE INSERT OR UPDATE OF {a}, {b} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_vector_update();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
DROP FUNCTION IF EXISTS {table}_search_vector_update();
"""


def create_triggers_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (a, b) in TRIGGERS.items():
        schema_editor.execute(CREATE_TRIGGER.format(table=table, a=a, b=b))
    using = schema_editor.connection.alias
    apps.get_model("reviews", "Review").objects.using(using).update(
        search_vector=reviews.fulltext.review_search_vector()
    )
    apps.get_model("reviews", "Story").objects.using(using).update(
        search_vector=reviews.fulltext.story_search_vector()
    )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TRIGGERS:
            schema_editor.execute(DROP_TRIGGER.format(table=table))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0006_outlet_aliases"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.RunPython(create_triggers_and_fill, drop_triggers, elidable=False),
        migrations.RemoveIndex(model_name="review", name="review_search_idx"),
        migrations.RemoveIndex(model_name="story", name="story_search_idx"),
        migrations.AddIndex(
            model_name="review",
            index=reviews.fulltext.PostgresOnlyGinIndex(
                fields=["search_vector"], name="review_search_vector_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=reviews.fulltext.PostgresOnlyGinIndex(
                fields=["search_vector"], name="story_search_vector_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(fields=["outlet", "review"], name="story_outlet_review_idx"),
        ),
        migrations.AddIndex(
            model_name="taggedstory",
            index=models.Index(fields=["tag", "content_object"], name="taggedstory_tag_story_idx"),
        ),
        migrations.AddIndex(
            model_name="citation",
            index=models.Index(fields=["expert", "story"], name="citation_expert_story_idx"),
        ),
    ]
