"""Sending the newsletter, by the worker: a published review is matched once against the
confirmed subscriptions (one delivery row per subscriber, which the database keeps unique),
then sent in batches, each row claimed by one worker before its email goes out. A review
that is not public when its turn comes is not sent. README.md, "The newsletter"."""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reviews.models import ANY_LANGUAGE, Citation, Review, Story, TaggedStory
from reviews.newsletter.emails import digest_email, review_email
from reviews.newsletter.models import Delivery, Frequency, Mailing, Subscription
from reviews.newsroom.tasks import next_attempt_at

logger = logging.getLogger(__name__)
Status = Delivery.Status

# When one review matches several subscriptions of one address, the reason the email gives.
PRECEDENCE = ["expert", "outlet", "tag", "section", "all"]


def matching_subscriptions(review: Review):
    """The confirmed subscriptions in `review`'s language that it matches: every review,
    its section, and the outlets, experts and tags of its stories."""
    stories = Story.objects.filter(review=review)
    return (
        Subscription.objects.filter(confirmed_at__isnull=False, language=review.language)
        .filter(
            Q(kind=Subscription.Kind.ALL)
            | Q(section_id=review.section_id)
            | Q(outlet__in=stories.values("outlet"))
            | Q(expert__in=Citation.objects.filter(story__review=review).values("expert"))
            | Q(tag__in=TaggedStory.objects.filter(content_object__review=review).values("tag"))
        )
        .select_related("section", "outlet", "expert", "tag__translation")
    )


def start_mailing(review_id: int, *, now=None) -> str:
    """Make the deliveries of a review that is public now, once, and queue the email of
    those wanted at once. Run again, it adds nobody twice and sends nothing twice."""
    from reviews.newsletter.tasks import enqueue_batch

    review = Review.objects.filter(pk=review_id).first()
    if review is None:
        return "gone"
    if not review.is_published(now=now):
        return "not public"
    chosen: dict[int, Subscription] = {}
    at_once: set[int] = set()
    for subscription in matching_subscriptions(review):
        subscriber = subscription.subscriber_id
        kept = chosen.get(subscriber)
        if kept is None or PRECEDENCE.index(subscription.kind) < PRECEDENCE.index(kept.kind):
            chosen[subscriber] = subscription
        if subscription.frequency == Frequency.AT_ONCE:
            at_once.add(subscriber)
    with transaction.atomic():
        mailing, _created = Mailing.objects.get_or_create(review=review)
        Delivery.objects.bulk_create(
            [
                Delivery(
                    subscriber_id=subscriber,
                    review=review,
                    subscription=subscription,
                    digest=subscriber not in at_once,
                )
                for subscriber, subscription in chosen.items()
            ],
            batch_size=500,
            ignore_conflicts=True,  # made before: by an earlier run, or another worker
        )
        Mailing.objects.filter(pk=mailing.pk).update(matched=len(chosen))
        waiting = list(
            Delivery.objects.filter(
                review=review, digest=False, status=Status.QUEUED, attempts=0
            ).values_list("pk", flat=True)
        )
        size = settings.PRESSREVIEW_NEWSLETTER_BATCH_SIZE
        for start in range(0, len(waiting), size):
            batch = waiting[start : start + size]
            transaction.on_commit(lambda batch=batch: enqueue_batch(batch))
    return f"{len(chosen)} matched, {len(waiting)} queued at once"


def catch_up(*, now=None) -> list[str]:
    """Start the mailing of every review that became public lately without one: a
    scheduled review whose time came while no task waited for it, or one published while
    the queue was lost. How far back: PRESSREVIEW_NEWSLETTER_CATCH_UP_HOURS."""
    now = now or timezone.now()
    since = now - datetime.timedelta(hours=settings.PRESSREVIEW_NEWSLETTER_CATCH_UP_HOURS)
    due = (
        Review.objects.published(now=now)
        .in_language(ANY_LANGUAGE)
        .filter(publish_at__gte=since, mailing__isnull=True)
    )
    return [f"{review.pk}: {start_mailing(review.pk, now=now)}" for review in due]


def digest_batches() -> list[list[int]]:
    """The waiting digest deliveries, in batches that keep each subscriber's rows together."""
    rows = Delivery.objects.filter(status=Status.QUEUED, digest=True).order_by("subscriber", "pk")
    by_subscriber: dict[int, list[int]] = defaultdict(list)
    for pk, subscriber in rows.values_list("pk", "subscriber_id"):
        by_subscriber[subscriber].append(pk)
    batches, current = [], []
    for pks in by_subscriber.values():
        current.extend(pks)
        if len(current) >= settings.PRESSREVIEW_NEWSLETTER_BATCH_SIZE:
            batches.append(current)
            current = []
    if current:
        batches.append(current)
    return batches


def claim(delivery_ids: list[int], *, now) -> list[int]:
    """The rows this worker may send: each moved from queued to sending by one conditional
    UPDATE, which only one worker can make, for a lease (its `next_attempt_at`) after which
    a row still "sending" counts as abandoned (`reclaim_abandoned`). Rows of a review that is
    no longer public are not sent, now or later."""
    Delivery.objects.filter(pk__in=delivery_ids, status=Status.QUEUED).exclude(
        review__in=Review.objects.published(now=now)
    ).update(status=Status.SKIPPED, error=_("The review is not public (withdrawn)."))
    due = Delivery.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        pk__in=delivery_ids,
        status=Status.QUEUED,
    ).values_list("pk", flat=True)
    lease_ends = now + datetime.timedelta(minutes=settings.PRESSREVIEW_NEWSLETTER_LEASE_MINUTES)
    won = []
    for pk in due:
        with transaction.atomic():
            if Delivery.objects.filter(pk=pk, status=Status.QUEUED).update(
                status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=lease_ends
            ):
                won.append(pk)
    return won


def send_batch(delivery_ids: list[int], *, now=None) -> str:
    """Send the deliveries in `delivery_ids` that are still to send: one email each, or one
    per subscriber for digest rows, over one connection to the mail server. What fails is
    queued again for later (PRESSREVIEW_EMAIL_RETRY_DELAYS), then given up."""
    from reviews.newsletter.tasks import enqueue_batch

    now = now or timezone.now()
    claimed = claim(delivery_ids, now=now)
    if not claimed:
        return "nothing to send"
    rows = list(
        Delivery.objects.filter(pk__in=claimed)
        .select_related("subscriber", "review", "subscription__section")
        .select_related(
            "subscription__outlet", "subscription__expert", "subscription__tag__translation"
        )
        .order_by("subscriber_id", "review__publish_at", "pk")
    )
    emails = []
    # One digest per subscriber and language: each email is in one language.
    digests: dict[tuple[int, str], list[Delivery]] = defaultdict(list)
    for row in rows:
        if row.digest:
            digests[row.subscriber_id, row.review.language].append(row)
        else:
            with translation.override(row.review.language):
                because = row.subscription.describe() if row.subscription else ""
            emails.append(
                (
                    [row],
                    review_email(
                        row.review,
                        to=row.subscriber.email,
                        subscriber=row.subscriber,
                        because=because,
                    ),
                )
            )
    for group in digests.values():
        subscriber = group[0].subscriber
        emails.append(
            (
                group,
                digest_email(
                    [row.review for row in group], to=subscriber.email, subscriber=subscriber
                ),
            )
        )
    sent, retry = outcome_of(emails)
    if retry:
        when = min(at for _pks, at in retry)
        transaction.on_commit(
            lambda: enqueue_batch([pk for pks, _at in retry for pk in pks], run_after=when)
        )
    return f"{sent} sent, {len(rows) - sent} failed"


def reclaim_abandoned(*, now=None) -> list[int]:
    """Queue again the rows a worker claimed and never finished (it was stopped or died while
    sending): "sending" after their lease. Their email may have gone out just before the
    worker stopped; sending it again is the lesser harm than never sending it. A row that has
    had all its attempts is given up. Returns the ids queued again."""
    now = now or timezone.now()
    abandoned = Delivery.objects.filter(status=Status.SENDING, next_attempt_at__lt=now)
    given_up = len(settings.PRESSREVIEW_EMAIL_RETRY_DELAYS) + 1
    abandoned.filter(attempts__gte=given_up).update(
        status=Status.FAILED, error=_("The worker stopped while sending, every attempt.")
    )
    again = list(abandoned.filter(attempts__lt=given_up).values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=again, status=Status.SENDING).update(
        status=Status.QUEUED, next_attempt_at=None, error=_("The worker stopped while sending.")
    )
    if again:
        logger.warning("Newsletter deliveries %s were abandoned while sending: queued again", again)
    return again


def outcome_of(emails) -> tuple[int, list]:
    """Send each (rows, message), recording each row's outcome. Returns how many rows were
    sent, and the (row ids, when) of those to try again."""
    sent, retry = 0, []
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
        opened = None
    except Exception as error:  # the server is down: every message fails alike
        opened = error
    for rows, email in emails:
        failure = opened
        if failure is None:
            try:
                email.connection = connection
                email.send()
            except Exception as error:  # refused, or the connection broke
                failure = error
        ids = [row.pk for row in rows]
        if failure is None:
            Delivery.objects.filter(pk__in=ids).update(
                status=Status.SENT, sent_at=timezone.now(), error="", next_attempt_at=None
            )
            sent += len(ids)
            continue
        reason = f"{type(failure).__name__}: {failure}"[:2000]
        attempts = rows[0].attempts  # counted when claimed
        again = next_attempt_at(attempts)
        if again is None:
            logger.error("Newsletter to %s failed %s times: %s", ids, attempts, reason)
            Delivery.objects.filter(pk__in=ids).update(status=Status.FAILED, error=reason)
        else:
            logger.warning("Newsletter to %s failed (%s); again at %s", ids, reason, again)
            Delivery.objects.filter(pk__in=ids).update(
                status=Status.QUEUED, error=reason, next_attempt_at=again
            )
            retry.append((ids, again))
    if opened is None:
        connection.close()
    return sent, retry
