"""Each subject's counts (reviews/counts.py) and monthly counts (reviews/monthly_counts.py)
per language, that of the review using it: each language's pages count their own editions,
as they list them.

The triggers change on both databases: the old ones are dropped and the counts emptied first
(the new keys are wider), the new ones made and the counts rebuilt from the content after
(on PostgreSQL with the content tables locked, reviews.counts.recount). Backwards the same,
with the triggers of 0017 to 0021.
"""

from django.db import migrations, models

import reviews.models
from reviews import counts, monthly_counts


def _triggers(language: bool):
    def create_and_recount(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        statements = [
            *counts.trigger_sql(vendor, last_published=True, language=language),
            *monthly_counts.trigger_sql(vendor, language=language),
        ]
        for statement in statements:
            schema_editor.execute(statement, params=None)
        counts.recount(schema_editor.connection.alias)

    return create_and_recount


def drop_triggers_and_empty(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = [
        *counts.drop_trigger_sql(vendor),
        *monthly_counts.drop_trigger_sql(vendor),
        f"DELETE FROM {counts.TABLE};",
        f"DELETE FROM {monthly_counts.TABLE};",
    ]
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0022_names_per_language"),
    ]

    operations = [
        migrations.RunPython(drop_triggers_and_empty, _triggers(language=False), elidable=False),
        migrations.RemoveConstraint(
            model_name='monthlycount',
            name='monthly_count_unique',
        ),
        migrations.RemoveConstraint(
            model_name='subjectcount',
            name='subject_count_unique',
        ),
        migrations.RemoveIndex(
            model_name='monthlycount',
            name='monthly_count_other_idx',
        ),
        migrations.RemoveIndex(
            model_name='monthlycount',
            name='monthly_count_month_idx',
        ),
        migrations.AddField(
            model_name='monthlycount',
            name='language',
            field=models.CharField(default=reviews.models.default_language, max_length=10),
        ),
        migrations.AddField(
            model_name='subjectcount',
            name='language',
            field=models.CharField(default=reviews.models.default_language, max_length=10),
        ),
        migrations.AddIndex(
            model_name='monthlycount',
            index=models.Index(fields=['kind', 'language', 'other_id', 'month'], name='monthly_count_other_lang_idx'),
        ),
        migrations.AddIndex(
            model_name='monthlycount',
            index=models.Index(fields=['kind', 'language', 'month'], name='monthly_count_month_lang_idx'),
        ),
        migrations.AddConstraint(
            model_name='monthlycount',
            constraint=models.UniqueConstraint(fields=('kind', 'language', 'subject_id', 'month', 'other_id'), name='monthly_count_language_unique'),
        ),
        migrations.AddConstraint(
            model_name='subjectcount',
            constraint=models.UniqueConstraint(fields=('kind', 'language', 'subject_id'), name='subject_count_language_unique'),
        ),
        migrations.RunPython(_triggers(language=True), drop_triggers_and_empty, elidable=False),
    ]
