"""Published counts per outlet, tag and expert, kept by triggers (reviews/counts.py).

The table is filled from the content once; on PostgreSQL the content tables are locked
meanwhile, so that no write falls between the fill and the triggers. About a second per
100,000 reviews.
"""

from django.db import migrations, models

from reviews import counts


def create_triggers_and_fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in counts.trigger_sql(vendor, last_published=False, language=False):
        schema_editor.execute(statement, params=None)
    counts.recount(schema_editor.connection.alias)


def drop_triggers(apps, schema_editor):
    for statement in counts.drop_trigger_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0009_never_empty_slugs"),
    ]

    operations = [
        migrations.CreateModel(
            name="SubjectCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("outlet", "outlet"), ("tag", "tag"), ("expert", "expert")],
                        max_length=10,
                    ),
                ),
                ("subject_id", models.BigIntegerField()),
                ("uses", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "subject_id"), name="subject_count_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers_and_fill, drop_triggers, elidable=False),
    ]
