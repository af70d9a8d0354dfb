"""The newsletter's work for the background worker (`manage.py db_worker`): start a review's
mailing, send a batch of deliveries, answer a sign-up, send an editor's test. Queued when the
transaction that asks for it commits; never run inside a request."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from reviews.models import Review
from reviews.newsletter import emails, sending
from reviews.newsletter.models import Subscription
from reviews.newsroom.tasks import EmailNotSent, next_attempt_at


def later(task_function, run_after: datetime.datetime | None):
    """The task for `run_after`, where the backend can wait (tests' immediate one cannot)."""
    if run_after is not None and task_function.get_backend().supports_defer:
        return task_function.using(run_after=run_after)
    return task_function


@task()
def start_mailing(review_id: int) -> str:
    return sending.start_mailing(review_id)


def enqueue_mailing(review_id: int, *, run_after=None) -> None:
    later(start_mailing, run_after).enqueue(review_id)


@task()
def send_batch(delivery_ids: list[int]) -> str:
    return sending.send_batch(delivery_ids)


def enqueue_batch(delivery_ids: list[int], *, run_after=None) -> None:
    later(send_batch, run_after).enqueue(delivery_ids)


@task()
def send_notice(outcome: str, subscription_id: int, attempt: int = 1) -> str:
    """The answer to a sign-up (reviews.newsletter.subscriptions.request_subscription)."""
    subscription = (
        Subscription.objects.select_related(
            "subscriber", "section", "outlet", "expert", "tag__translation"
        )
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return "gone"
    if outcome == "confirm" and subscription.confirmed_at is not None:
        return "already confirmed"
    try:
        emails.notice_email(outcome, subscription).send()
    except Exception as error:  # the mail server's: try again later, then give up
        again = next_attempt_at(attempt)
        if again is not None:
            transaction.on_commit(
                lambda: later(send_notice, again).enqueue(outcome, subscription_id, attempt + 1)
            )
        raise EmailNotSent(f"Attempt {attempt} failed: {error}.") from error
    return "sent"


def enqueue_notice(outcome: str, subscription_id: int) -> None:
    send_notice.enqueue(outcome, subscription_id)


@task()
def send_test(review_id: int, address: str) -> str:
    """An editor's test: the review's email to their own address, whatever its status (the
    address is the editor's, who may read it)."""
    review = Review.objects.filter(pk=review_id).first()
    if review is None:
        return "gone"
    email = emails.review_email(review, to=address, subscriber=None)
    email.subject = _("[Test] %(subject)s") % {"subject": email.subject}
    email.send()
    return "sent"
