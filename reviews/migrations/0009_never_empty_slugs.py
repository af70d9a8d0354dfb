"""Every named row has an address: no empty slug, and the database refuses one.

- Rows whose slug is empty, or not one the `<slug:...>` URL patterns accept (a tag imported
  with a Unicode slug), get one from reviews.names, as a new row would; every other slug,
  and so every address in use, stays as it is. Reversing leaves the new slugs in place.
- Sections, outlets, experts and reviews get a CHECK constraint (their Meta says so).
- taggit's tag table is not ours to declare constraints on, so it gets the same rule here:
  a CHECK constraint on PostgreSQL, and on SQLite (which cannot add one to an existing
  table) triggers that refuse an empty slug the same way. A later taggit migration that
  rebuilds the table on SQLite would drop the triggers; tests/test_slugs.py would notice.
"""

from django.db import migrations, models
from django.urls.converters import SlugConverter

from reviews.names import unique_slug

ADDRESS_SLUG = f"^{SlugConverter.regex}$"
TAG_CONSTRAINT = "taggit_tag_slug_not_empty"
SQLITE_TRIGGER = """
CREATE TRIGGER {name} BEFORE {event} ON taggit_tag WHEN NEW.slug = ''
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {constraint}'); END
"""
SQLITE_TRIGGERS = {
    f"{TAG_CONSTRAINT}_insert": "INSERT",
    f"{TAG_CONSTRAINT}_update": "UPDATE OF slug",
}

# (app, model, the field the slug is made from, the fields within which it is unique)
NAMED = [
    ("reviews", "Section", "name", ()),
    ("reviews", "Outlet", "name", ()),
    ("reviews", "Expert", "name", ()),
    ("reviews", "Review", "title", ("review_date",)),
    ("taggit", "Tag", "name", ()),
]


def give_every_row_a_slug(apps, schema_editor):
    for app_label, model_name, source, within in NAMED:
        model = apps.get_model(app_label, model_name)
        manager = model._default_manager
        max_length = model._meta.get_field("slug").max_length
        for row in manager.exclude(slug__regex=ADDRESS_SLUG).order_by("pk"):
            row.slug = unique_slug(
                getattr(row, source),
                others=manager.exclude(pk=row.pk),
                fallback=model_name.lower(),
                max_length=max_length,
                scope=models.Q(**{field: getattr(row, field) for field in within}),
            )
            row.save(update_fields=["slug"])


def tag_slug_constraint():
    return models.CheckConstraint(condition=~models.Q(slug=""), name=TAG_CONSTRAINT)


def add_tag_slug_rule(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name, event in SQLITE_TRIGGERS.items():
            schema_editor.execute(
                SQLITE_TRIGGER.format(name=name, event=event, constraint=TAG_CONSTRAINT)
            )
    else:
        schema_editor.add_constraint(apps.get_model("taggit", "Tag"), tag_slug_constraint())


def remove_tag_slug_rule(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER {name}")
    else:
        schema_editor.remove_constraint(apps.get_model("taggit", "Tag"), tag_slug_constraint())


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_slugredirect_was_public"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(give_every_row_a_slug, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="expert",
            constraint=models.CheckConstraint(
                condition=~models.Q(slug=""),
                name="expert_slug_not_empty",
                violation_error_message="The slug must not be empty.",
            ),
        ),
        migrations.AddConstraint(
            model_name="outlet",
            constraint=models.CheckConstraint(
                condition=~models.Q(slug=""),
                name="outlet_slug_not_empty",
                violation_error_message="The slug must not be empty.",
            ),
        ),
        migrations.AddConstraint(
            model_name="review",
            constraint=models.CheckConstraint(
                condition=~models.Q(slug=""),
                name="review_slug_not_empty",
                violation_error_message="The slug must not be empty.",
            ),
        ),
        migrations.AddConstraint(
            model_name="section",
            constraint=models.CheckConstraint(
                condition=~models.Q(slug=""),
                name="section_slug_not_empty",
                violation_error_message="The slug must not be empty.",
            ),
        ),
        migrations.RunPython(add_tag_slug_rule, remove_tag_slug_rule),
    ]
