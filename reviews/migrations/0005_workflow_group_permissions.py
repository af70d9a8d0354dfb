"""Give the groups the permissions of the workflow and moderation features.

Editors may publish (publish_review), use the tagging queue and see redirects; Moderators
may use the tagging queue (its tag field only) and see redirects.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADDED = {
    "Editors": [
        ("reviews", "publish_review"),
        ("reviews", "view_storytotag"),
        ("reviews", "change_storytotag"),
        ("reviews", "view_slugredirect"),
    ],
    "Moderators": [
        ("reviews", "view_storytotag"),
        ("reviews", "change_storytotag"),
        ("reviews", "view_slugredirect"),
    ],
}


def create_missing_permissions(apps):
    # (Historical app configs have no models module, which create_permissions requires.)
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def add_permissions(apps, schema_editor):
    create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, wanted in ADDED.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ADDED):
        for app_label, codename in ADDED[group.name]:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0004_workflow_and_moderation")]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
