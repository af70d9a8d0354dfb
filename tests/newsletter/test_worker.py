"""The newsletter through the worker's real path: queued in the database when a review is
published or its scheduled time comes, sent by `manage.py db_worker` to an SMTP server started
here, once per subscriber even when the work is queued twice, and tried again with growing
delays while the server refuses, each attempt in the send log."""

import datetime
import importlib
import threading

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reviews.models import Delivery, Subscriber, Subscription
from reviews.newsletter import sending
from reviews.newsletter.tasks import enqueue_batch, enqueue_mailing
from reviews.publishing import workflow
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory
from tests.support.smtp import received, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def chief(transactional_db):
    """An editor who may publish (the groups come from data migrations, flushed here)."""
    importlib.import_module("reviews.migrations.0002_editorial_groups").create_groups(apps, None)
    importlib.import_module("reviews.migrations.0005_workflow_group_permissions").add_permissions(
        apps, None
    )
    return UserFactory(username="paulo", groups=["Editors"])


@pytest.fixture
def draft(chief):
    review = ReviewFactory(draft=True, title="Ports strike spreads north")
    StoryFactory(review=review)
    return review


@pytest.fixture
def readers(transactional_db):
    now = timezone.now()
    for name in ("ana", "rui", "marta"):
        subscriber = Subscriber.objects.create(email=f"{name}@example.org", confirmed_at=now)
        Subscription.objects.create(subscriber=subscriber, kind="all", confirmed_at=now)


def test_publishing_sends_once_even_when_the_work_is_queued_twice(
    smtp_server, settings, readers, draft, chief
):
    """A retried task or a second worker finds each delivery claimed or sent."""
    settings.PRESSREVIEW_NEWSLETTER_BATCH_SIZE = 2
    workflow.review_publish(review=draft, by=chief)
    assert smtp_server.messages == [], "nothing is sent inside the request"
    enqueue_mailing(draft.pk)  # the same work, queued again

    run_worker()
    enqueue_batch(list(Delivery.objects.values_list("pk", flat=True)))
    run_worker()

    assert sorted(message["To"] for message in received(smtp_server)) == [
        "ana@example.org",
        "marta@example.org",
        "rui@example.org",
    ]
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}
    outcomes = set(DBTaskResult.objects.values_list("return_value", flat=True))
    assert "nothing to send" in outcomes


def test_a_delivery_is_claimed_by_one_worker_only(readers, draft, chief):
    workflow.review_publish(review=draft, by=chief)
    sending.start_mailing(draft.pk)
    ids = list(Delivery.objects.values_list("pk", flat=True))

    first = sending.claim(ids, now=timezone.now())
    second = sending.claim(ids, now=timezone.now())

    assert sorted(first) == sorted(ids) and second == []


def test_two_workers_sending_the_same_batch_at_once_send_each_email_once(
    smtp_server, readers, draft, chief
):
    """Two threads, two database connections, one batch, released together."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is not shared between threads")
    workflow.review_publish(review=draft, by=chief)
    sending.start_mailing(draft.pk)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    start = threading.Barrier(2)
    outcomes = []

    def worker():
        start.wait()
        try:
            outcomes.append(sending.send_batch(ids))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(smtp_server.messages) == 3
    assert sorted(message["To"] for message in received(smtp_server)) == [
        "ana@example.org",
        "marta@example.org",
        "rui@example.org",
    ]
    assert len(outcomes) == 2
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_a_scheduled_review_is_sent_when_its_time_comes(
    smtp_server, readers, draft, chief, time_machine
):
    time_machine.move_to(timezone.now(), tick=True)
    workflow.review_schedule(
        review=draft, by=chief, at=timezone.now() + datetime.timedelta(hours=2)
    )

    run_worker()
    assert smtp_server.messages == [], "not before its time"

    time_machine.shift(datetime.timedelta(hours=2, minutes=1))
    run_worker()
    run_worker()

    assert len(smtp_server.messages) == 3


def test_a_refusing_server_is_tried_again_later_and_the_send_log_shows_it(
    smtp_server, readers, draft, chief, time_machine
):
    smtp_server.refusals_left = 3  # every message of the first round
    time_machine.move_to(timezone.now(), tick=True)
    workflow.review_publish(review=draft, by=chief)

    run_worker()

    assert smtp_server.refused == 3 and smtp_server.messages == []
    for delivery in Delivery.objects.all():
        assert delivery.status == "queued" and delivery.attempts == 1
        assert "451" in delivery.error
        assert delivery.next_attempt_at - timezone.now() > datetime.timedelta(seconds=50)
    run_worker()
    assert smtp_server.messages == [], "the retry waits for its time"

    time_machine.shift(datetime.timedelta(minutes=1, seconds=5))
    run_worker()

    assert len(smtp_server.messages) == 3
    assert set(Delivery.objects.values_list("status", "attempts", "error")) == {("sent", 2, "")}
