"""Published uses per subject, or pair of subjects, and month, kept by triggers
(reviews/monthly_counts.py): what the charts read, instead of counting every story of their
period on each request.

The table is filled from the content once; on PostgreSQL the content tables are locked
meanwhile (reviews.counts.recount), so that no write falls between the fill and the triggers.
"""

from django.db import migrations, models

from reviews import counts, monthly_counts


def create_triggers_and_fill(apps, schema_editor):
    for statement in monthly_counts.trigger_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)
    counts.recount(schema_editor.connection.alias)


def drop_triggers(apps, schema_editor):
    for statement in monthly_counts.drop_trigger_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0019_rejected_tag_suggestions"),
    ]

    operations = [
        migrations.CreateModel(
            name="MonthlyCount",
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
                        choices=[
                            ("outlet", "stories by outlet"),
                            ("tag", "story tags by tag"),
                            ("expert", "citations by expert"),
                            ("outlet-expert", "citations by outlet and expert"),
                            ("outlet-tag", "story tags by outlet and tag"),
                            ("tag-expert", "citations by tag and expert"),
                        ],
                        max_length=16,
                    ),
                ),
                ("subject_id", models.BigIntegerField()),
                ("other_id", models.BigIntegerField(default=0)),
                ("month", models.DateField(help_text="The first day of the month.")),
                ("uses", models.IntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["kind", "other_id", "month"], name="monthly_count_other_idx"
                    ),
                    models.Index(fields=["kind", "month"], name="monthly_count_month_idx"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "subject_id", "month", "other_id"),
                        name="monthly_count_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers_and_fill, drop_triggers, elidable=False),
    ]
