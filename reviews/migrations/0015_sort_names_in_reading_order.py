"""Outlets and experts are listed in reading order: a stored sort key (reviews.names),
filled here for the rows there are, and indexed for the expert list's pages."""

from django.db import migrations, models

from reviews.names import sort_key


def fill_sort_names(apps, schema_editor):
    for model_name in ("Outlet", "Expert"):
        model = apps.get_model("reviews", model_name)
        rows = list(model.objects.only("pk", "name"))
        for row in rows:
            row.sort_name = sort_key(row.name)
        model.objects.bulk_update(rows, ["sort_name"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0014_untagged_stories_for_the_tagging_queue"),
    ]

    operations = [
        migrations.AddField(
            model_name="expert",
            name="sort_name",
            field=models.CharField(
                blank=True, editable=False, max_length=255, verbose_name="sort key"
            ),
        ),
        migrations.AddField(
            model_name="outlet",
            name="sort_name",
            field=models.CharField(
                blank=True, editable=False, max_length=255, verbose_name="sort key"
            ),
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop, elidable=True),
        migrations.AlterModelOptions(
            name="expert",
            options={
                "ordering": ["sort_name", "pk"],
                "verbose_name": "expert",
                "verbose_name_plural": "experts",
            },
        ),
        migrations.AlterModelOptions(
            name="outlet",
            options={
                "ordering": ["sort_name", "pk"],
                "verbose_name": "outlet",
                "verbose_name_plural": "outlets",
            },
        ),
        migrations.AddIndex(
            model_name="expert",
            index=models.Index(fields=["sort_name", "id"], name="expert_sort_name_idx"),
        ),
    ]
