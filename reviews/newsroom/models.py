"""What the newsroom tells its people: notifications and each person's choice of how to get
them (docs/EDITING.md, "Notifications"). Imported by reviews/models.py: the app is `reviews`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    SUBMITTED = "submitted", _("A review is submitted for review")
    SENT_BACK = "sent_back", _("My review is sent back")
    PUBLISHED = "published", _("My review is published")
    SCHEDULED = "scheduled", _("My review is scheduled")
    WITHDRAWN = "withdrawn", _("My review is withdrawn")
    COMMENT = "comment", _("A comment on my review")
    MENTION = "mention", _("Someone mentions me")
    TAGGING_DIGEST = "tagging_digest", _("Stories wait for tags (once a day)")


class NotificationQuerySet(models.QuerySet):
    def inbox_of(self, user):
        """What `user` sees in the back office's inbox, newest first."""
        return self.filter(recipient=user, in_inbox=True).order_by("-created_at", "-pk")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing told to one person, in the inbox, by email, or both, as they chose."""

    Kind = NotificationKind

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("review"),
    )
    summary = models.CharField(_("summary"), max_length=300)
    detail = models.TextField(_("detail"), blank=True)
    link = models.CharField(_("link"), max_length=500, help_text=_("An address on this site."))
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    in_inbox = models.BooleanField(_("in the inbox"), default=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_wanted = models.BooleanField(_("by email"), default=False)
    # Set once the message is handed to the mail server: the worker sends nothing after it.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0)
    email_error = models.TextField(_("last email error"), blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox_idx"),
            # The unread count in every admin page's header reads this small index alone.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True, in_inbox=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self):
        return self.summary

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice for one kind of notification; without one, the kind's default
    (reviews.newsroom.notifications.DEFAULTS) holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    in_inbox = models.BooleanField(_("in the back office"))
    by_email = models.BooleanField(_("by email"))

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind}"
