"""Each subject's latest publish time, kept by the counting triggers (reviews/counts.py): the
sitemap's `lastmod` for outlets, experts and tags, read from one row per subject."""

from django.db import migrations, models

from reviews import counts


def triggers_with_last_published(apps, schema_editor):
    recreate_triggers(schema_editor, last_published=True)
    counts.recount(schema_editor.connection.alias)


def triggers_without(apps, schema_editor):
    recreate_triggers(schema_editor, last_published=False)


def recreate_triggers(schema_editor, *, last_published: bool):
    vendor = schema_editor.connection.vendor
    for statement in counts.drop_trigger_sql(vendor):
        schema_editor.execute(statement, params=None)
    for statement in counts.trigger_sql(vendor, last_published=last_published, language=False):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0016_sqlite_full_text_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="subjectcount",
            name="last_published",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(triggers_with_last_published, triggers_without, elidable=False),
    ]
