"""The newsroom's records: notifications and each person's choice of how to get them, comments,
and the activity log (docs/EDITING.md). Imported by reviews/models.py: the app is `reviews`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
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


class CommentQuerySet(models.QuerySet):
    def open(self):
        """Comments in threads not resolved (a reply is as open as its thread)."""
        return self.filter(resolved_at__isnull=True, parent__resolved_at__isnull=True)

    def resolved(self):
        return self.exclude(pk__in=self.open().values("pk"))

    def threads(self):
        """Comments that begin a thread (replies hang under them)."""
        return self.filter(parent__isnull=True)

    def for_panel(self):
        """As the comments panel shows them: each with its author, story, resolver and the
        people it mentions, oldest first (threads are put together in Python)."""
        return (
            self.select_related("author", "resolved_by", "story", "story__outlet")
            .prefetch_related("mentioned")
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    """A note by one of the team on a review or one of its stories, for the back office only:
    never content, never shown to readers (docs/EDITING.md, "Comments")."""

    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("review"),
    )
    # A story removed later leaves its comments on the review, not lost.
    story = models.ForeignKey(
        "reviews.Story",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("story"),
    )
    # Replies hang under the comment that began the thread: one level, like a chat.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))
    mentioned = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="mentioned_in_comments",
        verbose_name=_("mentioned"),
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    # The review as the comment's author saw it: its version then, and its latest revision
    # in the history (django-reversion), to compare with what it is now.
    review_version = models.PositiveIntegerField(_("review version"))
    review_revision = models.ForeignKey(
        "reversion.Version",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("review revision"),
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["review", "created_at"], name="comment_review_idx"),
            models.Index(fields=["-created_at"], name="comment_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="comment_body_not_empty"),
            models.CheckConstraint(
                condition=Q(resolved_by__isnull=True) | Q(resolved_at__isnull=False),
                name="comment_resolved_by_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="comment_not_its_own_reply"
            ),
        ]

    def __str__(self):
        return Truncator(self.body).chars(60)

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    def on_earlier_version(self, review=None) -> bool:
        """Whether the review has changed since the comment was posted."""
        return (review or self.review).version > self.review_version


class ActivityKind(models.TextChoices):
    # The workflow's transitions, by their names in reviews.publishing.workflow.TRANSITIONS.
    SUBMIT = "submit", _("Submitted for review")
    PUBLISH = "publish", _("Published")
    SCHEDULE = "schedule", _("Scheduled")
    WITHDRAW = "withdraw", _("Withdrawn")
    SEND_BACK = "send_back", _("Sent back")
    TO_DRAFT = "to_draft", _("Back to draft")
    COMMENT = "comment", _("Comment")
    RESOLVE = "resolve", _("Comment resolved")
    REOPEN = "reopen", _("Comment reopened")
    MERGE = "merge", _("Stale save merged")


class Activity(models.Model):
    """One thing someone did to a review, for the log across the site. Written by the
    listeners of the newsroom's events (reviews.newsroom.activity), never edited."""

    Kind = ActivityKind

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("review"),
    )
    # Kept as it was, so that the log still names a review deleted since.
    review_title = models.CharField(_("review title"), max_length=255)
    comment = models.ForeignKey(
        Comment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comment"),
    )
    detail = models.TextField(_("detail"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log entries")
        indexes = [
            models.Index(fields=["-created_at"], name="activity_recent_idx"),
            models.Index(fields=["review", "-created_at"], name="activity_review_idx"),
            models.Index(fields=["actor", "-created_at"], name="activity_actor_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.review_title}"
