"""Create the "Editors" and "Moderators" groups with their permissions.

Editors may add, change, delete and view all editorial content. Moderators may view
everything, change the tags of stories (`change_story_tags`) and keep the tag vocabulary.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_MODELS = {
    "reviews": ["section", "outlet", "expert", "review", "story", "citation", "taggedstory"],
    "taggit": ["tag"],
}

GROUP_PERMISSIONS = {
    "Editors": [
        (app_label, f"{action}_{model}")
        for app_label, models in EDITORIAL_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    + [("reviews", "change_story_tags")],
    "Moderators": [
        *(
            (app_label, f"view_{model}")
            for app_label, models in EDITORIAL_MODELS.items()
            for model in models
        ),
        ("reviews", "change_story_tags"),
        ("reviews", "add_taggedstory"),
        ("reviews", "delete_taggedstory"),
        ("taggit", "add_tag"),
        ("taggit", "change_tag"),
        ("taggit", "delete_tag"),
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now so
    # that the groups can refer to them on a fresh database.
    # (Historical app configs have no models module, which create_permissions requires.)
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, wanted in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in wanted
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
