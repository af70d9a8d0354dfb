"""Notifications and each person's choice of how to receive them (reviews/newsroom/models.py)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0010_subject_counts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Notification",
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
                            ("submitted", "A review is submitted for review"),
                            ("sent_back", "My review is sent back"),
                            ("published", "My review is published"),
                            ("scheduled", "My review is scheduled"),
                            ("withdrawn", "My review is withdrawn"),
                            ("comment", "A comment on my review"),
                            ("mention", "Someone mentions me"),
                            ("tagging_digest", "Stories wait for tags (once a day)"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("summary", models.CharField(max_length=300, verbose_name="summary")),
                ("detail", models.TextField(blank=True, verbose_name="detail")),
                (
                    "link",
                    models.CharField(
                        help_text="An address on this site.", max_length=500, verbose_name="link"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="received"
                    ),
                ),
                ("in_inbox", models.BooleanField(default=True, verbose_name="in the inbox")),
                ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="read")),
                ("email_wanted", models.BooleanField(default=False, verbose_name="by email")),
                ("emailed_at", models.DateTimeField(blank=True, null=True, verbose_name="emailed")),
                (
                    "email_attempts",
                    models.PositiveSmallIntegerField(default=0, verbose_name="email attempts"),
                ),
                ("email_error", models.TextField(blank=True, verbose_name="last email error")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "recipient",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recipient",
                    ),
                ),
                (
                    "review",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to="reviews.review",
                        verbose_name="review",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["recipient", "-created_at"], name="notification_inbox_idx"
                    ),
                    models.Index(
                        condition=models.Q(("in_inbox", True), ("read_at__isnull", True)),
                        fields=["recipient"],
                        name="notification_unread_idx",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="NotificationPreference",
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
                            ("submitted", "A review is submitted for review"),
                            ("sent_back", "My review is sent back"),
                            ("published", "My review is published"),
                            ("scheduled", "My review is scheduled"),
                            ("withdrawn", "My review is withdrawn"),
                            ("comment", "A comment on my review"),
                            ("mention", "Someone mentions me"),
                            ("tagging_digest", "Stories wait for tags (once a day)"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("in_inbox", models.BooleanField(verbose_name="in the back office")),
                ("by_email", models.BooleanField(verbose_name="by email")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notification_preferences",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification preference",
                "verbose_name_plural": "notification preferences",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "kind"), name="notification_preference_unique"
                    )
                ],
            },
        ),
    ]
