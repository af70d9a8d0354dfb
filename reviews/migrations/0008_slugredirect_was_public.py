"""SlugRedirect.was_public: an old address redirects only if it was public when it moved.

The redirects recorded before this field existed were all followed (whenever their target
was public), and whether their old subject was public then can no longer be told: they keep
being followed (True), and only redirects recorded from now on may be private (False).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0007_performance"),
    ]

    operations = [
        migrations.AddField(
            model_name="slugredirect",
            name="was_public",
            field=models.BooleanField(default=True),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="slugredirect",
            name="was_public",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Whether readers could see the subject at its old address when it moved: "
                    "only then does the old address redirect."
                ),
                verbose_name="old address was public",
            ),
        ),
    ]
