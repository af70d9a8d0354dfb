"""Notification email, sent by the background worker (`manage.py db_worker`), never inside a
request: once per notification, and tried again with growing delays while the mail server
fails. docs/EDITING.md, "Notifications".
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from reviews.models import Notification

logger = logging.getLogger(__name__)


class EmailNotSent(Exception):
    """One attempt failed. The worker records the task as failed; unless it was the last
    attempt, another task is already queued for later."""


@task()
def send_notification_email(notification_id: int) -> str:
    return deliver(notification_id)


def enqueue_email(notification_id: int, *, run_after: datetime.datetime | None = None) -> None:
    """Queue the email of one notification, for now or for `run_after`. A backend that runs
    tasks at once (tests) cannot wait: it tries again at once."""
    email_task = send_notification_email
    if run_after is not None and email_task.get_backend().supports_defer:
        email_task = email_task.using(run_after=run_after)
    email_task.enqueue(notification_id)


def deliver(notification_id: int) -> str:
    """Send the notification's email unless it went out already; say what happened.

    The row stays locked while the mail server is talking, so that a second task for the
    same notification waits and then finds it sent.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "gone"
        if notification.emailed_at is not None:
            return "already sent"
        if not notification.email_wanted or not notification.recipient.email:
            return "no email wanted"
        notification.email_attempts += 1
        try:
            compose(notification).send()
        except Exception as error:  # the mail server's or the network's: try again later
            notification.email_error = f"{type(error).__name__}: {error}"[:2000]
            failure = error
        else:
            notification.emailed_at = timezone.now()
            notification.email_error = ""
            failure = None
        notification.save(update_fields=["email_attempts", "email_error", "emailed_at"])
        if failure is None:
            return "sent"
        retry_at = next_attempt_at(notification.email_attempts)
        if retry_at is not None:
            transaction.on_commit(partial(enqueue_email, notification.pk, run_after=retry_at))
    attempt = notification.email_attempts
    if retry_at is None:
        logger.error(
            "Notification %s: email attempt %s failed (%s); giving up.",
            notification.pk,
            attempt,
            notification.email_error,
        )
        raise EmailNotSent(f"Attempt {attempt} failed: {failure}. Giving up.") from failure
    logger.warning(
        "Notification %s: email attempt %s failed (%s); trying again at %s.",
        notification.pk,
        attempt,
        notification.email_error,
        retry_at.isoformat(timespec="seconds"),
    )
    raise EmailNotSent(
        f"Attempt {attempt} failed: {failure}. Trying again at {retry_at:%H:%M:%S} UTC."
    ) from failure


def next_attempt_at(attempts_made: int) -> datetime.datetime | None:
    """When to try again after `attempts_made` failed attempts, or None: no more."""
    delays = settings.PRESSREVIEW_EMAIL_RETRY_DELAYS
    if attempts_made > len(delays):
        return None
    return timezone.now() + datetime.timedelta(seconds=delays[attempts_made - 1])


def compose(notification: Notification) -> EmailMessage:
    """The message: the summary as subject, the detail, and a link into the back office."""
    site = settings.PRESSREVIEW_SITE_URL
    summary = " ".join(notification.summary.split())
    if notification.in_inbox:
        # Through the inbox, so that following the link marks the notification read.
        target = reverse("admin:reviews_notification_open", args=[notification.pk])
    else:
        target = notification.link
    paragraphs = [summary]
    if notification.detail.strip():
        paragraphs.append(notification.detail.strip())
    paragraphs.append(_("Open it: %(address)s") % {"address": f"{site}{target}"})
    paragraphs.append(
        _("You receive this because of your notification settings: %(address)s")
        % {"address": f"{site}{reverse('admin:reviews_notification_preferences')}"}
    )
    return EmailMessage(
        subject=f"[{settings.PRESSREVIEW_SITE_NAME}] {summary}",
        body="\n\n".join(paragraphs) + "\n",
        to=[notification.recipient.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
