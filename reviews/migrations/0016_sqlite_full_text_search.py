"""Full-text search on SQLite: an FTS5 table over the stories' headlines and bodies and one
over the reviews' titles and ledes (the words PostgreSQL's vectors of 0007 hold), kept by
triggers, filled from the rows already there (reviews/fulltext.py). Nothing on PostgreSQL.

The models only let queries join the tables; Django neither creates nor writes them.
"""

import django.db.models.deletion
from django.db import migrations, models

import reviews.fulltext


def on_sqlite(statements):
    """A RunPython function that runs `statements(index)` of each FTS5 index on SQLite."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for index in reviews.fulltext.FTS5_INDEXES:
            for statement in statements(index):
                schema_editor.execute(statement, params=None)

    return run


create_fts5_tables = on_sqlite(reviews.fulltext.Fts5Index.create_sql)
drop_fts5_tables = on_sqlite(reviews.fulltext.Fts5Index.drop_sql)


def entry(name, model, table):
    return migrations.CreateModel(
        name=name,
        fields=[
            (
                model,
                models.OneToOneField(
                    db_column="rowid",
                    on_delete=django.db.models.deletion.DO_NOTHING,
                    primary_key=True,
                    related_name="fts5_entry",
                    serialize=False,
                    to=f"reviews.{model}",
                ),
            ),
            ("document", reviews.fulltext.Fts5TableColumn(db_column=table)),
        ],
        options={
            "db_table": table,
            "abstract": False,
            "managed": False,
            "required_db_vendor": "sqlite",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0015_sort_names_in_reading_order"),
    ]

    operations = [
        entry("ReviewFts5Entry", "review", reviews.fulltext.REVIEW_FTS5.table),
        entry("StoryFts5Entry", "story", reviews.fulltext.STORY_FTS5.table),
        migrations.RunPython(create_fts5_tables, drop_fts5_tables, elidable=False),
    ]
