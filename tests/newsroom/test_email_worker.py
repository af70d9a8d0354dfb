"""Notification email through the real path: queued in the database when the transition
commits, sent by the worker (`manage.py db_worker`) to an SMTP server started here, tried
again after the server refuses, and sent once."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reviews.models import Notification
from reviews.newsroom.tasks import enqueue_email
from reviews.publishing import workflow
from tests.support.smtp import free_port, received, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def editorial_groups(transactional_db):
    """The groups a data migration creates, which the flush after each of these tests drops."""
    importlib.import_module("reviews.migrations.0002_editorial_groups").create_groups(apps, None)
    importlib.import_module("reviews.migrations.0005_workflow_group_permissions").add_permissions(
        apps, None
    )


@pytest.fixture
def sent_back(ready_draft, author, chief):
    """Ana's review, submitted, then sent back by Paulo: a committed transition."""
    workflow.review_submit(review=ready_draft, by=author)
    DBTaskResult.objects.all().delete()  # Paulo's "submitted" email: not this test's
    Notification.objects.all().delete()
    workflow.review_send_back(
        review=ready_draft, by=chief, reason="The second story needs a named source."
    )
    return Notification.objects.get(recipient=author)


def test_the_worker_delivers_the_email_through_the_smtp_server(smtp_server, sent_back, author):
    assert smtp_server.messages == [], "nothing is sent inside the request"
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()

    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["ana@example.org"]
    [message] = received(smtp_server)
    assert message["To"] == "ana@example.org"
    # (A long non-ASCII subject is folded onto the next line: unfold it as mail readers do.)
    assert " ".join(message["Subject"].split()) == (
        "[Pressreview] Paulo Reis sent “Ports strike spreads north” back to you"
    )
    body = message.get_content()
    assert "The second story needs a named source." in body
    assert f"http://127.0.0.1:8000/admin/reviews/notification/{sent_back.pk}/open/" in body
    sent_back.refresh_from_db()
    assert sent_back.emailed_at is not None
    assert sent_back.email_attempts == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_refused_email_is_tried_again_later_and_delivered_once(
    smtp_server, sent_back, time_machine
):
    smtp_server.refusals_left = 1
    time_machine.move_to(timezone.now(), tick=True)

    run_worker()

    sent_back.refresh_from_db()
    assert smtp_server.refused == 1 and smtp_server.messages == []
    assert sent_back.emailed_at is None
    assert sent_back.email_attempts == 1
    assert "451" in sent_back.email_error
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert "Trying again at" in failed.traceback
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.run_after - timezone.now() > datetime.timedelta(seconds=50)

    run_worker()
    assert smtp_server.messages == [], "the retry waits for its time"

    time_machine.shift(datetime.timedelta(minutes=1, seconds=5))
    run_worker()
    run_worker()

    assert len(smtp_server.messages) == 1
    sent_back.refresh_from_db()
    assert sent_back.emailed_at is not None
    assert sent_back.email_attempts == 2
    assert sent_back.email_error == ""


def test_a_second_task_for_the_same_notification_sends_nothing(smtp_server, sent_back):
    enqueue_email(sent_back.pk)

    run_worker()

    assert len(smtp_server.messages) == 1
    outcomes = sorted(DBTaskResult.objects.values_list("return_value", flat=True))
    assert outcomes == ["already sent", "sent"]


def test_an_unreachable_server_is_retried_then_given_up(
    database_queue, settings, sent_back, time_machine
):
    """No server at all: each attempt fails at once; after the last, no more tries."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.PRESSREVIEW_EMAIL_RETRY_DELAYS = [60, 300]
    time_machine.move_to(timezone.now(), tick=True)

    for _ in range(4):
        run_worker()
        time_machine.shift(datetime.timedelta(minutes=10))

    sent_back.refresh_from_db()
    assert sent_back.emailed_at is None
    assert sent_back.email_attempts == 3
    assert "Connection refused" in sent_back.email_error or "ConnectionRefused" in (
        sent_back.email_error
    )
    assert DBTaskResult.objects.failed().count() == 3
    assert not DBTaskResult.objects.ready().exists()
