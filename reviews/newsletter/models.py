"""The newsletter's records: subscribers (an address, no account), what each follows, and one
delivery row per subscriber and review, which is also the send log. Imported by
reviews/models.py: the app is `reviews`."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reviews.translations import default_language, translated


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Subscriber(models.Model):
    """An email address that asked for the newsletter. Its `key` is part of every signed link
    sent to it: replacing the key ends every link at once."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    key = models.CharField(_("link key"), max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("first confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self):
        return self.email


class SubscriptionKind(models.TextChoices):
    ALL = "all", _("Every review")
    SECTION = "section", _("A section")
    OUTLET = "outlet", _("An outlet")
    EXPERT = "expert", _("An expert")
    TAG = "tag", _("A topic")


class Frequency(models.TextChoices):
    AT_ONCE = "at_once", _("At once")
    DAILY = "daily", _("Daily digest")


# Which field holds the followed subject of each kind (none for every review).
TARGET_FIELDS = {
    SubscriptionKind.SECTION: "section",
    SubscriptionKind.OUTLET: "outlet",
    SubscriptionKind.EXPERT: "expert",
    SubscriptionKind.TAG: "tag",
}


def _target_matches_kind() -> Q:
    """Exactly the field of its kind is set, no other."""
    conditions = []
    for kind in SubscriptionKind.values:
        wanted = TARGET_FIELDS.get(kind)
        conditions.append(
            Q(kind=kind)
            & Q(**{f"{field}__isnull": field != wanted for field in TARGET_FIELDS.values()})
        )
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    return condition


class Subscription(models.Model):
    """One thing a subscriber follows, and how often. Nothing is sent for it before
    `confirmed_at` (double opt-in)."""

    Kind = SubscriptionKind
    Frequency = Frequency

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("subscriber"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    section = models.ForeignKey(
        "reviews.Section", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    outlet = models.ForeignKey(
        "reviews.Outlet", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    expert = models.ForeignKey(
        "reviews.Expert", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.AT_ONCE
    )
    # The language of the page it was asked on: its emails and the editions it brings.
    language = models.CharField(_("language"), max_length=10, default=default_language)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["subscriber", "kind", "pk"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=_target_matches_kind(), name="subscription_target_matches_kind"
            ),
            models.UniqueConstraint(
                fields=["subscriber", "language"],
                condition=Q(kind=SubscriptionKind.ALL),
                name="subscription_all_unique",
            ),
            *(
                models.UniqueConstraint(
                    fields=["subscriber", field, "language"],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"subscription_{field}_unique",
                )
                for field in TARGET_FIELDS.values()
            ),
        ]
        indexes = [
            models.Index(
                fields=["kind"], condition=Q(confirmed_at__isnull=False), name="subscription_live"
            ),
        ]

    def __str__(self):
        return f"{self.subscriber}: {self.describe()}"

    @property
    def target(self):
        field = TARGET_FIELDS.get(self.kind)
        return getattr(self, field) if field else None

    def describe(self) -> str:
        """What it follows, as the reader reads it: "Every review", "Expert: Rui Costa"."""
        target = self.target
        if target is None:
            return str(SubscriptionKind.ALL.label)
        names = {
            SubscriptionKind.SECTION: _("Section"),
            SubscriptionKind.OUTLET: _("Outlet"),
            SubscriptionKind.EXPERT: _("Expert"),
            SubscriptionKind.TAG: _("Topic"),
        }
        return f"{names[self.kind]}: {translated(target)}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent")


class Delivery(models.Model):
    """One review for one subscriber: at most one row each (the database says so), claimed by
    one worker before sending, so that a retry or a second worker never sends it twice. The
    rows of a review are its send log."""

    Status = DeliveryStatus

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("to")
    )
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.CASCADE,
        related_name="newsletter_deliveries",
        verbose_name=_("review"),
    )
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("because of"),
    )
    digest = models.BooleanField(_("in the daily digest"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error or reason"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter send log")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "review"], name="delivery_once_per_subscriber"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="delivery_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["review", "status"], name="delivery_review_status"),
            models.Index(
                fields=["subscriber"],
                condition=Q(status=DeliveryStatus.QUEUED, digest=True),
                name="delivery_digest_waiting",
            ),
        ]

    def __str__(self):
        return f"{self.review} → {self.subscriber}"


class Mailing(models.Model):
    """A review's newsletter was started: its deliveries were made. What the catch-up
    (`manage.py send_newsletter`) looks for, so that a review is matched once."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.CASCADE, related_name="mailing"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    matched = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("newsletter mailing")
        verbose_name_plural = _("newsletter mailings")

    def __str__(self):
        return f"{self.review}"
